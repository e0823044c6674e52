import { describe, expect, it } from "vitest";
import { cn } from "../../src/lib/cn";

describe("cn", () => {
  it("lets a later Tailwind utility override an earlier one", () => {
    expect(cn("px-2 py-1", "px-4")).toBe("py-1 px-4");
  });

  it("drops falsy values", () => {
    expect(cn("a", false, undefined, null, "b")).toBe("a b");
  });
});
