import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

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
    ],
  },
});
