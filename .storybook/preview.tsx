import type { Preview } from "@storybook/react-vite";
import {
  applyUploadNetworkScenario,
  startUploadNetwork,
  type UploadNetworkScenario,
} from "../stories/support/network";
import { loadDeferredModule } from "../src/dropzone/deferred-loader";
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
    // A page loads the Dropzone's deferred chunk once, when the first
    // Dropzone mounts. The stories show the states after that, so a drag
    // in a play function right after the render is judged by its types.
    await loadDeferredModule();
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
