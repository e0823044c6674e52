// Loads .env, .env.local and friends the way `next dev` does, so the
// scripts see the same settings as the app.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of the example app. */
export const appDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
);

const require = createRequire(path.join(appDir, "package.json"));

/**
 * Merges the app's env files into process.env. Variables already set win.
 * @param {{ dev?: boolean }} [options] dev picks `.env.development*` files.
 */
export function loadAppEnv({ dev = true } = {}) {
  const nextDir = path.dirname(require.resolve("next/package.json"));
  const nextRequire = createRequire(path.join(nextDir, "package.json"));
  const { loadEnvConfig } = nextRequire("@next/env");
  loadEnvConfig(appDir, dev, { info: () => {}, error: console.error });
}

/**
 * Resolves a file inside an installed package, from the app's folder.
 * @param {string} specifier such as "next/dist/bin/next"
 */
export function resolveFromApp(specifier) {
  return require.resolve(specifier);
}

/**
 * Returns the system error code of a failed fetch, such as ECONNREFUSED.
 * For "localhost" undici tries IPv4 and IPv6 and reports an AggregateError.
 * @param {Error & { cause?: any }} error
 */
export function networkErrorCode(error) {
  return (
    error.cause?.code ??
    error.cause?.errors?.[0]?.code ??
    error.cause?.message ??
    error.message
  );
}
