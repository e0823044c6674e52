import { normalizeOrigins, type AllowedOrigins } from "./cors-origins";
import type { UploadErrorShape } from "./upload-error";

/** Options of `withUploadCors`. */
export interface UploadCorsOptions {
  /**
   * Origins of the pages that upload, such as `https://app.example.com`, or
   * `"*"` for any origin. Requests from other origins get no CORS headers,
   * so browsers block them. Scheme and host are compared in lower case and
   * a trailing slash is ignored.
   */
  origins: readonly string[] | "*";
  /** Time browsers may cache a preflight response, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

// The headers that UploadThing's client and the dropsync/clerk hook send to
// the route handler (uploadthing 7.7).
const uploadRequestHeaders = [
  "authorization",
  "content-type",
  "x-uploadthing-package",
  "x-uploadthing-version",
  "b3",
  "traceparent",
];

function allowedOrigin(
  request: Request,
  origins: AllowedOrigins,
): string | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return undefined;
  if (origins === "*") return "*";

  return origins.has(origin.toLowerCase()) ? origin : undefined;
}

function forbiddenOriginResponse(request: Request): Response {
  const body: UploadErrorShape = {
    code: "FORBIDDEN",
    message: `The origin ${request.headers.get("origin") ?? "(none)"} may not upload here. Add it to the origins option of withUploadCors.`,
  };
  return Response.json(body, { status: 403, headers: { vary: "origin" } });
}

function checkMaxAge(maxAgeSeconds: unknown): number {
  if (maxAgeSeconds === undefined) return 600;
  if (!Number.isSafeInteger(maxAgeSeconds) || (maxAgeSeconds as number) < 0) {
    throw new TypeError(
      `withUploadCors: maxAgeSeconds must be a whole number of seconds of at least 0, not ${String(maxAgeSeconds)}.`,
    );
  }
  return maxAgeSeconds as number;
}

function preflightResponse(
  request: Request,
  origins: AllowedOrigins,
  maxAgeSeconds: number,
) {
  const origin = allowedOrigin(request, origins);
  if (!origin) return forbiddenOriginResponse(request);

  const requested = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers":
        requested ?? uploadRequestHeaders.join(", "),
      "access-control-max-age": String(maxAgeSeconds),
      vary: "origin",
    },
  });
}

/**
 * Wraps an UploadThing route handler for pages on other origins: it
 * responds to CORS preflight requests itself and adds
 * `Access-Control-Allow-Origin` to the handler's responses for the allowed
 * origins. Browsers need this to send the `Authorization` header that
 * `useClerkUploadAuth` adds.
 *
 * @throws TypeError when an origin is not `scheme://host[:port]`, the list
 *   is empty, or `maxAgeSeconds` is not a whole number of at least 0.
 *
 * @example
 * ```ts
 * const handlers = createRouteHandler({ router: uploadRouter });
 * const cors = { origins: ["https://app.example.com"] };
 * export const GET = withUploadCors(handlers.GET, cors);
 * export const POST = withUploadCors(handlers.POST, cors);
 * export const OPTIONS = withUploadCors(handlers.POST, cors);
 * ```
 */
export function withUploadCors<
  // `never` parameters accept handlers typed for a Request subclass, such as
  // Next.js's `(request: NextRequest) => Promise<Response>`.
  THandler extends (request: never, ...rest: never[]) => Promise<Response>,
>(handler: THandler, options: UploadCorsOptions): THandler {
  const origins = normalizeOrigins(options?.origins);
  const maxAgeSeconds = checkMaxAge(options.maxAgeSeconds);

  const wrapped = async (request: Request, ...rest: unknown[]) => {
    if (request.method === "OPTIONS") {
      return preflightResponse(request, origins, maxAgeSeconds);
    }

    const response = await handler(request as never, ...(rest as never[]));
    const origin = allowedOrigin(request, origins);
    if (!origin) return response;

    // A copy, because a handler's Response may have immutable headers.
    const headers = new Headers(response.headers);
    headers.set("access-control-allow-origin", origin);
    headers.append("vary", "origin");
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };

  return wrapped as unknown as THandler;
}
