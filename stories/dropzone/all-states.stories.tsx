import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, waitFor } from "storybook/test";
import { Dropzone } from "../../src";
import {
  getDropArea,
  getDropzoneRoot,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile } from "../support/files";
import { dragFilesOver, dropFiles } from "../support/interactions";
import type { IngestOutcome, UploadNetworkScenario } from "../support/network";
import { defaultRouterConfig } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

const RESTRICTIONS = "Images up to 4MB, at most 10";

/** Outcome of each named upload of this story at the ingest server. */
const OUTCOMES: Record<string, IngestOutcome> = {
  "failed.png": "fail",
  "stopped.png": "stall",
  "in-flight.png": "stall",
  "uploading.png": "stall",
};

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="text-muted-foreground text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Every root state and every row state side by side, for visual review of
 * a change in one place, in light and in dark mode.
 */
const meta = {
  title: "Dropzone/All states",
  tags: ["!autodocs"],
  parameters: {
    layout: "fullscreen",
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      ingestOutcome: ({ name }) => OUTCOMES[name] ?? "complete",
    } satisfies UploadNetworkScenario,
  },
  render: () => (
    <div className="grid grid-cols-1 gap-6 p-6 md:grid-cols-2 xl:grid-cols-3">
      <Panel title="Idle">
        <Dropzone endpoint="imageUploader" />
      </Panel>
      <Panel title="Drag accept">
        <Dropzone endpoint="imageUploader" />
      </Panel>
      <Panel title="Drag reject">
        <Dropzone endpoint="imageUploader" />
      </Panel>
      <Panel title="Uploading">
        <Dropzone endpoint="imageUploader" stallTimeout={0} />
      </Panel>
      <Panel title="Disabled">
        <Dropzone
          endpoint="imageUploader"
          disabled
          disabledMessage="Sign in to upload files."
        />
      </Panel>
      <Panel title="Every row state">
        <Dropzone endpoint="imageUploader" concurrency={1} stallTimeout={0} />
      </Panel>
    </div>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function panel(container: Element, title: string): HTMLElement {
  const section = container.querySelector<HTMLElement>(
    `section[aria-label="${title}"]`,
  );
  if (!section) throw new Error(`No panel titled ${title}.`);
  return section;
}

async function dropAndWait(
  section: HTMLElement,
  file: File,
  state: string,
): Promise<HTMLElement> {
  await dropFiles(getDropArea(section), [file]);
  return waitForFileState(section, file.name, state);
}

function image(name: string): File {
  return createFile(name, { type: "image/png", size: 200_000 });
}

async function playAllStates(canvasElement: HTMLElement) {
  for (const section of canvasElement.querySelectorAll("section")) {
    if (section.getAttribute("aria-label") === "Disabled") continue;
    await waitForRestrictions(section, RESTRICTIONS);
  }

  dragFilesOver(getDropArea(panel(canvasElement, "Drag accept")), [
    image("photo.png"),
  ]);
  dragFilesOver(getDropArea(panel(canvasElement, "Drag reject")), [
    createFile("setup.exe", { type: "application/x-msdownload" }),
  ]);
  await dropAndWait(
    panel(canvasElement, "Uploading"),
    image("uploading.png"),
    "uploading",
  );

  // One upload at a time, so a stalled upload keeps the next file queued.
  const rows = panel(canvasElement, "Every row state");
  await dropAndWait(rows, image("done.png"), "complete");
  await dropAndWait(rows, image("failed.png"), "error");
  const stopped = await dropAndWait(rows, image("stopped.png"), "uploading");
  stopped
    .querySelector<HTMLButtonElement>('[data-slot="dropzone-file-cancel"]')
    ?.click();
  await waitForFileState(rows, "stopped.png", "canceled");
  await dropAndWait(rows, image("in-flight.png"), "uploading");
  await dropAndWait(rows, image("waiting.png"), "queued");
  await dropAndWait(
    rows,
    createFile("virus.exe", { type: "application/x-msdownload" }),
    "rejected",
  );

  const expectedRootStates = {
    Idle: "idle",
    "Drag accept": "drag-accept",
    "Drag reject": "drag-reject",
    Uploading: "uploading",
    Disabled: "disabled",
    "Every row state": "uploading",
  };
  for (const [title, state] of Object.entries(expectedRootStates)) {
    await waitFor(() =>
      expect(getDropzoneRoot(panel(canvasElement, title)).dataset.state).toBe(
        state,
      ),
    );
  }
}

/** Light mode. */
export const Light: Story = {
  async play({ canvasElement }) {
    await playAllStates(canvasElement);
  },
};

/** Dark mode. */
export const Dark: Story = {
  globals: { theme: "dark" },
  async play({ canvasElement }) {
    await playAllStates(canvasElement);
  },
};
