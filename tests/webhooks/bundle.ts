import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(
  new URL("../../src/webhooks/index.ts", import.meta.url),
);

/**
 * Bundles the neutral dropsync/webhooks entry into one IIFE script that
 * assigns the exports to `globalThis.dropsyncWebhooks`. The `neutral`
 * platform makes any `node:` import a build error.
 */
export async function bundleWebhooksEntry(): Promise<{
  code: string;
  inputs: string[];
}> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: "iife",
    globalName: "dropsyncWebhooks",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  return {
    code: `${code}\nglobalThis.dropsyncWebhooks = dropsyncWebhooks;`,
    inputs: Object.keys(result.metafile.inputs),
  };
}
