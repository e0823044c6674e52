import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { Dropzone } from "../../src";
import { callbackArgs, dropzoneArgTypes } from "../support/dropzone-args";
import { findFileRow, getDropArea, getFileRows } from "../support/dropzone-dom";
import { createManyFiles } from "../support/files";
import { dropFiles } from "../support/interactions";
import { narrowColumn } from "../support/narrow-column";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

const FILE_COUNT = 2000;

/** Thousands of files in one drop. */
const meta = {
  title: "Dropzone/Scale",
  component: Dropzone,
  tags: ["!autodocs"],
  args: { endpoint: "bulkUploader", mode: "manual", ...callbackArgs() },
  argTypes: dropzoneArgTypes,
  decorators: [narrowColumn],
  parameters: {
    uploadNetwork: { routerConfig: defaultRouterConfig },
  },
} satisfies Meta<typeof Dropzone>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * 2,000 files in one drop, in manual mode. The list mounts only the rows in
 * view; each row's `aria-setsize` gives the whole length.
 */
export const TwoThousandFiles: Story = {
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Files up to 64KB, at most 2000");
    await dropFiles(getDropArea(canvasElement), createManyFiles(FILE_COUNT));

    const firstRow = await waitFor(() => {
      const row = findFileRow(canvasElement, "file-0001.txt");
      if (!row) throw new Error("No first row yet.");
      return row;
    });
    await expect(firstRow.getAttribute("aria-setsize")).toBe("2000");
    await expect(getFileRows(canvasElement).length).toBeLessThan(100);
    await expect(
      canvasElement.querySelector('[data-slot="dropzone-upload"]')?.textContent,
    ).toBe("Upload 2000 files");

    const viewport = canvasElement.querySelector(
      '[data-slot="dropzone-file-viewport"]',
    );
    await expect(viewport).not.toBeNull();
    viewport!.scrollTop = viewport!.scrollHeight;
    const lastRow = await waitFor(() => {
      const row = findFileRow(canvasElement, "file-2000.txt");
      if (!row) throw new Error("No last row yet.");
      return row;
    });
    await expect(lastRow.getAttribute("aria-posinset")).toBe("2000");
  },
};
