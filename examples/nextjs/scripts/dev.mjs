#!/usr/bin/env node
// `npm run dev`: starts the local UploadThing ingest emulator (unless
// UPLOADTHING_TOKEN is set) and `next dev`, forwards Ctrl+C and SIGTERM to
// both, and stops both when either exits.
//
// Both listen on this machine only. In local mode every visitor is the same
// development user and the webhook secret is public, so `next dev` binds to
// HOST (default localhost) instead of every interface, and the emulator to
// 127.0.0.1.
import { spawn } from "node:child_process";
import path from "node:path";
import {
  DEFAULT_INGEST_PORT,
  DEFAULT_PORT,
  DEFAULT_UPLOAD_DIR,
} from "../lib/defaults.js";
import { appDir, loadAppEnv, resolveFromApp } from "./env.mjs";

loadAppEnv({ dev: true });

const port = process.env.PORT || String(DEFAULT_PORT);
const host = process.env.HOST?.trim() || "localhost";
const ingestPort = process.env.INGEST_PORT || String(DEFAULT_INGEST_PORT);
const uploadDir = process.env.INGEST_DIR || DEFAULT_UPLOAD_DIR;
const useEmulator = !process.env.UPLOADTHING_TOKEN?.trim();

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];
let stopping = false;

function start(name, args) {
  // The emulator prefixes its own lines with [ingest].
  const child = spawn(process.execPath, args, {
    cwd: appDir,
    env: process.env,
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(
        `[dev] ${name} exited (${signal ?? `code ${code}`}); stopping the others.`,
      );
    }
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(exitCode) {
  if (!stopping) {
    stopping = true;
    process.exitCode = exitCode;
    for (const child of children) {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
  }
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

/** Returns whether `name` is a loopback address or the name localhost. */
function isLoopback(name) {
  const bare = name.replace(/^\[(.*)\]$/, "$1");
  return (
    bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare)
  );
}

if (!isLoopback(host)) {
  console.warn(
    `[dev] HOST=${host}: next dev is reachable from other machines, and in ` +
      "local mode every visitor is signed in as the development user. " +
      "Unset HOST to listen on localhost only.",
  );
}

if (useEmulator) {
  const cli = path.join(
    path.dirname(resolveFromApp("dropsync/package.json")),
    "dist/cli.js",
  );
  console.log(
    `[dev] UPLOADTHING_TOKEN is not set: uploads go to the local ingest ` +
      `emulator on http://127.0.0.1:${ingestPort}, stored in ${uploadDir}.`,
  );
  start("ingest", [
    cli,
    "ingest",
    "--host",
    "127.0.0.1",
    "--port",
    ingestPort,
    "--dir",
    uploadDir,
  ]);
} else {
  console.log("[dev] UPLOADTHING_TOKEN is set: uploads go to UploadThing.");
}

start("next", [
  resolveFromApp("next/dist/bin/next"),
  "dev",
  "--hostname",
  host,
  "--port",
  port,
]);
