import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/**
 * Responds with the file under `root` at the URL path `pathname`, like any
 * plain static host: `index.html` for a path that ends in `/`, no other
 * rewrites, 403 for a path outside `root` and 404 for a missing file.
 * `root` is an absolute folder path, and `pathname` is still
 * percent-encoded.
 */
export async function serveStaticFile(
  root: string,
  pathname: string,
  response: ServerResponse,
): Promise<void> {
  const relative = decodeURIComponent(pathname).replace(/\/$/, "/index.html");
  const file = path.join(root, path.normalize(relative));
  if (!file.startsWith(root + path.sep)) {
    response.writeHead(403).end();
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    "content-type":
      CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
  });
  createReadStream(file).pipe(response);
}
