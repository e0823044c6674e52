import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

import { createRouteHandler, type FileRouter } from "uploadthing/server";

/** Route handler settings the tests vary. */
export interface RouteServerConfig {
  token: string;
  ingestUrl: string;
  isDev?: boolean;
  /** UploadThing log level; default "Error". */
  logLevel?: "Error" | "None";
  /** Address UploadThing calls back; default: the route handler's own. */
  callbackUrl?: string;
  /** Extra files served by path, such as a test page for a browser. */
  assets?: Record<string, { contentType: string; body: string }>;
}

/** A node:http server on 127.0.0.1 that runs UploadThing's route handler. */
export interface RouteServer {
  /** Address of the route handler, `http://127.0.0.1:<port>/api/uploadthing`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `router` with the real `createRouteHandler` on a free port. */
export async function startRouteServer(
  router: FileRouter,
  config: RouteServerConfig,
): Promise<RouteServer> {
  const handler = createRouteHandler({
    router,
    config: {
      token: config.token,
      ingestUrl: config.ingestUrl,
      isDev: config.isDev ?? false,
      logLevel: config.logLevel ?? "Error",
      ...(config.callbackUrl === undefined
        ? {}
        : { callbackUrl: config.callbackUrl }),
    },
  });
  const server = createServer((request, response) => {
    const asset = config.assets?.[request.url ?? ""];
    if (asset !== undefined) {
      response.writeHead(200, { "content-type": asset.contentType });
      response.end(asset.body);
      return;
    }
    void (async () => {
      const webRequest = await toWebRequest(request);
      const webResponse = await handler(webRequest);
      const body = Buffer.from(await webResponse.arrayBuffer());
      response.writeHead(
        webResponse.status,
        Object.fromEntries(webResponse.headers),
      );
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/uploadthing`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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
  return new Request(`http://${request.headers.host}${request.url}`, {
    method,
    headers,
    body:
      method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}
