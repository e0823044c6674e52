import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleApp, type ExampleApp } from "./support/app-server";
import { dropFiles, launchChromium } from "./support/browser";
import { testFile } from "./support/files";

// A string of the row list, which only the Dropzone's deferred chunk
// contains, so the test can find that chunk among Next's hashed files.
const DEFERRED_CHUNK_MARKER = "dropzone-file-viewport";

const CONFIG_DELAY_MS = 1_500;
const panel = '[data-testid="attachment-panel"]';
const first = testFile("first.txt", "text/plain", Buffer.from("first\n"));
const second = testFile("second.txt", "text/plain", Buffer.from("second\n"));

let app: ExampleApp;
let browser: Browser;
let page: Page;
let blockDeferredChunk = true;

/** Aborts the request for the deferred chunk while `blockDeferredChunk` is set. */
async function routeChunks(route: Route): Promise<void> {
  const response = await route.fetch();
  const body = await response.text();
  if (blockDeferredChunk && body.includes(DEFERRED_CHUNK_MARKER)) {
    await route.abort("failed");
    return;
  }
  await route.fulfill({ response, body });
}

beforeAll(async () => {
  app = await startExampleApp({ ALLOW_LOCAL_MODE_IN_PRODUCTION: "true" });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.route("**/_next/static/chunks/**", routeChunks);
  // The route config arrives after the chunk has failed, and it must not
  // replace the failure in the restrictions line.
  await page.route("**/api/uploadthing**", async (route) => {
    if (route.request().method() === "GET") {
      await new Promise((resolve) => setTimeout(resolve, CONFIG_DELAY_MS));
    }
    await route.continue();
  });
  await page.goto(app.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function restrictions() {
  return page
    .locator(`${panel} [data-slot="dropzone-restrictions"]`)
    .textContent();
}

function rowNames() {
  return page
    .locator(`${panel} [data-slot="dropzone-file-name"]`)
    .allTextContents();
}

describe("Dropzone deferred chunk in the example app", () => {
  it("shows the failed load in the restrictions", async () => {
    await expect
      .poll(restrictions, { timeout: 30_000 })
      .toMatch(
        /^Could not load the upload code: .+\. Add a file to try again\.$/,
      );
  });

  it("keeps the failure after the config arrives", async () => {
    await page.waitForTimeout(CONFIG_DELAY_MS + 1_000);

    expect(await restrictions()).toMatch(/^Could not load the upload code/);
  });

  it("keeps a file dropped while it fails", async () => {
    await dropFiles(page, `${panel} [data-slot="dropzone-area"]`, [first]);

    await expect
      .poll(restrictions)
      .toMatch(/\. 1 added file waits for it\. Add a file to try again\.$/);
    expect(await rowNames()).toEqual([]);
  });

  it("adds waiting files once it loads", async () => {
    blockDeferredChunk = false;
    await dropFiles(page, `${panel} [data-slot="dropzone-area"]`, [second]);

    await expect
      .poll(rowNames, { timeout: 30_000 })
      .toEqual(["first.txt", "second.txt"]);
    await expect
      .poll(
        () =>
          page
            .locator(
              `${panel} [data-slot="dropzone-file"][data-state="complete"]`,
            )
            .count(),
        { timeout: 30_000 },
      )
      .toBe(2);
  });
});
