import tailwindcss from "@tailwindcss/vite";
import type { StorybookConfig } from "@storybook/react-vite";

export default {
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: [
    "@storybook/addon-docs",
    "@storybook/addon-a11y",
    "@storybook/addon-vitest",
  ],
  framework: { name: "@storybook/react-vite", options: {} },
  // The MSW worker script must sit at the site root so that its scope covers
  // iframe.html, in `storybook dev`, the static build and the Vitest runner.
  staticDirs: ["./public"],
  core: { disableTelemetry: true },
  typescript: {
    // react-docgen-typescript follows prop types across modules, so the docs
    // pages list every Dropzone prop with its JSDoc, not only local ones.
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Keeps the tables to dropsync's own props; inherited DOM attributes
      // from @types/react would bury them.
      propFilter: (prop) =>
        !prop.parent || !prop.parent.fileName.includes("node_modules"),
    },
  },
  async viteFinal(config) {
    config.plugins = [...(config.plugins ?? []), tailwindcss()];
    // Pre-bundles the dependencies the stories reach only through src/, so
    // Vite does not discover them mid-run and reload the test page.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        "@clerk/react",
        "@radix-ui/react-progress",
        "@uploadthing/mime-types",
        "@uploadthing/react",
        "clsx",
        "tailwind-merge",
        "msw",
        "msw/browser",
        "uploadthing/client",
      ],
    };
    return config;
  },
} satisfies StorybookConfig;
