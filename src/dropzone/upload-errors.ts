/**
 * Returns the message the route handler sent. For failed presign requests
 * UploadThing's client keeps the handler's JSON body in `error.cause`.
 */
export function readServerMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  // UploadThing's client names its own failures, such as a response that is
  // not JSON ("Failed to parse response from UploadThing server"), with this
  // code. Their text is about UploadThing's internals, not the server.
  if ((error as Error & { code?: unknown }).code === "INTERNAL_CLIENT_ERROR") {
    return undefined;
  }
  const cause: unknown = error.cause;
  if (
    typeof cause === "object" &&
    cause !== null &&
    !(cause instanceof Error) &&
    "message" in cause &&
    typeof cause.message === "string" &&
    cause.message
  ) {
    return cause.message;
  }
  return error.message || undefined;
}

// UploadThing codes of a request the route handler rejected for what it
// contains, so the same request gets the same response. FORBIDDEN is left
// out because signing in can change the response.
const FINAL_REJECTION_CODES = new Set([
  "BAD_REQUEST",
  "TOO_LARGE",
  "TOO_SMALL",
  "TOO_MANY_FILES",
  "KEY_TOO_LONG",
]);

/**
 * Returns whether the route handler rejected the upload request in a way a
 * retry cannot change. UploadThing's client (7.7) keeps the handler's JSON
 * body, with its `code`, in `error.cause`. The error's own `code` comes from
 * the HTTP status, which is 400 for several codes.
 */
export function isFinalRejection(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== "UploadThingError") {
    return false;
  }
  const cause: unknown = error.cause;
  const bodyCode =
    typeof cause === "object" && cause !== null && "code" in cause
      ? cause.code
      : undefined;
  const code = bodyCode ?? (error as Error & { code?: unknown }).code;
  return typeof code === "string" && FINAL_REJECTION_CODES.has(code);
}

/** Matches the message UploadThing's client gives a non-2xx storage response. */
const XHR_STATUS_PATTERN = /^XHR failed (\d{3})\b/;

/**
 * Returns the HTTP status of a failed transfer to the storage server, with
 * `status` undefined when the request got no response, or undefined when the
 * error is not a transfer failure. UploadThing's client (7.7) raises these
 * as an `UploadThingError` with code `UPLOAD_FAILED`: its message is
 * "XHR failed <status> <status text>" for a non-2xx response, and its `data`
 * is the response body, which contains an `error` field when a 2xx response
 * reports a failure. The check reads `name` and `code` so that errors from
 * another copy of UploadThing's client match too.
 */
export function readTransferFailure(
  error: unknown,
): { status: number | undefined } | undefined {
  // The client's first request to the storage server, a HEAD for the resume
  // offset, rejects with the bare FetchError when that server is unreachable.
  if (
    typeof error === "object" &&
    error !== null &&
    (error as { _tag?: unknown })._tag === "FetchError"
  ) {
    return { status: undefined };
  }
  if (!(error instanceof Error) || error.name !== "UploadThingError") {
    return undefined;
  }
  const { code, data } = error as Error & { code?: unknown; data?: unknown };
  if (code !== "UPLOAD_FAILED") return undefined;
  const match = XHR_STATUS_PATTERN.exec(error.message);
  if (match?.[1]) return { status: Number(match[1]) };
  // A 2xx response whose body names an error: its text is the reason.
  if (typeof data === "object" && data !== null && "error" in data) {
    return undefined;
  }
  return { status: undefined };
}
