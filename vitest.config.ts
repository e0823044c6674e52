import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

// Debian's Chromium, headless in a container: no sandbox, no GPU, and no
// background traffic to Google services. No test tool downloads a browser.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const storybookConfigDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  ".storybook",
);

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/dist/**", "tests/e2e/**", "tests/browser/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "jsdom",
          environment: "jsdom",
          include: ["tests/**/*.test.tsx"],
          exclude: ["tests/e2e/**", "tests/browser/**"],
          setupFiles: ["./tests/setup-dom.ts"],
        },
      },
      {
        // Checks on the built package; `npm run build` must run first.
        extends: true,
        test: {
          name: "dist",
          environment: "node",
          include: ["tests/dist/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        // The example app end to end: `next build` once, then `next start`,
        // the ingest emulator and headless Chromium per file, plus the
        // example's own tests. Needs the built package. Files run one at a
        // time because each starts servers.
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: [
            "tests/e2e/**/*.e2e.test.ts",
            "examples/nextjs/tests/**/*.test.ts",
          ],
          globalSetup: ["./tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Every story in stories/ as a test in headless Chromium: render,
        // play function, then axe (any violation fails the story).
        extends: true,
        plugins: [storybookTest({ configDir: storybookConfigDir })],
        test: {
          name: "storybook",
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: "chromium" }],
            provider: playwright({
              launchOptions: {
                executablePath: "/usr/bin/chromium",
                args: CHROMIUM_FLAGS,
              },
            }),
          },
        },
      },
    ],
  },
});
