import { IngestError } from "./errors";

/** Body of `POST /route-metadata`, sent by the route handler. */
export interface RouteMetadataBody {
  fileKeys: string[];
  metadata: Record<string, unknown>;
  isDev: boolean;
  callbackUrl: string;
  callbackSlug: string;
  awaitServerData: boolean;
}

/** Body of `POST /callback-result`, sent after `onUploadComplete` ran. */
export type CallbackResultBody =
  | { fileKey: string; callbackData: unknown }
  | { fileKey: string; error: string };

/** Validates a `/route-metadata` body; throws an `IngestError` naming the field. */
export function parseRouteMetadata(value: unknown): RouteMetadataBody {
  const body = requireObject(value, "/route-metadata");
  const { fileKeys, metadata, isDev, callbackUrl, callbackSlug } = body;
  const awaitServerData = body.awaitServerData ?? true;
  if (
    !Array.isArray(fileKeys) ||
    !fileKeys.every((key) => typeof key === "string")
  ) {
    throw invalidField("/route-metadata", "fileKeys", "an array of file keys");
  }
  if (typeof metadata !== "object" || metadata === null) {
    throw invalidField("/route-metadata", "metadata", "an object");
  }
  if (typeof isDev !== "boolean") {
    throw invalidField("/route-metadata", "isDev", "a boolean");
  }
  if (typeof callbackUrl !== "string" || !URL.canParse(callbackUrl)) {
    throw invalidField("/route-metadata", "callbackUrl", "an absolute URL");
  }
  if (typeof callbackSlug !== "string" || callbackSlug === "") {
    throw invalidField("/route-metadata", "callbackSlug", "a route slug");
  }
  if (typeof awaitServerData !== "boolean") {
    throw invalidField("/route-metadata", "awaitServerData", "a boolean");
  }
  return {
    fileKeys: fileKeys as string[],
    metadata: metadata as Record<string, unknown>,
    isDev,
    callbackUrl,
    callbackSlug,
    awaitServerData,
  };
}

/** Validates a `/callback-result` body. */
export function parseCallbackResult(value: unknown): CallbackResultBody {
  const body = requireObject(value, "/callback-result");
  if (typeof body.fileKey !== "string") {
    throw invalidField("/callback-result", "fileKey", "a file key");
  }
  if ("error" in body) {
    return { fileKey: body.fileKey, error: String(body.error) };
  }
  return { fileKey: body.fileKey, callbackData: body.callbackData ?? null };
}

function requireObject(
  value: unknown,
  endpoint: string,
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid ${endpoint} body: expected a JSON object.`,
    );
  }
  return value as Record<string, unknown>;
}

function invalidField(
  endpoint: string,
  field: string,
  expected: string,
): IngestError {
  return new IngestError(
    "BAD_REQUEST",
    `Invalid ${endpoint} body: "${field}" must be ${expected}.`,
  );
}
