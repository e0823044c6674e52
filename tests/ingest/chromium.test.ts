import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { createUploadthing, type FileRouter } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";
import { patternBytes, sha256, sha256OfFile } from "./helpers/files";
import { startRouteServer, type RouteServer } from "./helpers/route-server";

const f = createUploadthing();

const router = {
  documents: f({ blob: { maxFileSize: "16MB", maxFileCount: 2 } })
    .middleware(() => ({ userId: "user_chromium" }))
    .onUploadComplete(({ metadata, file }) => ({
      owner: metadata.userId,
      key: file.key,
    })),
} satisfies FileRouter;

/** Browser script: UploadThing's client, driven from the test. */
const pageScript = `
import { genUploader } from "uploadthing/client";

const uploader = genUploader({ url: "/api/uploadthing", package: "dropsync-chromium" });

function patternFile(length, seed, name) {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[index] = state % 256;
  }
  return new File([bytes], name, { type: "application/octet-stream" });
}

window.uploadPattern = async (length, seed, name) => {
  const [result] = await uploader.uploadFiles("documents", {
    files: [patternFile(length, seed, name)],
  });
  const served = await fetch(result.ufsUrl);
  return {
    key: result.key,
    serverData: result.serverData,
    servedStatus: served.status,
    servedLength: (await served.arrayBuffer()).byteLength,
  };
};

window.startPausable = async (length, seed, name) => {
  const file = patternFile(length, seed, name);
  const upload = await uploader.createUpload("documents", { files: [file] });
  window.pausable = { file, upload };
};
window.pausePausable = () => window.pausable.upload.pauseUpload(window.pausable.file);
window.resumePausable = async () => {
  window.pausable.upload.resumeUpload(window.pausable.file);
  const result = await window.pausable.upload.done(window.pausable.file);
  return { key: result.key, serverData: result.serverData };
};
`;

let emulator: IngestEmulator;
let routeServer: RouteServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: pageScript, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  emulator = await startIngestEmulator();
  routeServer = await startRouteServer(router, {
    token: emulator.token,
    ingestUrl: emulator.url,
    assets: {
      "/": {
        contentType: "text/html",
        body: '<!doctype html><script type="module" src="/page.js"></script>',
      },
      "/page.js": {
        contentType: "text/javascript",
        body: bundle.outputFiles[0]?.text ?? "",
      },
    },
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  page = await browser.newPage();
  // A page origin other than the emulator's, so every call is cross-origin.
  await page.goto(routeServer.url.replace("/api/uploadthing", "/"));
  await page.waitForFunction(() => "uploadPattern" in window);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await routeServer?.close();
  await emulator?.close();
});

describe("ingest emulator in Chromium", () => {
  it("uploads and serves cross-origin", async () => {
    const result = await page.evaluate(
      ([length, seed, name]) =>
        (
          window as unknown as {
            uploadPattern: (
              length: number,
              seed: number,
              name: string,
            ) => Promise<{
              key: string;
              serverData: unknown;
              servedStatus: number;
              servedLength: number;
            }>;
          }
        ).uploadPattern(length, seed, name),
      [300_000, 51, "chromium.bin"] as const,
    );
    const stored = emulator.uploads().find((u) => u.key === result.key);

    expect(result.serverData).toEqual({
      owner: "user_chromium",
      key: result.key,
    });
    expect(result.servedStatus).toBe(200);
    expect(result.servedLength).toBe(300_000);
    expect(await sha256OfFile(stored?.path ?? "")).toBe(
      sha256(patternBytes(300_000, 51)),
    );
  });

  it("resumes paused upload", async () => {
    const length = 8 * 1024 * 1024;
    const stall = emulator.stallNthPut(1, { afterBytes: 256 * 1024 });
    const interrupted = emulator.waitFor("transfer-interrupted");
    const resumed = emulator.waitFor(
      "transfer-started",
      (event) => event.offset > 0,
    );

    await page.evaluate(
      ([size, seed]) =>
        (
          window as unknown as {
            startPausable: (
              length: number,
              seed: number,
              name: string,
            ) => Promise<void>;
          }
        ).startPausable(size, seed, "paused.bin"),
      [length, 52] as const,
    );
    await stall.triggered;
    await page.evaluate(() =>
      (window as unknown as { pausePausable: () => void }).pausePausable(),
    );
    stall.release();
    const { received } = await interrupted;
    const result = await page.evaluate(() =>
      (
        window as unknown as {
          resumePausable: () => Promise<{ key: string; serverData: unknown }>;
        }
      ).resumePausable(),
    );
    const stored = emulator.uploads().find((u) => u.key === result.key);

    expect(received).toBeLessThan(length);
    expect((await resumed).offset).toBe(received);
    expect(await sha256OfFile(stored?.path ?? "")).toBe(
      sha256(patternBytes(length, 52)),
    );
  }, 30_000);
});
