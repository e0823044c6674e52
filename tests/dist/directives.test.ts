import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientEntries, distDir } from "./helpers";

describe("client build output", () => {
  for (const stem of clientEntries) {
    for (const extension of ["js", "cjs"]) {
      const file = `${stem}.${extension}`;

      it(`${file} starts with the "use client" directive`, () => {
        const source = readFileSync(join(distDir, file), "utf8");
        const firstLine = source.split("\n", 1)[0];

        expect(firstLine).toBe('"use client";');
      });
    }
  }
});
