import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { Dropzone } from "../../src";
import { callbackArgs, dropzoneArgTypes } from "../support/dropzone-args";
import {
  getDropArea,
  getDropzoneRoot,
  getFileRows,
  getRowReason,
  recordAnnouncements,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile } from "../support/files";
import {
  chooseFiles,
  dragFilesOver,
  dragLeave,
  dropFiles,
  pasteFiles,
} from "../support/interactions";
import { narrowColumn } from "../support/narrow-column";
import {
  getUploadRequestLog,
  type UploadNetworkScenario,
} from "../support/network";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

const RESTRICTIONS = "Images up to 4MB, at most 10";

/** User flows through the Dropzone: keyboard, paste, drag, cancel, retry. */
const meta = {
  title: "Dropzone/Interactions",
  component: Dropzone,
  tags: ["!autodocs"],
  args: { endpoint: "imageUploader", ...callbackArgs() },
  argTypes: dropzoneArgTypes,
  decorators: [narrowColumn],
  parameters: {
    uploadNetwork: { routerConfig: defaultRouterConfig },
  },
} satisfies Meta<typeof Dropzone>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Presses Tab until `matches` returns true for the focused element, max 12
 * times, and returns that element.
 */
async function tabTo(
  userEvent: { tab: (options?: { shift?: boolean }) => Promise<void> },
  matches: (element: Element) => boolean,
  shift = false,
): Promise<HTMLElement> {
  for (let press = 0; press < 12; press += 1) {
    await userEvent.tab({ shift });
    const active = document.activeElement;
    if (active instanceof HTMLElement && matches(active)) return active;
  }
  throw new Error("Tab did not reach the expected element in 12 presses.");
}

function hasLabel(label: string) {
  return (element: Element) => element.getAttribute("aria-label") === label;
}

/**
 * Keyboard only. Tab reaches the drop area and Enter opens the picker once.
 * Files are chosen, and Space opens the picker again. Then Tab and Enter
 * cancel one upload, focus stays in its row, and Shift+Tab and Enter reach
 * Cancel all.
 */
export const KeyboardOnly: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 100_000,
    },
  },
  async play({ canvasElement, userEvent }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    const area = getDropArea(canvasElement);
    const input = area.querySelector<HTMLInputElement>('input[type="file"]');
    await expect(input).not.toBeNull();
    // A click on the input opens the picker unless a handler prevented it.
    const inputClicks: MouseEvent[] = [];
    input!.addEventListener("click", (event) => inputClicks.push(event));
    const pickerOpens = () =>
      inputClicks.filter((event) => !event.defaultPrevented).length;

    await userEvent.tab();
    await expect(document.activeElement).toBe(area);
    await expect(area.matches(":focus-visible")).toBe(true);
    await expect(area.getAttribute("aria-describedby")).toBe(
      canvasElement.querySelector('[data-slot="dropzone-restrictions"]')?.id,
    );

    await userEvent.keyboard("{Enter}");
    await expect(pickerOpens()).toBe(1);
    chooseFiles(input!, [
      createFile("first.png", { type: "image/png", size: 1_000_000 }),
      createFile("second.png", { type: "image/png", size: 1_000_000 }),
    ]);
    await userEvent.keyboard(" ");
    await expect(pickerOpens()).toBe(2);

    await waitForFileState(canvasElement, "first.png", "uploading");
    await waitForFileState(canvasElement, "second.png", "uploading");

    const cancelFirst = await tabTo(userEvent, hasLabel("Cancel first.png"));
    const firstRow = cancelFirst.closest('[data-slot="dropzone-file"]');
    await userEvent.keyboard("{Enter}");
    await waitForFileState(canvasElement, "first.png", "canceled");
    // Cancel gives way to Retry and Remove. Focus stays on the row's button
    // group, so a held Enter cannot press the button that took its place.
    await expect(document.activeElement?.getAttribute("data-slot")).toBe(
      "dropzone-file-actions",
    );
    await expect(firstRow?.contains(document.activeElement)).toBe(true);

    await tabTo(
      userEvent,
      (element) => element.textContent === "Cancel all",
      true,
    );
    await userEvent.keyboard("{Enter}");
    await waitForFileState(canvasElement, "second.png", "canceled");
    await expect(getDropzoneRoot(canvasElement).dataset.state).toBe("idle");
  },
};

/**
 * Files pasted while the Dropzone has focus are added; a paste into a text
 * field elsewhere on the page is left to that field.
 */
