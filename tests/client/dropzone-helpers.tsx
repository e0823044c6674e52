import { act, createEvent, fireEvent, render } from "@testing-library/react";
import type { ClientUploadedFileData } from "uploadthing/types";
import { Dropzone, type DropzoneRouteConfig } from "../../src";

/** Route config with images up to 4 MB (at most 4) and text up to 64 KB. */
export const imageAndTextConfig: DropzoneRouteConfig = {
  image: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 1 },
  text: { maxFileSize: "64KB", maxFileCount: 10, minFileCount: 1 },
};

/** Builds a File of `size` bytes with a fixed modified time. */
export function makeFile(
  name: string,
  type: string,
  size = 1024,
  lastModified = 1_700_000_000_000,
): File {
  return new File([new Uint8Array(size)], name, { type, lastModified });
}

type DragType = "dragEnter" | "dragOver" | "drop";

/** Fires a drag event whose dataTransfer carries `files`. */
export function fireDrag(el: Element, type: DragType, files: File[]): void {
  const event = createEvent[type](el);
  Object.defineProperty(event, "dataTransfer", {
    value: {
      files,
      types: ["Files"],
      dropEffect: "none",
      items: files.map((file) => ({
        kind: "file",
        type: file.type,
        getAsFile: () => file,
      })),
    },
  });
  fireEvent(el, event);
}

/** Returns the drop area of the only Dropzone. */
export function dropArea(): HTMLElement {
  const area = document.querySelector<HTMLElement>(
    '[data-slot="dropzone-area"]',
  );
  if (!area) throw new Error("No drop area rendered");
  return area;
}

/**
 * Drags files over the drop area and drops them. useDropzone reads the
 * dragged files asynchronously, so the drop waits for that first, as it
 * does in a browser.
 */
export async function dropFiles(files: File[]): Promise<void> {
  fireDrag(dropArea(), "dragEnter", files);
  await act(async () => {});
  fireDrag(dropArea(), "drop", files);
  await act(async () => {});
}

/** Returns every file row. */
export function fileRows(): HTMLElement[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>('[data-slot="dropzone-file"]'),
  );
}

/** Returns the row whose name is `name`. */
export function fileRow(name: string): HTMLElement {
  const row = fileRows().find(
    (el) =>
      el.querySelector('[data-slot="dropzone-file-name"]')?.textContent ===
      name,
  );
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

/** Returns the root element of the only Dropzone. */
export function dropzoneRoot(): HTMLElement {
  const root = document.querySelector<HTMLElement>('[data-slot="dropzone"]');
  if (!root) throw new Error("No Dropzone rendered");
  return root;
}

/** Returns an upload UploadThing reported as complete, for the `value` prop. */
export function uploadedFile(name: string): ClientUploadedFileData<null> {
  return {
    key: `key-${name}`,
    name,
    size: 2048,
    type: "image/png",
    lastModified: 1,
    url: `http://127.0.0.1/f/key-${name}`,
    appUrl: `http://127.0.0.1/f/key-${name}`,
    ufsUrl: `http://127.0.0.1/f/key-${name}`,
    fileHash: "abc",
    customId: null,
    serverData: null,
  };
}

/** Renders a manual Dropzone on `imageAndTextConfig`, with `props` on top. */
export function renderManualDropzone(
  props: Partial<Parameters<typeof Dropzone>[0]> = {},
) {
  return render(
    <Dropzone
      endpoint="uploader"
      mode="manual"
      routeConfig={imageAndTextConfig}
      {...props}
    />,
  );
}
