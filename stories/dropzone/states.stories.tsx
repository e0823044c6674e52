import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, mocked, waitFor } from "storybook/test";
import { Dropzone } from "../../src";
import { callbackArgs, dropzoneArgTypes } from "../support/dropzone-args";
import {
  getDropArea,
  getDropzoneRoot,
  getFileRows,
  getRowReason,
  recordAnnouncements,
  waitForFileRow,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile, createImageFile } from "../support/files";
import { dragFilesOver, dropFiles } from "../support/interactions";
import { narrowColumn } from "../support/narrow-column";
import { getUploadRequestLog } from "../support/network";
import { recordProgressValues } from "../support/progress-recorder";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

/**
 * Each story drives a real Dropzone into one state through its play
 * function: real drops, real uploads through UploadThing's client, and an
 * in-browser UploadThing network (an MSW service worker).
 */
const meta = {
  title: "Dropzone/States",
  component: Dropzone,
  args: { endpoint: "imageUploader", ...callbackArgs() },
  argTypes: dropzoneArgTypes,
  decorators: [narrowColumn],
  parameters: {
    uploadNetwork: { routerConfig: defaultRouterConfig },
  },
} satisfies Meta<typeof Dropzone>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready for files: the restrictions come from the route config. */
export const Idle: Story = {
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await expect(getDropzoneRoot(canvasElement).dataset.state).toBe("idle");
  },
};

/** PNG files dragged over the area: every one is allowed. */
export const DragAccept: Story = {
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    dragFilesOver(getDropArea(canvasElement), [
      createFile("cat.png", { type: "image/png" }),
    ]);
    await waitFor(() =>
      expect(getDropzoneRoot(canvasElement).dataset.state).toBe("drag-accept"),
    );
    await expect(getDropArea(canvasElement).textContent).toContain(
      "Drop to add these files",
    );
  },
};

/** A Windows program dragged over an image route. */
export const DragReject: Story = {
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    dragFilesOver(getDropArea(canvasElement), [
      createFile("setup.exe", { type: "application/x-msdownload" }),
    ]);
    await waitFor(() =>
      expect(getDropzoneRoot(canvasElement).dataset.state).toBe("drag-reject"),
    );
    await expect(getDropArea(canvasElement).textContent).toContain(
      "Some of these files are not allowed",
    );
  },
};

/** Manual mode: dropped files wait for the Upload button. */
export const Queued: Story = {
  args: { mode: "manual" },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await dropFiles(getDropArea(canvasElement), [
      createFile("beach.png", { type: "image/png", size: 120_000 }),
      createFile("dunes.png", { type: "image/png", size: 80_000 }),
    ]);
    await waitForFileState(canvasElement, "beach.png", "queued");
    await waitForFileState(canvasElement, "dunes.png", "queued");
    await expect(getUploadRequestLog().presignRequests).toHaveLength(0);
  },
};

/**
 * A 3 MB file at 150 KB/s: the bar moves for about 20 s. The play function
 * checks that the bar passes through values between 0 and 100.
 */
export const UploadingWithLiveProgress: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 150_000,
      progressIntervalMs: 100,
    },
  },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await dropFiles(getDropArea(canvasElement), [
      createFile("drone-footage-still.png", {
        type: "image/png",
        size: 3_000_000,
      }),
    ]);
    const row = await waitForFileState(
      canvasElement,
      "drone-footage-still.png",
      "uploading",
    );
    const stopRecording = recordProgressValues(row);
    await waitFor(
      () => {
        const now = Number(
          row
            .querySelector('[role="progressbar"]')
            ?.getAttribute("aria-valuenow"),
        );
        expect(now).toBeGreaterThanOrEqual(3);
      },
      { timeout: 3000 },
    );
    const values = stopRecording();
    const between = values.filter((value) => value > 0 && value < 100);
    await expect(between.length).toBeGreaterThanOrEqual(2);
    await expect(getDropzoneRoot(canvasElement).dataset.state).toBe(
      "uploading",
    );
  },
};

/**
 * Two decodable PNGs show thumbnails. The PDF and an iPhone HEIC photo (no
 * browser type, so matched by extension; Chromium cannot decode it) show a
 * file icon. The play function records every `aria-valuenow` of the PDF's
 * bar during its upload. UploadThing reports the multipart body's bytes, so
 * its last event exceeds 100 % of the file size and must be clamped.
 */
