import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL } from "./defaults.js";

/**
 * Turns a SQLite file URL (DATABASE_URL) into an absolute path.
 * `file:relative/path` is resolved against `cwd`, which is the example's
 * folder under `npm run dev`, `next dev` and `next start`.
 * @param {string} url such as "file:.data/app.db" or "file:///srv/app.db"
 * @param {string} [cwd] folder for relative paths
 * @returns {string}
 */
export function databasePathFromUrl(url, cwd = process.cwd()) {
  if (url.startsWith("file://")) return fileURLToPath(url);
  if (url.startsWith("file:")) {
    return path.resolve(cwd, url.slice("file:".length));
  }
  throw new TypeError(
    `DATABASE_URL must be a SQLite file URL such as "${DEFAULT_DATABASE_URL}" ` +
      `or "file:///var/lib/app/app.db"; got "${url}".`,
  );
}
