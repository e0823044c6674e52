import {
  WebhookBodyConsumedError,
  WebhookBodyReadError,
  WebhookBodyTooLargeError,
  WebhookError,
} from "./errors";
import {
  handlerInternalsKey,
  type ClerkWebhookHandler,
  type HandlerInternals,
} from "./handler";

/**
 * The parts of Node's `http.IncomingMessage` (and Express's `Request`) that
 * the adapter uses, typed structurally so that this entry imports no `node:`
 * module.
 */
export interface NodeRequestLike {
  method?: string;
  url?: string;
  /** Express sets it to the full path when the route is mounted on a router. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw bytes kept by a framework, such as Firebase Functions. */
  rawBody?: unknown;
  /** Set by body parsers: a Buffer from `express.raw()` is used as is. */
  body?: unknown;
  readableEnded?: boolean;
  destroyed?: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  pause(): unknown;
}

/** The parts of Node's `http.ServerResponse` that the adapter uses. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: Uint8Array): unknown;
}

/** A Node `http` / Express / Connect request listener. */
export type NodeRequestListener = (
  request: NodeRequestLike,
  response: NodeResponseLike,
  next?: (error?: unknown) => void,
) => Promise<void>;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Max body size in bytes, checked while reading. Default: the handler's
   * `maxBodyBytes`, or 1 MiB for a handler not made by dropsync.
   */
  maxBodyBytes?: number;
}

const bodyConsumedMessage =
  'The request body was consumed by a body parser before the webhook handler ran (req.body is a parsed object), so the signature cannot be checked against the raw bytes. Mount the route with express.raw({ type: "application/json" }) before any express.json(), for example app.post("/api/webhooks/clerk", express.raw({ type: "application/json" }), toNodeHandler(handler)) registered above app.use(express.json()). In the Next.js Pages Router, export const config = { api: { bodyParser: false } }. With another framework (Koa, Fastify), set req.rawBody to the raw body as a Buffer or string before the adapter runs.';

/**
 * Adapts a Fetch handler, such as the one from `createClerkWebhookHandler`,
 * to Node `http`, Express and Connect. It takes the raw body from
 * `req.rawBody`, from a Buffer in `req.body` (`express.raw()`), or from the
 * stream, and it rejects a body that a JSON parser already consumed with a
 * 500 that explains how to mount the route. It never re-serialises a body.
 */
export function toNodeHandler(
  handler: ClerkWebhookHandler,
  options: NodeHandlerOptions = {},
): NodeRequestListener {
  const internals = (handler as { [handlerInternalsKey]?: HandlerInternals })[
    handlerInternalsKey
  ];
  const maxBodyBytes =
    options.maxBodyBytes ?? internals?.maxBodyBytes ?? 1_048_576;

  async function rejectLocally(error: WebhookError): Promise<Response> {
    if (internals !== undefined) return internals.reject(error);
    console.error(`dropsync/webhooks: ${error.message}`);
    return new Response(
      JSON.stringify({ error: { code: error.code, message: error.message } }),
      { status: error.status, headers: { "content-type": "application/json" } },
    );
  }

  return async (request, response, next) => {
    let closeConnection = false;
    try {
      const method = request.method ?? "GET";
      let webResponse: Response;
      const body =
        method === "GET" || method === "HEAD"
          ? undefined
          : await takeRawBody(request, maxBodyBytes);
      if (body instanceof WebhookError) {
        closeConnection = body instanceof WebhookBodyTooLargeError;
        webResponse = await rejectLocally(body);
      } else {
        webResponse = await handler(toRequest(request, method, body));
      }
      await writeResponse(webResponse, response, closeConnection);
    } catch (error) {
      if (next !== undefined) return next(error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    }
  };
}

/** Returns the raw body bytes, or the error that explains why there are none. */
async function takeRawBody(
  request: NodeRequestLike,
  maxBodyBytes: number,
): Promise<Uint8Array | WebhookError> {
  const bufferedBody = asBytes(request.rawBody) ?? asBytes(request.body);
  if (bufferedBody !== undefined) return bufferedBody;
  if (request.readableEnded === true || request.destroyed === true) {
    return new WebhookBodyConsumedError(bodyConsumedMessage);
  }

  const contentLength = Number(request.headers["content-length"] ?? NaN);
  if (contentLength > maxBodyBytes) {
    request.pause();
    return new WebhookBodyTooLargeError(maxBodyBytes, "content-length");
  }
  return readStream(request, maxBodyBytes);
}

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return new TextEncoder().encode(value);
  return undefined;
}

function readStream(
  request: NodeRequestLike,
  maxBodyBytes: number,
): Promise<Uint8Array | WebhookError> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let length = 0;

    const finish = (result: Uint8Array | WebhookError) => {
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("error", onError);
      request.removeListener("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = asBytes(chunk)!;
      length += bytes.byteLength;
      if (length > maxBodyBytes) {
        // Stop reading here, because the 413 response closes the connection.
        request.pause();
        finish(new WebhookBodyTooLargeError(maxBodyBytes, "stream"));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => finish(concat(chunks, length));
    const onError = (cause: Error) =>
      finish(new WebhookBodyReadError({ cause }));
    const onClose = () =>
      finish(
        new WebhookBodyReadError({
          cause: new Error("The connection closed before the body ended."),
        }),
      );

    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("close", onClose);
  });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function toRequest(
  request: NodeRequestLike,
  method: string,
  body: Uint8Array | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // HTTP/2 pseudo-headers such as :path are not valid Fetch header names.
    if (value === undefined || name.startsWith(":")) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const path = request.originalUrl ?? request.url ?? "/";
  const init: RequestInit = { method, headers };
  // Node's Buffers never wrap a SharedArrayBuffer, which Fetch rejects.
  if (body !== undefined) init.body = body as Uint8Array<ArrayBuffer>;

  try {
    return new Request(
      new URL(path, `http://${headers.get("host") ?? "localhost"}`),
      init,
    );
  } catch {
    // A malformed Host header must not break verification of a valid body.
    return new Request(new URL(path, "http://localhost"), init);
  }
}

async function writeResponse(
  webResponse: Response,
  response: NodeResponseLike,
  closeConnection: boolean,
): Promise<void> {
  response.statusCode = webResponse.status;
  webResponse.headers.forEach((value, name) => response.setHeader(name, value));
  if (closeConnection) response.setHeader("connection", "close");
  response.end(new Uint8Array(await webResponse.arrayBuffer()));
}
