import { defineConfig, type Options } from "tsup";

// Packages the host app installs. Bundling any of them would give the app a
// second copy (two React instances, two Clerk contexts).
const peerPackages = [
  "react",
  "react-dom",
  "@uploadthing/react",
  "uploadthing",
  "@clerk/react",
  "@clerk/backend",
];

const shared: Options = {
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  target: "es2022",
  external: peerPackages,
  // CJS output stays in one file per entry: a split CJS entry starts with
  // helper code, which pushes "use client" out of the directive prologue.
  splitting: false,
};

const client: Options = {
  ...shared,
  entry: { index: "src/index.ts", clerk: "src/clerk/index.ts" },
  platform: "browser",
  // The CJS output puts "use strict" before a directive of the source, so
  // the banner makes "use client" the first line of every client file.
  banner: { js: '"use client";' },
};

export default defineConfig([
  {
    ...client,
    format: ["esm"],
    // The Dropzone loads its upload code with import(); split ESM output
    // keeps that code in its own chunk, so the app's bundler can too.
    splitting: true,
  },
  {
    ...client,
    format: ["cjs"],
  },
  {
    ...shared,
    entry: {
      server: "src/server/index.ts",
      webhooks: "src/webhooks/index.ts",
    },
    platform: "neutral",
  },
  {
    // Picked by the `node` export condition: the same API, signing with
    // node:crypto, which is faster in Node than crypto.subtle
    // (bench/README.md has the measured ratio).
    ...shared,
    entry: { "webhooks.node": "src/webhooks/index.node.ts" },
    platform: "node",
  },
  {
    ...shared,
    entry: { testing: "src/testing/index.ts" },
    platform: "node",
  },
  {
    // The `dropsync` command: ESM only, run by Node from the bin field.
    entry: { cli: "src/testing/cli.ts" },
    format: ["esm"],
    target: "es2022",
    platform: "node",
    external: peerPackages,
  },
]);
