import { expect, waitFor } from "storybook/test";

/**
 * Waits until the restrictions line shows `text`, that is, until the route
 * config has arrived and drops are checked against it.
 */
export async function waitForRestrictions(
  container: Element,
  text: string,
  timeout = 5000,
): Promise<void> {
  await waitFor(
    () =>
      expect(
        container.querySelector('[data-slot="dropzone-restrictions"]')
          ?.textContent,
      ).toBe(text),
    { timeout },
  );
}
