import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository. */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../..",
);

/** The example app under test. */
export const appDir = path.join(repoRoot, "examples/nextjs");

const appRequire = createRequire(path.join(appDir, "package.json"));

/** Next's CLI entry, as the example app resolves it. */
export const nextBin = appRequire.resolve("next/dist/bin/next");

/** The built `dropsync` command (`npm run build` writes it). */
export const dropsyncCli = path.join(repoRoot, "dist/cli.js");
