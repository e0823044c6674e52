/** Options of `withUploadCors`. */
export interface UploadCorsOptions {
  /**
   * Origins of the pages that upload, such as `https://app.example.com`, or
   * `"*"` for any origin. Requests from other origins get no CORS headers,
   * so browsers block them.
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
  origins: UploadCorsOptions["origins"],
): string | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return undefined;
  if (origins === "*") return "*";

  return origins.includes(origin) ? origin : undefined;
}

function preflightResponse(request: Request, options: UploadCorsOptions) {
  const origin = allowedOrigin(request, options.origins);
  if (!origin) {
    return new Response(
      `The origin ${request.headers.get("origin") ?? "(none)"} may not upload here. Add it to the origins option of withUploadCors.`,
      { status: 403, headers: { vary: "origin" } },
    );
  }

  const requested = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers":
        requested ?? uploadRequestHeaders.join(", "),
      "access-control-max-age": String(options.maxAgeSeconds ?? 600),
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
  const wrapped = async (request: Request, ...rest: unknown[]) => {
    if (request.method === "OPTIONS") {
      return preflightResponse(request, options);
    }

    const response = await handler(request as never, ...(rest as never[]));
    const origin = allowedOrigin(request, options.origins);
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
