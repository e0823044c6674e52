import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleApp, type ExampleApp } from "./support/app-server";
import { dropFiles, launchChromium } from "./support/browser";
import { queryDatabase } from "./support/database";
import { makePng, randomFile, testFile, type TestFile } from "./support/files";
import { recordUploadLog, uploadLogOf } from "./support/upload-log";

const avatar = testFile("avatar.png", "image/png", makePng(64, 64, 1));
const attachments: TestFile[] = [
  testFile(
    "notes.txt",
    "text/plain",
    Buffer.from("dropsync end-to-end notes\n".repeat(80)),
  ),
  randomFile("archive.bin", "application/octet-stream", 6 * 1024 * 1024),
  testFile("photo.png", "image/png", makePng(320, 200, 2)),
];
const allFiles = [avatar, ...attachments];

let app: ExampleApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startExampleApp({ ALLOW_LOCAL_MODE_IN_PRODUCTION: "true" });
  browser = await launchChromium();
  page = await browser.newPage();
  await recordUploadLog(page);
  await page.goto(app.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** SHA-256 of every file the emulator stored, whatever its folder layout. */
async function storedHashes(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter(
    (entry) => entry.isFile() && !entry.name.endsWith(".json"),
  );
  return Promise.all(
    files.map(async (entry) =>
      sha256(await readFile(path.join(entry.parentPath, entry.name))),
    ),
  );
}

function completeRows(panel: string) {
  return page.locator(
    `[data-testid="${panel}"] [data-slot="dropzone-file"][data-state="complete"]`,
  );
}

describe("uploads from the home page", () => {
  it("local mode banner is shown", async () => {
    await expect
      .poll(() => page.getByTestId("local-mode-banner").count())
      .toBe(1);
  });

  it("drop uploads the avatar", async () => {
    await dropFiles(
      page,
      '[data-testid="avatar-panel"] [data-slot="dropzone-area"]',
      [avatar],
    );

    await completeRows("avatar-panel").first().waitFor({ timeout: 30_000 });
    expect(await completeRows("avatar-panel").count()).toBe(1);
  });

  it("file picker uploads attachments", async () => {
    await page
      .locator('[data-testid="attachment-panel"] [data-slot="dropzone-input"]')
      .setInputFiles(
        attachments.map((file) => ({
          name: file.name,
          mimeType: file.type,
          buffer: Buffer.from(file.bytes),
        })),
      );

    await expect
      .poll(() => completeRows("attachment-panel").count(), { timeout: 60_000 })
      .toBe(attachments.length);
  });

  it("progress goes from uploading to 100", async () => {
    const log = await uploadLogOf(page, "archive.bin");
    const states = log.map((entry) => entry.state);

    expect(states).toContain("uploading");
    expect(states.at(-1)).toBe("complete");
    expect(Math.max(...log.map((entry) => entry.progress ?? 0))).toBe(100);
  });

  it("emulator stores exact bytes", async () => {
    const stored = await storedHashes(app.uploadDir);

    for (const file of allFiles) {
      expect(stored, file.name).toContain(file.sha256);
    }
  });

  it("uploads table records the owner", () => {
    const rows = queryDatabase<{ name: string; owner: string; size: number }>(
      app.databasePath,
      "SELECT name, owner, size FROM uploads ORDER BY name",
    );

    expect(rows).toEqual(
      allFiles
        .map((file) => ({
          name: file.name,
          owner: "user_local_development",
          size: file.bytes.length,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });
});

describe("gallery page", () => {
  beforeAll(async () => {
    await page.goto(`${app.url}/uploads`);
  });

  it("lists every upload", async () => {
    const names = await page
      .locator('[data-testid="upload-item"] [title]')
      .allTextContents();

    expect(names.sort()).toEqual(allFiles.map((file) => file.name).sort());
  });

  it("shows the local owner", async () => {
    const owners = await page.getByTestId("upload-owner").allTextContents();

    expect(owners).toEqual(allFiles.map(() => "Owner: Local development user"));
  });

  it("links serve exact bytes", async () => {
    for (const file of allFiles) {
      const item = page.locator('[data-testid="upload-item"]', {
        has: page.locator(`[title="${file.name}"]`),
      });
      const href = await item.getByTestId("upload-link").getAttribute("href");
      const response = await fetch(href!);

      expect(response.status, file.name).toBe(200);
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(
        file.sha256,
      );
    }
  });

  it("renders the image previews", async () => {
    await page.waitForFunction(() =>
      [...document.images].every((image) => image.complete),
    );
    const widths = await page
      .locator('[data-testid="upload-item"] img')
      .evaluateAll((images) =>
        images.map((image) => (image as HTMLImageElement).naturalWidth),
      );

    expect(widths.sort((a, b) => a - b)).toEqual([64, 320]);
  });
});
