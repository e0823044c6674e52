import { useLayoutEffect, type ReactNode } from "react";
import type { Decorator } from "@storybook/react-vite";

/** Colour scheme of the canvas: the `theme` global of the toolbar. */
export type Theme = "light" | "dark";

/** Toolbar entry that switches every story between light and dark mode. */
export const themeGlobalType = {
  theme: {
    description: "Colour scheme of the components",
    toolbar: {
      title: "Theme",
      icon: "mirror",
      items: [
        { value: "light", title: "Light", icon: "sun" },
        { value: "dark", title: "Dark", icon: "moon" },
      ],
      dynamicTitle: true,
    },
  },
};

function ThemeRoot({ theme, children }: { theme: Theme; children: ReactNode }) {
  // shadcn's dark mode is a `.dark` class on an ancestor; the root element
  // also carries `color-scheme` so that scrollbars and inputs follow.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.toggle("dark", theme === "dark");
    root.style.colorScheme = theme;
  }, [theme]);
  return children;
}

/** Applies the `theme` global, so a story can pin `globals: { theme }`. */
export const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === "dark" ? "dark" : "light";
  return (
    <ThemeRoot theme={theme}>
      <Story />
    </ThemeRoot>
  );
};
