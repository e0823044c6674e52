import { UploadThingError } from "uploadthing/server";

/** Node's `IncomingMessage` headers, as Express and Fastify expose them. */
type NodeHeaders = Record<string, string | string[] | undefined>;

interface NodeStyleRequest {
  headers: NodeHeaders;
  url?: string;
  originalUrl?: string;
}

function isFetchRequest(value: unknown): value is Request {
  if (typeof Request !== "undefined" && value instanceof Request) return true;

  // A Request from another realm (an edge runtime's sandbox, a test
  // environment) fails instanceof but has the same shape.
  const candidate = value as Partial<Request> | null;
  return (
    typeof candidate?.url === "string" &&
    typeof candidate.headers?.get === "function"
  );
}

function isNodeStyleRequest(value: unknown): value is NodeStyleRequest {
  const headers = (value as { headers?: unknown } | null)?.headers;

  return typeof headers === "object" && headers !== null;
}

function toHeaders(nodeHeaders: NodeHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (Array.isArray(value)) {
      for (const item of value) headers.append(name, item);
    } else if (value !== undefined) {
      headers.set(name, value);
    }
  }

  return headers;
}

// Only headers matter for authentication, so the body is left out.
function fromNodeStyleRequest(request: NodeStyleRequest): Request {
  const headers = toHeaders(request.headers);
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  const host = headers.get("host") ?? "localhost";
  const path = request.originalUrl ?? request.url ?? "/";

  return new Request(new URL(path, `${protocol}://${host}`), { headers });
}

interface AdapterEvent {
  /** Remix's loader and action arguments carry the Fetch Request. */
  request?: unknown;
  /** h3 2 events carry the Fetch Request. */
  req?: unknown;
  /** h3 1 events carry Node's IncomingMessage. */
  node?: { req?: unknown };
}

/**
 * Finds the incoming request in the arguments that an UploadThing 7 adapter
 * passes to `.middleware()` and returns it as a Fetch `Request`:
 * `{ req: Request }` (server, Next.js), `{ req, res }` (Express, Fastify),
 * `{ event }` (h3) and `{ event: { request } }` (Remix).
 */
export function requestFromAdapterArgs(args: Record<string, unknown>): Request {
  const { req } = args;
  if (isFetchRequest(req)) return req;
  if (isNodeStyleRequest(req)) return fromNodeStyleRequest(req);

  const event = args.event as AdapterEvent | undefined;
  if (isFetchRequest(event?.request)) return event.request;
  if (isFetchRequest(event?.req)) return event.req;
  if (isNodeStyleRequest(event?.node?.req)) {
    return fromNodeStyleRequest(event.node.req);
  }

  throw new UploadThingError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Cannot find the request in the UploadThing middleware arguments (keys: ${Object.keys(args).join(", ")}). Use an adapter from uploadthing/server, uploadthing/next, uploadthing/express, uploadthing/fastify, uploadthing/h3 or uploadthing/remix.`,
  });
}
