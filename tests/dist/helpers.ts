import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const distDir = fileURLToPath(new URL("../../dist", import.meta.url));

/** Public entry points and the file stem tsup writes for each. */
export const entries = {
  dropsync: "index",
  "dropsync/server": "server",
  "dropsync/webhooks": "webhooks",
  "dropsync/testing": "testing",
  "dropsync/clerk": "clerk",
} as const;

export const clientEntries = ["index", "clerk"] as const;
