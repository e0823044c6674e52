import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Dropzone } from "../../src";
import { defaultSignedOutMessage } from "../../src/clerk";
import { callbackArgs, dropzoneArgTypes } from "../support/dropzone-args";
import {
  getDropArea,
  getDropzoneRoot,
  getFileRows,
  getRowReason,
  recordAnnouncements,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile, createImageFile } from "../support/files";
import { dropFiles } from "../support/interactions";
import { messagesDe } from "../support/messages-de";
import { narrowColumn } from "../support/narrow-column";
import {
  getUploadRequestLog,
  type UploadNetworkScenario,
} from "../support/network";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

/** Theme, language and sign-in variants of the same Dropzone. */
const meta = {
  title: "Dropzone/Appearance",
  component: Dropzone,
  tags: ["!autodocs"],
  args: { endpoint: "imageUploader", ...callbackArgs() },
  argTypes: dropzoneArgTypes,
  decorators: [narrowColumn],
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      ingestOutcome: ({ name }) =>
        name === "broken.png" ? "fail" : "complete",
    } satisfies UploadNetworkScenario,
  },
} satisfies Meta<typeof Dropzone>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dark mode: shadcn's `.dark` class on the root element. */
export const DarkMode: Story = {
  globals: { theme: "dark" },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Images up to 4MB, at most 10");
    await expect(document.documentElement.classList.contains("dark")).toBe(
      true,
    );
    await dropFiles(getDropArea(canvasElement), [
      await createImageFile("night-sky.png", 250),
      createFile("broken.png", { type: "image/png", size: 40_000 }),
      createFile("huge.png", { type: "image/png", size: 8_388_608 }),
    ]);
    await waitForFileState(canvasElement, "night-sky.png", "complete");
    await waitForFileState(canvasElement, "broken.png", "error");
    await waitForFileState(canvasElement, "huge.png", "rejected");
  },
};

/** Every message replaced through `messages`: the Dropzone in German. */
export const ReplacedLabels: Story = {
  args: { messages: messagesDe },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Bilder bis 4MB, höchstens 10");
    await expect(getDropArea(canvasElement).textContent).toContain(
      "Dateien hierher ziehen oder klicken, um sie auszuwählen",
    );

    const stopAnnouncements = recordAnnouncements(canvasElement);
    await dropFiles(getDropArea(canvasElement), [
      createFile("urlaub.png", { type: "image/png", size: 60_000 }),
      createFile("riesig.png", { type: "image/png", size: 5_767_168 }),
      createFile("setup.exe", { type: "application/x-msdownload" }),
    ]);

    const wrongType = await waitForFileState(
      canvasElement,
      "setup.exe",
      "rejected",
    );
    await expect(getRowReason(wrongType)).toBe(
      "setup.exe hat einen nicht erlaubten Dateityp (exe); erlaubt: Bilder",
    );

    const rejected = await waitForFileState(
      canvasElement,
      "riesig.png",
      "rejected",
    );
    await expect(getRowReason(rejected)).toBe(
      "riesig.png ist 5,5 MB groß; erlaubt sind 4 MB",
    );

    const complete = await waitForFileState(
      canvasElement,
      "urlaub.png",
      "complete",
    );
    await expect(
      complete.querySelector('[data-slot="dropzone-file-status"]')?.textContent,
    ).toBe("Hochgeladen");
    await expect(
      complete
        .querySelector('[role="progressbar"]')
        ?.getAttribute("aria-label"),
    ).toBe("Fortschritt von urlaub.png");

    await expect(stopAnnouncements()).toEqual([
      "riesig.png ist 5,5 MB groß; erlaubt sind 4 MB. setup.exe hat einen nicht erlaubten Dateityp (exe); erlaubt: Bilder",
      "urlaub.png hochgeladen",
    ]);
  },
};

/**
 * Signed out of Clerk: the props `useClerkUploadAuth()` from
 * `dropsync/clerk` returns when no user is signed in. The hook itself needs
 * `<ClerkProvider>`, which loads Clerk's script from Clerk's servers, so the
 * story passes the same props directly.
 */
export const SignedOut: Story = {
  args: {
    disabled: true,
    disabledMessage: defaultSignedOutMessage,
    headers: async () => ({}),
  },
  async play({ canvasElement }) {
    const area = getDropArea(canvasElement);
    await expect(getDropzoneRoot(canvasElement).dataset.state).toBe("disabled");
    await expect(area.textContent).toContain("Sign in to upload files.");
    await dropFiles(area, [createFile("selfie.png", { type: "image/png" })]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(getFileRows(canvasElement)).toHaveLength(0);
    await expect(getUploadRequestLog().presignRequests).toHaveLength(0);
  },
};
