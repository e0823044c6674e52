import type { Preview } from "@storybook/react-vite";
import {
  applyUploadNetworkScenario,
  startUploadNetwork,
  type UploadNetworkScenario,
} from "../stories/support/network";
import { defaultRouterConfig } from "../stories/support/routes";
import { themeGlobalType, withTheme } from "./theme";
import "./preview.css";

const preview: Preview = {
  tags: ["autodocs"],
  parameters: {
    layout: "padded",
    controls: { expanded: true, sort: "requiredFirst" },
    // Any axe violation fails the story's test, in Vitest and in the panel.
    a11y: { test: "error" },
  },
  globalTypes: themeGlobalType,
  initialGlobals: { theme: "light" },
  decorators: [withTheme],
  async beforeAll() {
    await startUploadNetwork();
  },
  beforeEach({ parameters }) {
    // `parameters.uploadNetwork`: how the emulated UploadThing servers
    // respond in this story.
    const scenario = parameters.uploadNetwork as
      UploadNetworkScenario | undefined;
    applyUploadNetworkScenario(
      scenario ?? { routerConfig: defaultRouterConfig },
    );
  },
};

export default preview;
