import type { Page } from "playwright-core";

/** One observed change of a Dropzone file row. */
export interface UploadLogEntry {
  name: string | null;
  state: string | null;
  /** `aria-valuenow` of the row's progress bar, 0 to 100, when it has one. */
  progress: number | null;
}

declare global {
  interface Window {
    uploadLog?: UploadLogEntry[];
  }
}

/**
 * Records every `data-state` and progress change of Dropzone file rows in
 * `window.uploadLog`, from the first byte of every page `page` loads.
 */
export async function recordUploadLog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: UploadLogEntry[] = [];
    window.uploadLog = log;
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target;
        if (!(target instanceof Element)) continue;
        const row = target.closest('[data-slot="dropzone-file"]');
        if (!row) continue;
        const bar = row.querySelector('[role="progressbar"]');
        const value = bar?.getAttribute("aria-valuenow");
        log.push({
          name:
            row.querySelector('[data-slot="dropzone-file-name"]')
              ?.textContent ?? null,
          state: row.getAttribute("data-state"),
          progress: value == null ? null : Number(value),
        });
      }
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state", "aria-valuenow"],
    });
  });
}

/** Returns the entries recorded so far for the file named `name`. */
export function uploadLogOf(
  page: Page,
  name: string,
): Promise<UploadLogEntry[]> {
  return page.evaluate(
    (name) => (window.uploadLog ?? []).filter((entry) => entry.name === name),
    name,
  );
}
