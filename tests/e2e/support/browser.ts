import { chromium, type Browser, type Page } from "playwright-core";

/** Flags for Debian's Chromium in a container without network services. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's headless Chromium (`/usr/bin/chromium`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
  });
}

/** A file to put in the page, by name, MIME type and content. */
export interface PageFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * Drops `files` on the element matching `selector` the way a browser does:
 * native `dragenter`, `dragover` and `drop` events that share one
 * `DataTransfer` holding real `File` objects.
 */
export async function dropFiles(
  page: Page,
  selector: string,
  files: readonly PageFile[],
): Promise<void> {
  const payload = files.map((file) => ({
    name: file.name,
    type: file.type,
    base64: Buffer.from(file.bytes).toString("base64"),
  }));
  await page.locator(selector).waitFor();
  await page.evaluate(
    ({ selector, payload }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`No element matches ${selector}`);
      const transfer = new DataTransfer();
      for (const file of payload) {
        const binary = atob(file.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      for (const type of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: transfer,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    },
    { selector, payload },
  );
}
