import { UploadThingError } from "uploadthing/server";
import type { AnyFileRoute } from "uploadthing/types";
import { requestFromAdapterArgs } from "./adapter-request";
import { formatFileSize } from "./file-size";
import type { FileTypeLimits } from "./route-config";
import type {
  AuthFunction,
  JsonObject,
  UploadAuth,
  UploadQuota,
  UploadRequestContext,
} from "./router-options";
import type { MaybePromise, UploadRequestFile } from "./types";
import { fileRejectionError, forbiddenError } from "./upload-error";
import { checkUploadFiles } from "./validate-files";

type RouteMiddleware = AnyFileRoute["middleware"];
type ContextHook<TAuth extends UploadAuth, TResult> = (
  context: UploadRequestContext<TAuth>,
) => MaybePromise<TResult>;

/** The checks that run before any upload URL of a route is signed. */
export interface RouteGuardOptions<TAuth extends UploadAuth> {
  auth: AuthFunction<TAuth>;
  authorize?: ContextHook<TAuth, boolean | string>;
  quota?: ContextHook<TAuth, UploadQuota | null | undefined>;
  metadata?: ContextHook<TAuth, JsonObject>;
}

// Errors that hooks throw on purpose keep their code and message. Anything
// else is a bug or an outage in the app, logged here because the client only
// learns that the request was rejected.
function rejectOnUnexpectedError(
  error: unknown,
  route: string,
  hook: string,
): UploadThingError {
  if (error instanceof UploadThingError) return error;

  console.error(
    `dropsync: the ${hook} hook threw on the ${route} route, so the upload request was rejected with 403.`,
    error,
  );
  return forbiddenError("The upload request could not be authorized.", error);
}

async function authenticate<TAuth extends UploadAuth>(
  auth: AuthFunction<TAuth>,
  request: Request,
  route: string,
): Promise<TAuth> {
  let user: TAuth | null | undefined;
  try {
    user = await auth(request);
  } catch (error) {
    throw rejectOnUnexpectedError(error, route, "auth");
  }

  if (user === null || user === undefined) {
    throw forbiddenError("You must be signed in to upload files.");
  }
  if (typeof user.userId !== "string" || user.userId === "") {
    throw new UploadThingError({
      code: "INTERNAL_SERVER_ERROR",
      message:
        "The auth function returned a user without a userId string. Return { userId } for a signed-in user or null for an anonymous request.",
    });
  }

  return user;
}

async function runHook<TAuth extends UploadAuth, TResult>(
  hook: ContextHook<TAuth, TResult>,
  context: UploadRequestContext<TAuth>,
  name: string,
): Promise<TResult> {
  try {
    return await hook(context);
  } catch (error) {
    throw rejectOnUnexpectedError(error, context.route, name);
  }
}

async function authorize<TAuth extends UploadAuth>(
  hook: ContextHook<TAuth, boolean | string>,
  context: UploadRequestContext<TAuth>,
): Promise<void> {
  const decision = await runHook(hook, context, "authorize");
  if (decision === true) return;

  // Anything but `true` rejects, so a hook without a return statement fails
  // closed.
  throw forbiddenError(
    typeof decision === "string" && decision !== ""
      ? decision
      : `You are not allowed to upload files to the ${context.route} route.`,
  );
}

function totalBytes(files: readonly UploadRequestFile[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

async function enforceQuota<TAuth extends UploadAuth>(
  hook: ContextHook<TAuth, UploadQuota | null | undefined>,
  context: UploadRequestContext<TAuth>,
): Promise<void> {
  const quota = await runHook(hook, context, "quota");
  if (!quota) return;

  const { remainingBytes, remainingFiles } = quota;
  const requestedBytes = totalBytes(context.files);
  if (remainingBytes !== undefined && requestedBytes > remainingBytes) {
    throw forbiddenError(
      `This upload needs ${formatFileSize(requestedBytes)}, but only ${formatFileSize(Math.max(0, remainingBytes))} of your storage quota is left.`,
    );
  }
  if (remainingFiles !== undefined && context.files.length > remainingFiles) {
    throw forbiddenError(
      `This upload has ${context.files.length} files, but your quota allows only ${Math.max(0, remainingFiles)} more.`,
    );
  }
}

/**
 * Wraps a route's middleware with the checks of every upload request. In
 * order: authentication, the file checks against the route's limits, and
 * the `authorize`, `quota` and `metadata` hooks. All of them run before the
 * route's own middleware and before UploadThing signs any upload URL. The
 * returned metadata always contains the authenticated `userId`.
 */
export function guardMiddleware<TAuth extends UploadAuth>(
  route: string,
  limits: Record<string, FileTypeLimits>,
  options: RouteGuardOptions<TAuth>,
  routeMiddleware?: RouteMiddleware,
): RouteMiddleware {
  return async (args: Record<string, unknown>) => {
    const request = requestFromAdapterArgs(args);
    const auth = await authenticate(options.auth, request, route);

    const files = args.files as readonly UploadRequestFile[];
    const { rejections, resolvedTypes } = checkUploadFiles(
      files,
      route,
      limits,
    );
    if (rejections.length > 0) throw fileRejectionError(rejections);
    // UploadThing 7.7 checks the request's own file objects again after the
    // middleware and signs each URL with that type, so a generic type such
    // as application/octet-stream is replaced where it is, not in a copy.
    for (const [index, type] of resolvedTypes) {
      const file = files[index] as { type: string } | undefined;
      if (file) file.type = type;
    }

    const context: UploadRequestContext<TAuth> = {
      auth,
      userId: auth.userId,
      route,
      files,
      input: args.input,
      request,
    };
    if (options.authorize) await authorize(options.authorize, context);
    if (options.quota) await enforceQuota(options.quota, context);

    const extraMetadata = options.metadata
      ? await runHook(options.metadata, context, "metadata")
      : {};
    const routeMetadata = routeMiddleware ? await routeMiddleware(args) : {};

    // userId comes last, so no other source can overwrite it.
    return { ...routeMetadata, ...extraMetadata, userId: auth.userId };
  };
}