export const CompleteWithPreviews: Story = {
  args: { endpoint: "mixedUploader" },
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 1_000_000,
      progressIntervalMs: 40,
    },
  },
  async play({ canvasElement, args }) {
    await waitForRestrictions(
      canvasElement,
      "Images up to 4MB, at most 10; PDFs up to 8MB, at most 10; text files up to 1MB, at most 10",
    );
    const images = await Promise.all([
      createImageFile("sunrise.png", 30),
      createImageFile("lagoon.png", 190),
    ]);
    const pdf = createFile("itinerary.pdf", {
      type: "application/pdf",
      size: 400_000,
    });
    const heic = createFile("IMG_0001.HEIC", { type: "", size: 30_000 });
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [...images, pdf, heic]);

    const pdfRow = await waitForFileRow(canvasElement, "itinerary.pdf");
    const stopRecording = recordProgressValues(pdfRow);
    await waitForFileState(canvasElement, "itinerary.pdf", "complete");
    const values = stopRecording();

    // Progress never goes backwards, never exceeds 100 and ends at 100.
    for (let index = 1; index < values.length; index += 1) {
      await expect(values[index]).toBeGreaterThanOrEqual(values[index - 1]!);
    }
    await expect(Math.max(...values)).toBeLessThanOrEqual(100);
    await expect(values.at(-1)).toBe(100);
    await expect(values.length).toBeGreaterThanOrEqual(5);

    await waitForFileState(canvasElement, "sunrise.png", "complete");
    await waitForFileState(canvasElement, "lagoon.png", "complete");
    const previews = canvasElement.querySelectorAll(
      '[data-slot="dropzone-file-preview"]',
    );
    await expect(previews).toHaveLength(2);
    await expect(
      pdfRow.querySelector('[data-slot="dropzone-file-icon"]'),
    ).not.toBeNull();
    const heicRow = await waitForFileState(
      canvasElement,
      "IMG_0001.HEIC",
      "complete",
    );
    await waitFor(() =>
      expect(
        heicRow.querySelector('[data-slot="dropzone-file-icon"]'),
      ).not.toBeNull(),
    );
    await waitFor(() => expect(args.onBatchComplete).toHaveBeenCalledTimes(1));
    await expect(args.onFileComplete).toHaveBeenCalledTimes(4);
    await expect(stopAnnouncements()).toContain("itinerary.pdf uploaded");
  },
};

/**
 * The route handler rejects the presign request with 403 and a message;
 * UploadThing's client puts the body in `error.cause`, and the row shows it.
 */
export const ServerErrorWithRetry: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      presignError: {
        status: 403,
        message: "Storage quota reached: 2 GB of 2 GB used",
      },
    },
  },
  async play({ canvasElement, args }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [
      createFile("invoice-scan.png", { type: "image/png", size: 60_000 }),
    ]);
    const row = await waitForFileState(
      canvasElement,
      "invoice-scan.png",
      "error",
    );
    await expect(getRowReason(row)).toBe(
      "Storage quota reached: 2 GB of 2 GB used",
    );
    await expect(
      row.querySelector('[data-slot="dropzone-file-retry"]'),
    ).not.toBeNull();
    await expect(args.onUploadError).toHaveBeenCalledTimes(1);
    await expect(stopAnnouncements()).toEqual([
      "invoice-scan.png failed: Storage quota reached: 2 GB of 2 GB used",
    ]);
  },
};

/** The ingest server stops receiving bytes; after 2 s the row fails. */
export const Stalled: Story = {
  args: { stallTimeout: 2000 },
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 400_000,
      ingestOutcome: () => "stall",
    },
  },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [
      createFile("timelapse.png", { type: "image/png", size: 500_000 }),
    ]);
    await waitForFileState(canvasElement, "timelapse.png", "uploading");
    const row = await waitForFileState(
      canvasElement,
      "timelapse.png",
      "error",
      6000,
    );
    await expect(getRowReason(row)).toBe(
      "timelapse.png made no progress for 2 s; retry to start again",
    );
    await expect(stopAnnouncements()).toEqual([
      "timelapse.png failed: timelapse.png made no progress for 2 s; retry to start again",
    ]);
    // The Dropzone aborted the stalled request instead of leaving it open.
    await expect(getUploadRequestLog().ingestUploads).toEqual([
      { name: "timelapse.png", attempt: 1, outcome: "canceled" },
    ]);
  },
};

/** Uploads canceled mid-transfer keep their row, with Retry. */
export const Canceled: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      bytesPerSecond: 100_000,
    },
  },
  async play({ canvasElement, userEvent }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await dropFiles(getDropArea(canvasElement), [
      createFile("panorama.png", { type: "image/png", size: 2_000_000 }),
    ]);
    // Cancels mid-transfer: once the ingest server has read some bytes.
    const uploading = await waitForFileState(
      canvasElement,
      "panorama.png",
      "uploading",
    );
    await waitFor(() =>
      expect(
        Number(
          uploading
            .querySelector('[role="progressbar"]')
            ?.getAttribute("aria-valuenow"),
        ),
      ).toBeGreaterThan(0),
    );
    const cancel = uploading.querySelector<HTMLButtonElement>(
      '[data-slot="dropzone-file-cancel"]',
    );
    await expect(cancel?.getAttribute("aria-label")).toBe(
      "Cancel panorama.png",
    );
    await userEvent.click(cancel!);
    const row = await waitForFileState(
      canvasElement,
      "panorama.png",
      "canceled",
    );
    await expect(
      row.querySelector('[data-slot="dropzone-file-retry"]'),
    ).not.toBeNull();
    await waitFor(() =>
      expect(getUploadRequestLog().ingestUploads[0]?.outcome).toBe("canceled"),
    );
  },
};

