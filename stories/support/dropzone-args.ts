import type { ArgTypes } from "@storybook/react-vite";
import { fn } from "storybook/test";

/** Spies for every Dropzone callback, shown in the Actions panel. */
export function callbackArgs() {
  return {
    onReject: fn(),
    onFileComplete: fn(),
    onBatchComplete: fn(),
    onUploadError: fn(),
    onValueChange: fn(),
  };
}

/** Controls for the props whose docgen type alone gives no good control. */
export const dropzoneArgTypes: Partial<ArgTypes> = {
  endpoint: {
    control: "select",
    options: ["imageUploader", "mixedUploader", "bulkUploader", "threeImages"],
  },
  mode: { control: "inline-radio", options: ["auto", "manual"] },
  stallTimeout: { control: { type: "number", min: 0, step: 500 } },
  concurrency: { control: { type: "number", min: 1, max: 10 } },
  disabled: { control: "boolean" },
  disabledMessage: { control: "text" },
  url: { control: "text" },
  headers: { control: "object" },
  input: { control: "object" },
  routeConfig: { control: "object" },
  messages: { control: "object" },
  value: { control: "object" },
};
