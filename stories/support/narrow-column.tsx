import type { Decorator } from "@storybook/react-vite";

/** Story decorator that renders the story in a column as wide as a form. */
export const narrowColumn: Decorator = (Story) => (
  <div className="max-w-xl">
    <Story />
  </div>
);
