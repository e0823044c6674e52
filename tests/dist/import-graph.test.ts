import { join } from "node:path";
import { build, type Platform } from "esbuild";
import { describe, expect, it } from "vitest";
import { distDir, repoRoot } from "./helpers";

/**
 * Bundles a built entry with every dependency for `platform` and returns
 * esbuild's metafile inputs: each file read, with the imports it made.
 */
async function bundleInputs(file: string, platform: Platform) {
  const result = await build({
    entryPoints: [join(distDir, file)],
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    metafile: true,
    platform,
    mainFields: ["module", "main"],
    format: "esm",
    logLevel: "silent",
  });

  return result.metafile.inputs;
}

const reactPackage = /node_modules\/(react|react-dom|scheduler)\//;

describe("server-side entries", () => {
  for (const file of ["server.js", "server.cjs", "webhooks.js", "webhooks.cjs"]) {
    it(`${file} pulls in no React module`, async () => {
      const inputs = Object.keys(await bundleInputs(file, "node"));
      const reactInputs = inputs.filter((input) => reactPackage.test(input));

      expect(reactInputs).toEqual([]);
    });
  }

  for (const file of ["webhooks.js", "webhooks.cjs"]) {
    it(`${file} imports no node: module`, async () => {
      const inputs = await bundleInputs(file, "neutral");
      const nodeImports = Object.values(inputs)
        .flatMap((input) => input.imports)
        .map((imported) => imported.path)
        .filter((path) => path.startsWith("node:") || path === "crypto");

      expect(nodeImports).toEqual([]);
    });
  }
});
