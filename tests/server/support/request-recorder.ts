import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { LocalServer } from "./serve-fetch";

/** A request that the recorder received. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/** A local stand-in for UploadThing's ingest server that records requests. */
export interface RequestRecorder extends LocalServer {
  requests: RecordedRequest[];
  /**
   * Resolves with the first request that matches, or rejects after
   * `timeoutMs` milliseconds.
   */
  waitForRequest(
    matches: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
}

/**
 * Starts a server on 127.0.0.1 that responds to every request with
 * `{ "ok": true }` and records it, so tests can check that the route
 * handler never contacted the ingest server for a rejected request.
 */
export async function startRequestRecorder(): Promise<RequestRecorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    async waitForRequest(matches, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = requests.find(matches);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `No matching request within ${timeoutMs} ms; received ${requests.length} requests.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
