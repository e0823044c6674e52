import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { Dropzone } from "../../src";
import { callbackArgs, dropzoneArgTypes } from "../support/dropzone-args";
import {
  getDropArea,
  getRowReason,
  waitForFileState,
} from "../support/dropzone-dom";
import { createFile } from "../support/files";
import { dropFiles } from "../support/interactions";
import { narrowColumn } from "../support/narrow-column";
import {
  getUploadRequestLog,
  type UploadNetworkScenario,
} from "../support/network";
import { defaultRouterConfig, imageRoute } from "../support/routes";
import { waitForRestrictions } from "../support/wait-for-restrictions";

const RESTRICTIONS = "Images up to 4MB, at most 10";

/** Requests between the Dropzone and the app's UploadThing route handler. */
const meta = {
  title: "Dropzone/Route handler",
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
 * Files dropped while the route config is still loading wait as queued
 * rows, and are checked once it arrives: nothing is accepted blindly.
 */
export const DropBeforeConfigLoads: Story = {
  args: { mode: "manual" },
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      latencyMs: 1500,
    } satisfies UploadNetworkScenario,
  },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, "Loading upload limits…");
    await dropFiles(getDropArea(canvasElement), [
      createFile("early.png", { type: "image/png" }),
      createFile("early-huge.png", { type: "image/png", size: 6_291_456 }),
    ]);
    await waitForFileState(canvasElement, "early.png", "queued");
    await waitForFileState(canvasElement, "early-huge.png", "queued");

    await waitForRestrictions(canvasElement, RESTRICTIONS);
    const rejected = await waitForFileState(
      canvasElement,
      "early-huge.png",
      "rejected",
    );
    await expect(getRowReason(rejected)).toBe(
      "early-huge.png is 6 MB; the limit is 4 MB",
    );
    await expect(
      (await waitForFileState(canvasElement, "early.png", "queued")).dataset
        .state,
    ).toBe("queued");
    await expect(getUploadRequestLog().presignRequests).toHaveLength(0);
  },
};

/**
 * The route handler's GET fails once. The restrictions line shows the
 * error, and the next drop loads the config again, then uploads.
 */
export const RouteConfigFailsThenRecovers: Story = {
  parameters: {
    uploadNetwork: {
      routerConfig: defaultRouterConfig,
      routeConfigError: { status: 500, message: "Database offline", times: 1 },
    } satisfies UploadNetworkScenario,
  },
  async play({ canvasElement }) {
    await waitForRestrictions(
      canvasElement,
      "Could not load the upload limits from /api/uploadthing: GET returned 500 Internal Server Error: Database offline",
    );
    await dropFiles(getDropArea(canvasElement), [
      createFile("after-outage.png", { type: "image/png", size: 40_000 }),
    ]);
    await waitForFileState(canvasElement, "after-outage.png", "complete");
    await expect(getUploadRequestLog().routeConfigRequests).toBe(2);
  },
};

/** The `routeConfig` prop replaces the GET, as after server rendering. */
export const RouteConfigProp: Story = {
  args: { routeConfig: imageRoute },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    await dropFiles(getDropArea(canvasElement), [
      createFile("prop.png", { type: "image/png", size: 40_000 }),
    ]);
    await waitForFileState(canvasElement, "prop.png", "complete");
    await expect(getUploadRequestLog().routeConfigRequests).toBe(0);
  },
};

/**
 * `headers` (here an async function, as Clerk's token getter is) and
 * `input` reach the route handler with the presign request.
 */
export const HeadersAndInput: Story = {
  args: {
    headers: async () => ({ Authorization: "Bearer session-token" }),
    input: { albumId: "summer-2026" },
  },
  async play({ canvasElement }) {
    await waitForRestrictions(canvasElement, RESTRICTIONS);
    await dropFiles(getDropArea(canvasElement), [
      createFile("album.png", { type: "image/png", size: 40_000 }),
    ]);
    await waitForFileState(canvasElement, "album.png", "complete");
    const [presign] = getUploadRequestLog().presignRequests;
    await expect(presign?.headers.authorization).toBe("Bearer session-token");
    await expect(presign?.input).toEqual({ albumId: "summer-2026" });
    await expect(presign?.slug).toBe("imageUploader");
    await waitFor(() =>
      expect(getUploadRequestLog().ingestUploads).toEqual([
        { name: "album.png", attempt: 1, outcome: "complete" },
      ]),
    );
  },
};
