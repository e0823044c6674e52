import { chromium, type Browser, type Page } from "playwright-core";
import { UTApi, UTFile } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";

/** Sets `window.ran` when a script or an event handler in the file runs. */
const HTML_PAYLOAD =
  "<!doctype html><title>upload</title>" +
  "<script>window.ran = 'script'</script>" +
  "<img src=x onerror=\"window.ran = 'onerror'\">";

const SVG_PAYLOAD =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
  "<script>window.ran = 'script'</script>" +
  '<rect width="10" height="10" fill="red"/></svg>';

const XHTML_PAYLOAD =
  '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">' +
  "<body><script>window.ran = 'script'</script></body></html>";

/** A 1×1 PNG, to check that images still display under the policy. */
const PNG_BYTES = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** Builds a WAV file of 0.1 s of silence (8 kHz, 8-bit mono). */
function silentWav(): Uint8Array<ArrayBuffer> {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples, 40);
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(samples, 128)]));
}

let emulator: IngestEmulator;
let utapi: UTApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  emulator = await startIngestEmulator();
  utapi = new UTApi({
    token: emulator.token,
    ingestUrl: emulator.url,
    logLevel: "Error",
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

/** Uploads one file and returns its `ufsUrl`. */
async function upload(
  content: string | Uint8Array<ArrayBuffer>,
  name: string,
  type: string,
  contentDisposition?: "inline" | "attachment",
): Promise<string> {
  const result = await utapi.uploadFiles(
    new UTFile([content], name, { type }),
    contentDisposition === undefined ? undefined : { contentDisposition },
  );
  if (result.data === null) throw new Error(result.error.message);
  return result.data.ufsUrl;
}

/** Opens `url` in Chromium and reports what the document could do. */
async function openInBrowser(url: string) {
  await page.goto(url);
  return page.evaluate(() => ({
    ran: (window as unknown as { ran?: string }).ran ?? null,
    origin: window.origin,
  }));
}

describe("stored file headers", () => {
  it("sets policy on inline HTML", async () => {
    const url = await upload(
      HTML_PAYLOAD,
      "<img src=x onerror=alert(1)>.html",
      "text/html",
    );

    const response = await fetch(url);

    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; img-src 'self' data:; media-src 'self'; " +
        "style-src 'unsafe-inline'; sandbox",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(response.headers.get("content-disposition")).toBe(
      'inline; filename="<img src=x onerror=alert(1)>.html"; ' +
        "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.html",
    );
  });

  it("sets policy on HEAD", async () => {
    const url = await upload(SVG_PAYLOAD, "head.svg", "image/svg+xml");

    const response = await fetch(url, { method: "HEAD" });

    expect(response.headers.get("content-security-policy")).toMatch(
      /; sandbox$/,
    );
  });

  it("keeps attachment disposition", async () => {
    const url = await upload(
      HTML_PAYLOAD,
      "page.html",
      "text/html",
      "attachment",
    );

    const response = await fetch(url);

    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"page.html\"; filename*=UTF-8''page.html",
    );
    expect(response.headers.get("content-security-policy")).toMatch(
      /; sandbox$/,
    );
  });

  it("sets nosniff on JSON errors", async () => {
    const response = await fetch(`${emulator.url}/f/%3Cscript%3E`);

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("stored active content in Chromium", () => {
  const cases = [
    {
      name: "<img src=x onerror=alert(1)>.html",
      body: HTML_PAYLOAD,
      type: "text/html",
    },
    { name: "drawing.svg", body: SVG_PAYLOAD, type: "image/svg+xml" },
    { name: "page.xhtml", body: XHTML_PAYLOAD, type: "application/xhtml+xml" },
    { name: "feed.xml", body: XHTML_PAYLOAD, type: "application/xml" },
  ];

  it.each(cases)("runs no script from $name", async ({ name, body, type }) => {
    const url = await upload(body, name, type);

    const result = await openInBrowser(url);

    expect(result.ran).toBe(null);
    expect(result.origin).toBe("null");
  });

  it("still displays inline image", async () => {
    const url = await upload(PNG_BYTES, "dot.png", "image/png");

    await page.goto(url);
    const width = await page.evaluate(
      () => document.querySelector("img")?.naturalWidth ?? 0,
    );

    expect(width).toBe(1);
  });

  it("still plays inline audio", async () => {
    const url = await upload(silentWav(), "silence.wav", "audio/wav");

    await page.goto(url);
    const duration = await page
      .waitForFunction(
        () => {
          const media = document.querySelector("video, audio");
          return media instanceof HTMLMediaElement && media.readyState >= 1
            ? media.duration
            : null;
        },
        undefined,
        { timeout: 10_000 },
      )
      .then((handle) => handle.jsonValue());

    expect(duration).toBeCloseTo(0.1, 3);
  });
});
