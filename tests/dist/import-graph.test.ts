import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { distDir, repoRoot } from "./helpers";

/** Bundles a built entry with every dependency and lists the files it reads. */
async function bundledInputs(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(distDir, file)],
    absWorkingDir: repoRoot,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });

  return Object.keys(result.metafile.inputs);
}

const reactPackage = /node_modules\/(react|react-dom|scheduler)\//;

describe("server-side entries", () => {
  for (const file of ["server.js", "server.cjs", "webhooks.js", "webhooks.cjs"]) {
    it(`${file} pulls in no React module`, async () => {
      const inputs = await bundledInputs(file);
      const reactInputs = inputs.filter((input) => reactPackage.test(input));

      expect(reactInputs).toEqual([]);
    });
  }

  for (const file of ["webhooks.js", "webhooks.cjs"]) {
    it(`${file} imports no node: module`, async () => {
      const result = await build({
        entryPoints: [join(distDir, file)],
        absWorkingDir: repoRoot,
        bundle: true,
        write: false,
        metafile: true,
        platform: "neutral",
        mainFields: ["module", "main"],
        logLevel: "silent",
      });
      const nodeImports = Object.values(result.metafile.inputs)
        .flatMap((input) => input.imports)
        .map((imported) => imported.path)
        .filter((path) => path.startsWith("node:") || path === "crypto");

      expect(nodeImports).toEqual([]);
    });
  }
});
