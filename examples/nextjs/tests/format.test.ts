import { describe, expect, it } from "vitest";
import { formatTime } from "../lib/format";

describe("formatTime", () => {
  it("formats epoch milliseconds", () => {
    expect(formatTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe(
      "2026-01-02 03:04:05 UTC",
    );
  });

  it("year past 9999 keeps seconds", () => {
    expect(formatTime(Date.UTC(10000, 0, 2, 3, 4, 5))).toBe(
      "+010000-01-02 03:04:05 UTC",
    );
  });

  it("text value is invalid", () => {
    expect(formatTime("yesterday")).toBe("invalid");
  });

  it("null is invalid", () => {
    expect(formatTime(null)).toBe("invalid");
  });

  it("fraction is invalid", () => {
    expect(formatTime(1.5)).toBe("invalid");
  });

  it("time past Date range is invalid", () => {
    expect(formatTime(8.64e15 + 1)).toBe("invalid");
  });
});
