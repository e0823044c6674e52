// Bundles bench.ts with esbuild (the repository has no TypeScript runner)
// into a temporary module, then runs it in this process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const outDir = mkdtempSync(join(tmpdir(), "dropsync-bench-webhooks-"));
const outFile = join(outDir, "bench.mjs");
try {
  await build({
    entryPoints: [fileURLToPath(new URL("bench.ts", import.meta.url))],
    outfile: outFile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // Bundled CJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
  });
  await import(pathToFileURL(outFile).href);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
