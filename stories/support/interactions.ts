/*
 * Drag, drop and paste as Chromium delivers them: native events carrying a
 * real DataTransfer, so `types` is ["Files"] and `items` and `files` are
 * filled. Testing Library's fireEvent copies only own properties onto a new
 * DataTransfer, which arrives empty in Chromium.
 */

/** Creates a DataTransfer that carries `files`. */
export function createDataTransfer(files: File[]): DataTransfer {
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  return dataTransfer;
}

function dispatchDragEvent(
  target: Element,
  type: "dragenter" | "dragover" | "dragleave" | "drop",
  dataTransfer: DataTransfer,
): void {
  target.dispatchEvent(
    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }),
  );
}

/** Starts dragging `files` over `target` without dropping them. */
export function dragFilesOver(target: Element, files: File[]): void {
  const dataTransfer = createDataTransfer(files);
  dispatchDragEvent(target, "dragenter", dataTransfer);
  dispatchDragEvent(target, "dragover", dataTransfer);
}

/** Ends a drag of `files` over `target` without a drop. */
export function dragLeave(target: Element, files: File[]): void {
  dispatchDragEvent(target, "dragleave", createDataTransfer(files));
}

/**
 * Drags `files` over `target`, waits one frame as a hand would, and drops
 * them. UploadThing's useDropzone reads the files of a dragenter in a
 * promise. A drop in the same task would run before that promise settles
 * and leave the area in its drag state, which no real drag can do.
 */
export async function dropFiles(target: Element, files: File[]): Promise<void> {
  const dataTransfer = createDataTransfer(files);
  dispatchDragEvent(target, "dragenter", dataTransfer);
  dispatchDragEvent(target, "dragover", dataTransfer);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // The browser dispatches a real drop in a task of its own, not inside
  // the frame's rendering task where the animation frame callback runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  dispatchDragEvent(target, "drop", dataTransfer);
}

/**
 * Pastes `files` into `target`, as Ctrl+V with files on the clipboard.
 * Returns whether a listener called `preventDefault()`, that is, took them.
 */
export function pasteFiles(target: Element, files: File[]): boolean {
  const event = new ClipboardEvent("paste", {
    bubbles: true,
    cancelable: true,
    clipboardData: createDataTransfer(files),
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * Sets `files` on a file input and fires `input` and `change`, as the
 * browser does when the user picks files in the dialog.
 */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  input.files = createDataTransfer(files).files;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
