import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRouteHandler, createUploadthing } from "uploadthing/server";
import type { FileRouter } from "uploadthing/types";
import { createFileRouter } from "../../src/server";
import { startIngestEmulator, type IngestEmulator } from "../../src/testing";

/** The header that carries the test user's id to the router's auth. */
export const USER_HEADER = "x-test-user";

const f = createUploadthing();

/**
 * Builds the dropsync file router of these tests: the preset routes plus
 * `pair`, which needs two to four images per request. The user id comes
 * from USER_HEADER, and uploads are rejected with `state.closed` as the
 * message while it is set.
 */
export function createTestRouter(state: { closed: string | false }) {
  return createFileRouter({
    routes: {
      pair: f({
        image: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 2 },
      }).onUploadComplete(() => ({ paired: true })),
    },
    auth: (request) => {
      const userId = request.headers.get(USER_HEADER);
      return userId ? { userId } : null;
    },
    authorize: () => (state.closed ? state.closed : true),
    onUploadComplete: ({ file }) => ({ storedName: file.name }),
  });
}

/** Route handler and ingest emulator on 127.0.0.1, torn down by `close`. */
export interface UploadStack {
  /** Address of the route handler. */
  url: string;
  emulator: IngestEmulator;
  /** Holds GET responses (the route config) until the returned function runs. */
  holdRouteConfig(): () => void;
  /** Lets held GET responses through. */
  releaseRouteConfig(): void;
  /**
   * Makes the next GET return 500, as a broken route handler would, with
   * `{ message }` as its JSON body when `message` is given.
   */
  failNextRouteConfig(message?: string): void;
  /** Count of POST requests the route handler has received. */
  postCount(): number;
  close(): Promise<void>;
}

/** Starts the ingest emulator and the real route handler for `router`. */
export async function startUploadStack(
  router: FileRouter,
): Promise<UploadStack> {
  const emulator = await startIngestEmulator();
  const handler = createRouteHandler({
    router,
    config: {
      token: emulator.token,
      ingestUrl: emulator.url,
      isDev: false,
      logLevel: "Error",
    },
  });

  let configGate: Promise<void> | undefined;
  let openGate = () => {};
  let failNextGet = false;
  let failureMessage: string | undefined;
  let posts = 0;
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === "OPTIONS") {
        response.writeHead(204, corsHeaders(request));
        response.end();
        return;
      }
      if (request.method === "POST") posts += 1;
      if (request.method === "GET" && configGate) await configGate;
      if (request.method === "GET" && failNextGet) {
        failNextGet = false;
        if (failureMessage === undefined) {
          response.writeHead(500, corsHeaders(request));
          response.end();
          return;
        }
        response.writeHead(500, {
          ...corsHeaders(request),
          "content-type": "application/json",
        });
        response.end(JSON.stringify({ message: failureMessage }));
        return;
      }
      const webResponse = await handler(await toWebRequest(request));
      const body = Buffer.from(await webResponse.arrayBuffer());
      response.writeHead(webResponse.status, {
        ...Object.fromEntries(webResponse.headers),
        ...corsHeaders(request),
      });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/uploadthing`,
    emulator,
    holdRouteConfig() {
      configGate = new Promise((resolve) => {
        openGate = () => {
          configGate = undefined;
          resolve();
        };
      });
      return openGate;
    },
    releaseRouteConfig() {
      openGate();
    },
    failNextRouteConfig(message) {
      failNextGet = true;
      failureMessage = message;
    },
    postCount: () => posts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}

// jsdom's fetch is Node's and ignores CORS, but its XHR does not, so the
// server adds CORS headers for requests from the jsdom page.
function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers":
      request.headers["access-control-request-headers"] ?? "*",
  };
}

async function toWebRequest(request: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${request.headers.host}${request.url}`, {
    method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}
