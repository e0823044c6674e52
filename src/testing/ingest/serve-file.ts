import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";

import { IngestError } from "./errors";
import { sendError } from "./http-utils";
import type { StoredUpload, UploadStore } from "./store";

/**
 * Content-Security-Policy of every stored file. Uploads are untrusted and
 * the emulator sends `Access-Control-Allow-Origin: *`, so an HTML, SVG or
 * XML file shown inline must not run script in the emulator's origin.
 * `sandbox` gives the document an opaque origin without scripts, forms or
 * plugins, and `default-src 'none'` blocks every fetch. The file itself
 * still displays: an image or a media file opened directly loads from
 * `'self'`, and inline styles apply.
 */
export const STORED_FILE_CSP =
  "default-src 'none'; img-src 'self' data:; media-src 'self'; " +
  "style-src 'unsafe-inline'; sandbox";

/**
 * Serves a stored file for `GET` and `HEAD`, with its Content-Type,
 * Content-Length, ETag (the MD5 `fileHash`) and single byte ranges, which
 * browsers need to seek in audio and video.
 */
export async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  key: string,
  store: UploadStore,
): Promise<void> {
  const stored = store.get(key);
  if (stored === undefined) {
    throw new IngestError(
      "NOT_FOUND",
      `File key ${key} not found. Use the ufsUrl returned by an upload to this emulator.`,
    );
  }
  // NOTE: files uploaded with the `private` ACL are served like public ones;
  // UploadThing would require a signed URL for them.
  const etag = `"${stored.fileHash}"`;
  response.setHeader("content-type", stored.type);
  response.setHeader("content-disposition", contentDisposition(stored));
  response.setHeader("accept-ranges", "bytes");
  response.setHeader("etag", etag);
  response.setHeader(
    "last-modified",
    new Date(stored.completedAt).toUTCString(),
  );
  // A key always names the same bytes, like UploadThing's file URLs.
  response.setHeader("cache-control", "public, max-age=31536000, immutable");
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("content-security-policy", STORED_FILE_CSP);

  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304).end();
    return;
  }
  const range = parseRange(request.headers.range, stored.size);
  if (range === "unsatisfiable") {
    response.setHeader("content-range", `bytes */${stored.size}`);
    sendError(
      request,
      response,
      new IngestError(
        "RANGE_NOT_SATISFIABLE",
        `Range "${request.headers.range}" is outside the ${stored.size} bytes of ${key}.`,
      ),
    );
    return;
  }
  const { start, end } = range ?? { start: 0, end: stored.size - 1 };
  const length = stored.size === 0 ? 0 : end - start + 1;
  response.setHeader("content-length", String(length));
  if (range !== null) {
    response.setHeader("content-range", `bytes ${start}-${end}/${stored.size}`);
  }
  response.writeHead(range === null ? 200 : 206);
  if (request.method === "HEAD" || length === 0) {
    response.end();
    return;
  }
  await pipeline(
    createReadStream(store.filePath(key), { start, end }),
    response,
  );
}

/**
 * Parses a single `bytes=` range. Returns null to serve the whole file
 * (no header, several ranges, or a unit other than bytes).
 */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return null;
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

function contentDisposition(stored: StoredUpload): string {
  const asciiName = stored.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return (
    `${stored.contentDisposition}; filename="${asciiName}"; ` +
    `filename*=UTF-8''${encodeURIComponent(stored.name)}`
  );
}
