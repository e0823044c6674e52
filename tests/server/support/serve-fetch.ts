import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A server started on 127.0.0.1 for one test file. */
export interface LocalServer {
  /** Origin such as `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(
  request: IncomingMessage,
  body: Buffer,
  origin: string,
) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value))
      value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";

  return new Request(new URL(request.url ?? "/", origin), {
    method: request.method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

/** Serves a Fetch handler, such as UploadThing's, with node:http. */
export async function serveFetch(
  handler: (request: Request) => Promise<Response>,
): Promise<LocalServer> {
  let origin = "";
  const server = createServer((request, response) => {
    // jsdom sends a CORS preflight when the route handler is on another
    // origin than the page, as in production with a separate upload host.
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers":
          request.headers["access-control-request-headers"] ?? "*",
      });
      response.end();
      return;
    }
    void (async () => {
      const body = await readBody(request);
      const reply = await handler(toFetchRequest(request, body, origin));
      response.setHeader("access-control-allow-origin", "*");
      response.writeHead(reply.status, Object.fromEntries(reply.headers));
      response.end(Buffer.from(await reply.arrayBuffer()));
    })().catch((error: unknown) => {
      response.writeHead(599);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
