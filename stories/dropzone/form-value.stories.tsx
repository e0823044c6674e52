import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor } from "storybook/test";
import type { ClientUploadedFileData } from "uploadthing/types";
import { Dropzone } from "../../src";
import {
  findFileRow,
  getDropArea,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile } from "../support/files";
import { dropFiles } from "../support/interactions";
import { narrowColumn } from "../support/narrow-column";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

type UploadedFile = ClientUploadedFileData<unknown>;

/** A file uploaded in an earlier visit, as a form would load it. */
const savedAvatar: UploadedFile = {
  name: "saved-avatar.png",
  size: 52_000,
  type: "image/png",
  key: "saved-avatar-key",
  lastModified: Date.UTC(2026, 0, 2),
  url: "/__uploadthing-files/saved-avatar-key",
  appUrl: "/__uploadthing-files/saved-avatar-key",
  ufsUrl: "/__uploadthing-files/saved-avatar-key",
  customId: null,
  fileHash: "saved-avatar-key",
  serverData: null,
};

function ProfileForm() {
  const [value, setValue] = useState<UploadedFile[]>([savedAvatar]);
  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => e.preventDefault()}>
      <Dropzone
        endpoint="imageUploader"
        value={value}
        onValueChange={setValue}
      />
      <output data-testid="form-value" className="text-sm">
        {value.map((file) => file.name).join(", ") || "No files"}
      </output>
    </form>
  );
}

/** `value` and `onValueChange` keep a form field in step with the rows. */
const meta = {
  title: "Dropzone/Form value",
  tags: ["!autodocs"],
  decorators: [narrowColumn],
  parameters: { uploadNetwork: { routerConfig: defaultRouterConfig } },
  render: () => <ProfileForm />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A saved upload shows as a completed row. A new upload joins the value,
 * and removing the saved row takes it out.
 */
export const ControlledValue: Story = {
  async play({ canvasElement, userEvent }) {
    const output = canvasElement.querySelector('[data-testid="form-value"]')!;
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await waitForFileState(canvasElement, "saved-avatar.png", "complete");
    await expect(output.textContent).toBe("saved-avatar.png");

    await dropFiles(getDropArea(canvasElement), [
      createFile("new-avatar.png", { type: "image/png", size: 30_000 }),
    ]);
    await waitForFileState(canvasElement, "new-avatar.png", "complete");
    await waitFor(() =>
      expect(output.textContent).toBe("saved-avatar.png, new-avatar.png"),
    );

    const saved = findFileRow(canvasElement, "saved-avatar.png")!;
    await userEvent.click(
      saved.querySelector('[data-slot="dropzone-file-remove"]')!,
    );
    await waitFor(() => expect(output.textContent).toBe("new-avatar.png"));
    await expect(findFileRow(canvasElement, "saved-avatar.png")).toBe(
      undefined,
    );
  },
};
