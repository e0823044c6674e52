import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { createRouteHandler, createUploadthing } from "uploadthing/server";
import { createFileRouter } from "../../src/server";
import { startIngestEmulator } from "../../src/testing";
import { bulkRoute } from "../../stories/support/routes";
import { serveStaticFile } from "./static-server";

/** Path of the route handler, UploadThing's default. */
export const ROUTE_HANDLER_PATH = "/api/uploadthing";

/** Upload speed of each ingest transfer, in bytes per second. */
const INGEST_BYTES_PER_SECOND = 1_000_000;
/** Delay before the route handler handles a request, in ms. */
const ROUTE_HANDLER_LATENCY_MS = 10;

/** The benchmark page and its upload backend on one 127.0.0.1 origin. */
export interface BenchServer {
  /** Address of the page, such as `http://127.0.0.1:4599/`. */
  url: string;
  /** Count of completed uploads that the ingest emulator has stored. */
  storedUploadCount(): number;
  close(): Promise<void>;
}

/**
 * Creates the file router both subjects upload to: `bulkUploader` with the
 * config the page passes as `routeConfig`, and no preset routes. Every
 * request is signed in as one user, because the benchmark measures uploads,
 * not auth.
 */
function createBenchRouter() {
  const f = createUploadthing();
  return createFileRouter({
    presets: {
      avatar: false,
      gallery: false,
      documents: false,
      attachment: false,
    },
    routes: { bulkUploader: f(bulkRoute).onUploadComplete(() => {}) },
    auth: () => ({ userId: "bench-user" }),
  });
}

/**
 * Starts dropsync's ingest emulator and a node:http server on 127.0.0.1 at
 * a free port. The server runs UploadThing's real route handler at
 * `ROUTE_HANDLER_PATH` and serves the files under `pageDir` at every other
 * path, so the page calls the route handler on its own origin.
 */
export async function startBenchServer(pageDir: string): Promise<BenchServer> {
  const emulator = await startIngestEmulator({
    throttleBytesPerSecond: INGEST_BYTES_PER_SECOND,
  });
  const handleUploadRequest = createRouteHandler({
    router: createBenchRouter(),
    config: {
      token: emulator.token,
      ingestUrl: emulator.url,
      isDev: false,
      logLevel: "Error",
    },
  });

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const handled =
      pathname === ROUTE_HANDLER_PATH
        ? respondFromRouteHandler(request, response, handleUploadRequest)
        : serveStaticFile(pageDir, pathname, response);
    handled.catch((error: unknown) => {
      console.error(`${request.method} ${request.url} failed:`, error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    storedUploadCount: () => emulator.uploads().length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}

async function respondFromRouteHandler(
  request: IncomingMessage,
  response: ServerResponse,
  handler: (request: Request) => Promise<Response>,
): Promise<void> {
  const webRequest = await toWebRequest(request);
  await new Promise((resolve) => setTimeout(resolve, ROUTE_HANDLER_LATENCY_MS));
  const webResponse = await handler(webRequest);
  const body = Buffer.from(await webResponse.arrayBuffer());
  response.writeHead(
    webResponse.status,
    Object.fromEntries(webResponse.headers),
  );
  response.end(body);
}

async function toWebRequest(request: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${request.headers.host}${request.url}`, {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}
