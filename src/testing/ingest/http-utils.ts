import type { IncomingMessage, ServerResponse } from "node:http";

import { IngestError } from "./errors";

/** Headers that let browser apps on another origin use the emulator. */
const EXPOSED_HEADERS = [
  "x-ut-range-start",
  "content-length",
  "content-range",
  "content-type",
  "content-disposition",
  "accept-ranges",
  "etag",
].join(", ");

/** Sets the CORS headers every emulator response carries. */
export function setCorsHeaders(response: ServerResponse): void {
  response.setHeader("access-control-allow-origin", "*");
  response.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
}

/** Responds to a CORS preflight request. */
export function respondToPreflight(
  request: IncomingMessage,
  response: ServerResponse,
): void {
  setCorsHeaders(response);
  response.setHeader(
    "access-control-allow-methods",
    "GET, HEAD, PUT, POST, OPTIONS",
  );
  response.setHeader(
    "access-control-allow-headers",
    request.headers["access-control-request-headers"] ?? "*",
  );
  response.setHeader("access-control-max-age", "600");
  // Chromium sends this preflight before a public page calls a server on
  // this machine (Private Network Access).
  if (request.headers["access-control-request-private-network"] === "true") {
    response.setHeader("access-control-allow-private-network", "true");
  }
  response.writeHead(204).end();
}

/** Sends a JSON response unless the connection is already gone. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  // Error messages echo request paths and file names, so no browser may
  // sniff the body as HTML.
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-content-type-options": "nosniff",
  });
  response.end(text);
}

/** Sends an `IngestError` as UploadThing's `{ code, message }` body. */
export function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  error: IngestError,
): void {
  if (request.method === "HEAD") {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(error.status).end();
    return;
  }
  sendJson(response, error.status, error.toBody());
}

/** Cap on bytes read from a rejected request body before closing it. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads and discards the rest of a request body, so the client receives the
 * response instead of a connection reset. Bodies over 64 MiB are cut off.
 */
export async function drainRequest(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return;
  let drained = 0;
  try {
    for await (const chunk of request) {
      drained += (chunk as Buffer).length;
      if (drained > DRAIN_LIMIT_BYTES) {
        request.destroy();
        return;
      }
    }
  } catch {
    // The client disconnected, so no response can be sent.
  }
}

/** Cap on JSON request bodies, in bytes. */
const JSON_LIMIT_BYTES = 1024 * 1024;

/** Reads a JSON request body of at most 1 MiB. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > JSON_LIMIT_BYTES) {
      throw new IngestError(
        "TOO_LARGE",
        `JSON body of ${request.url ?? "the request"} exceeds ${JSON_LIMIT_BYTES} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid JSON body for ${request.url ?? "the request"}: ${JSON.stringify(text.slice(0, 80))}.`,
    );
  }
}

/** Origin of the request as the client addressed it, from the Host header. */
export function requestOrigin(request: IncomingMessage): string | null {
  const host = request.headers.host;
  return host === undefined ? null : `http://${host}`;
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the connection of `request` closes. */
export function whenClosed(request: IncomingMessage): Promise<void> {
  if (request.socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => request.socket.once("close", resolve));
}