/**
 * A photo uploads first. Then a second drop breaks every rule with a 10 MB
 * photo, a program, a Markdown file the browser gives no type, and the same
 * photo again. Every file of that drop is rejected, so it starts no upload.
 */
export const RejectedFilesWithReasons: Story = {
  async play({ canvasElement, args }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    const area = getDropArea(canvasElement);
    const photo = createFile("cat.png", { type: "image/png", size: 90_000 });
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(area, [photo]);
    await waitForFileState(canvasElement, "cat.png", "complete");
    await expect(getUploadRequestLog().presignRequests).toHaveLength(1);

    await dropFiles(area, [
      createFile("huge-photo.jpg", { type: "image/jpeg", size: 10_485_760 }),
      createFile("setup.exe", { type: "application/x-msdownload" }),
      createFile("notes.md", { type: "" }),
      photo,
    ]);
    const expected = {
      "huge-photo.jpg": "huge-photo.jpg is 10 MB; the limit is 4 MB",
      "setup.exe": "setup.exe is not an allowed file type; allowed: images",
      "notes.md": "notes.md is not an allowed file type; allowed: images",
    };
    for (const [name, reason] of Object.entries(expected)) {
      const row = await waitForFileState(canvasElement, name, "rejected");
      await expect(getRowReason(row)).toBe(reason);
    }
    const duplicate = await waitFor(() => {
      const row = getFileRows(canvasElement).find(
        (candidate) =>
          candidate.dataset.state === "rejected" &&
          candidate.textContent?.includes("cat.png"),
      );
      if (!row) throw new Error("No rejected duplicate row yet.");
      return row;
    });
    await expect(getRowReason(duplicate)).toBe(
      "cat.png is already in the list",
    );

    await expect(args.onReject).toHaveBeenCalledTimes(1);
    const rejections = mocked(args.onReject!).mock.calls[0]![0];
    await expect(
      rejections.map((rejection: { code: string }) => rejection.code),
    ).toEqual([
      "file-too-large",
      "file-invalid-type",
      "file-invalid-type",
      "duplicate-file",
    ]);
    await expect(getUploadRequestLog().presignRequests).toHaveLength(1);
    await expect(stopAnnouncements()).toEqual([
      "cat.png uploaded",
      [
        "huge-photo.jpg is 10 MB; the limit is 4 MB",
        "setup.exe is not an allowed file type; allowed: images",
        "notes.md is not an allowed file type; allowed: images",
        "cat.png is already in the list",
      ].join(". "),
    ]);
  },
};

/** A route of at most 3 images: a second drop fills it, the rest is refused. */
export const CountLimit: Story = {
  args: { endpoint: "threeImages", mode: "manual" },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 3");
    const area = getDropArea(canvasElement);
    await dropFiles(area, [
      createFile("one.png", { type: "image/png" }),
      createFile("two.png", { type: "image/png" }),
    ]);
    await waitForFileState(canvasElement, "two.png", "queued");
    await dropFiles(area, [
      createFile("three.png", { type: "image/png" }),
      createFile("four.png", { type: "image/png" }),
    ]);
    await waitForFileState(canvasElement, "three.png", "queued");
    const rejected = await waitForFileState(
      canvasElement,
      "four.png",
      "rejected",
    );
    await expect(getRowReason(rejected)).toBe(
      "four.png was not added: the limit is 3 files",
    );
  },
};

/** Files wait until the Upload button is pressed, then upload together. */
export const ManualMode: Story = {
  args: { mode: "manual" },
  async play({ canvasElement, args, userEvent }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [
      createFile("left.png", { type: "image/png", size: 50_000 }),
      createFile("right.png", { type: "image/png", size: 50_000 }),
    ]);
    const upload = await waitFor(() => {
      const button = canvasElement.querySelector<HTMLButtonElement>(
        '[data-slot="dropzone-upload"]',
      );
      if (!button) throw new Error("No Upload button yet.");
      return button;
    });
    await expect(upload.textContent).toBe("Upload 2 files");
    await expect(getUploadRequestLog().presignRequests).toHaveLength(0);
    await userEvent.click(upload);
    await waitForFileState(canvasElement, "left.png", "complete");
    await waitForFileState(canvasElement, "right.png", "complete");
    await waitFor(() => expect(args.onBatchComplete).toHaveBeenCalledTimes(1));
    // Both uploads finish close together; each one is still announced.
    await expect(stopAnnouncements().sort()).toEqual([
      "left.png uploaded",
      "right.png uploaded",
    ]);
  },
};

/** Disabled with a reason: drops, clicks and pastes add nothing. */
export const Disabled: Story = {
  args: {
    disabled: true,
    disabledMessage: "Uploads are paused during maintenance",
  },
  async play({ canvasElement }) {
    const area = getDropArea(canvasElement);
    await expect(getDropzoneRoot(canvasElement).dataset.state).toBe("disabled");
    await expect(area.getAttribute("aria-disabled")).toBe("true");
    await expect(area.textContent).toContain(
      "Uploads are paused during maintenance",
    );
    await dropFiles(area, [createFile("blocked.png", { type: "image/png" })]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(getFileRows(canvasElement)).toHaveLength(0);
  },
};
