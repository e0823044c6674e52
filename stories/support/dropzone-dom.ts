import { waitFor } from "storybook/test";

/*
 * Queries over the Dropzone's documented DOM contract: `data-slot` names the
 * part and `data-state` its state.
 */

/** Returns the drop area of the first Dropzone inside `container`. */
export function getDropArea(container: Element): HTMLElement {
  const area = container.querySelector<HTMLElement>(
    '[data-slot="dropzone-area"]',
  );
  if (!area) throw new Error("No [data-slot=dropzone-area] in the story.");
  return area;
}

/** Returns the root of the first Dropzone inside `container`. */
export function getDropzoneRoot(container: Element): HTMLElement {
  const root = container.querySelector<HTMLElement>('[data-slot="dropzone"]');
  if (!root) throw new Error("No [data-slot=dropzone] in the story.");
  return root;
}

/** Returns the mounted file rows inside `container`. */
export function getFileRows(container: Element): HTMLElement[] {
  return Array.from(
    container.querySelectorAll<HTMLElement>('[data-slot="dropzone-file"]'),
  );
}

/** Returns the row of the file called `name`, if it is mounted. */
export function findFileRow(
  container: Element,
  name: string,
): HTMLElement | undefined {
  return getFileRows(container).find(
    (row) =>
      row.querySelector('[data-slot="dropzone-file-name"]')?.textContent ===
      name,
  );
}

/** Waits until the row of `name` exists and returns it. */
export async function waitForFileRow(
  container: Element,
  name: string,
  timeout = 5000,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = findFileRow(container, name);
      if (!row) throw new Error(`No row for ${name} yet.`);
      return row;
    },
    { timeout },
  );
}

/** Waits until the row of `name` has `data-state` equal to `state`. */
export async function waitForFileState(
  container: Element,
  name: string,
  state: string,
  timeout = 5000,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = findFileRow(container, name);
      const current = row?.getAttribute("data-state");
      if (!row || current !== state) {
        throw new Error(`${name} is ${current ?? "missing"}, not ${state}.`);
      }
      return row;
    },
    { timeout },
  );
}

/** Returns the text of a row's reason, shown for failed and rejected files. */
export function getRowReason(row: Element): string | null {
  return (
    row.querySelector('[data-slot="dropzone-file-reason"]')?.textContent ?? null
  );
}

/**
 * Records every text that the Dropzone's live region announces. Returns a
 * function that stops recording and returns the texts in order.
 */
export function recordAnnouncements(container: Element): () => string[] {
  const region = container.querySelector('[data-slot="dropzone-live-region"]');
  if (!region) throw new Error("No [data-slot=dropzone-live-region].");
  const texts: string[] = [];
  const read = () => {
    const text = region.textContent ?? "";
    if (text !== "" && texts.at(-1) !== text) texts.push(text);
  };
  const observer = new MutationObserver(read);
  observer.observe(region, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return () => {
    read();
    observer.disconnect();
    return texts;
  };
}