export const Paste: Story = {
  args: { mode: "manual" },
  render: (args) => (
    <div className="flex flex-col gap-4">
      <Dropzone {...args} />
      <label className="flex flex-col gap-1 text-sm">
        Comment
        <textarea className="rounded-md border p-2" />
      </label>
    </div>
  ),
  async play({ canvasElement, userEvent }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    const area = getDropArea(canvasElement);
    await userEvent.tab();
    await expect(document.activeElement).toBe(area);

    const pasteHandled = pasteFiles(area, [
      createFile("screenshot.png", { type: "image/png" }),
    ]);
    await expect(pasteHandled).toBe(true);
    await waitForFileState(canvasElement, "screenshot.png", "queued");

    const textarea = canvasElement.querySelector("textarea")!;
    await userEvent.click(textarea);
    const textareaPasteHandled = pasteFiles(textarea, [
      createFile("elsewhere.png", { type: "image/png" }),
    ]);
    await expect(textareaPasteHandled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(getFileRows(canvasElement)).toHaveLength(1);
  },
};

/** Drag over with allowed and then refused files, leave, then drop. */
export const DragStates: Story = {
  args: { mode: "manual" },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    const area = getDropArea(canvasElement);
    const root = getDropzoneRoot(canvasElement);
    const photo = createFile("photo.png", { type: "image/png" });
    const program = createFile("tool.exe", {
      type: "application/x-msdownload",
    });

    dragFilesOver(area, [photo]);
    await waitFor(() => expect(root.dataset.state).toBe("drag-accept"));
    dragLeave(area, [photo]);
    await waitFor(() => expect(root.dataset.state).toBe("idle"));

    dragFilesOver(area, [program]);
    await waitFor(() => expect(root.dataset.state).toBe("drag-reject"));
    dragLeave(area, [program]);
    await waitFor(() => expect(root.dataset.state).toBe("idle"));

    await dropFiles(area, [photo]);
    await waitForFileState(canvasElement, "photo.png", "queued");
    await expect(root.dataset.state).toBe("idle");
  },
};

/**
 * With two uploads at a time, the third file waits. Canceling it keeps it
 * from ever starting; then one upload is canceled in flight, and Cancel all
 * stops the last.
 */
export const CancelOneAndAll: Story = {
  args: { concurrency: 2 },
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 100_000,
    },
  },
  async play({ canvasElement, userEvent }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    await dropFiles(getDropArea(canvasElement), [
      createFile("a.png", { type: "image/png", size: 1_000_000 }),
      createFile("b.png", { type: "image/png", size: 1_000_000 }),
      createFile("c.png", { type: "image/png", size: 1_000_000 }),
    ]);
    await waitForFileState(canvasElement, "a.png", "uploading");
    await waitForFileState(canvasElement, "b.png", "uploading");
    const queued = await waitForFileState(canvasElement, "c.png", "queued");

    await userEvent.click(
      queued.querySelector('[data-slot="dropzone-file-cancel"]')!,
    );
    await waitForFileState(canvasElement, "c.png", "canceled");

    const first = await waitForFileState(canvasElement, "a.png", "uploading");
    await userEvent.click(
      first.querySelector('[data-slot="dropzone-file-cancel"]')!,
    );
    await waitForFileState(canvasElement, "a.png", "canceled");
    await expect(
      (await waitForFileState(canvasElement, "b.png", "uploading")).dataset
        .state,
    ).toBe("uploading");

    await userEvent.click(
      canvasElement.querySelector('[data-slot="dropzone-cancel-all"]')!,
    );
    await waitForFileState(canvasElement, "b.png", "canceled");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const uploadedNames = getUploadRequestLog().ingestUploads.map(
      (upload) => upload.name,
    );
    await expect(uploadedNames).not.toContain("c.png");
    await expect(
      getFileRows(canvasElement).map((row) => row.dataset.state),
    ).toEqual(["canceled", "canceled", "canceled"]);
  },
};

/**
 * The ingest server fails the first upload with 500; Retry, pressed with
 * the keyboard, uploads the file again and it completes.
 */
export const RetryAfterFailure: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      ingestOutcome: ({ attempt }) => (attempt === 1 ? "fail" : "complete"),
    } satisfies UploadNetworkScenario,
  },
  async play({ canvasElement, args, userEvent }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [
      createFile("receipt.png", { type: "image/png", size: 200_000 }),
    ]);
    const failed = await waitForFileState(
      canvasElement,
      "receipt.png",
      "error",
    );
    // The row names the file, the storage server's status and the fix.
    await expect(getRowReason(failed)).toBe(
      "receipt.png failed to upload: the storage server returned 500. Retry to try again.",
    );
    await expect(args.onUploadError).toHaveBeenCalledTimes(1);

    await tabTo(userEvent, hasLabel("Retry receipt.png"));
    await userEvent.keyboard("{Enter}");
    await waitForFileState(canvasElement, "receipt.png", "complete");
    await expect(args.onFileComplete).toHaveBeenCalledTimes(1);
    await expect(
      getUploadRequestLog().ingestUploads.map((upload) => upload.outcome),
    ).toEqual(["fail", "complete"]);
    await expect(stopAnnouncements()).toEqual([
      "receipt.png failed: receipt.png failed to upload: the storage server returned 500. Retry to try again.",
      "receipt.png uploaded",
    ]);
  },
};
