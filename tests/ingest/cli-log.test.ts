import { describe, expect, it } from "vitest";

import { createIngestLogger } from "../../src/testing/ingest/cli-log";
import type { IngestEvent } from "../../src/testing/ingest";

const rejected: IngestEvent = {
  type: "request-rejected",
  method: "PUT",
  path: "/abc",
  key: "abc",
  status: 403,
  code: "FORBIDDEN",
  message: "Invalid signature",
};

function capture(clock: { now: number }) {
  const lines: string[] = [];
  const logger = createIngestLogger(
    {
      info: (line) => lines.push(`out ${line}`),
      error: (line) => lines.push(`err ${line}`),
    },
    () => clock.now,
  );
  return { lines, logger };
}

describe("createIngestLogger", () => {
  it("counts repeated error lines", () => {
    const clock = { now: 0 };
    const { lines, logger } = capture(clock);

    for (let attempt = 0; attempt < 4; attempt += 1) {
      clock.now += 1_000;
      logger.log(rejected);
    }
    logger.flush();

    expect(lines).toEqual([
      "err [ingest] rejected PUT /abc with 403 FORBIDDEN: Invalid signature",
      "err [ingest] (the previous line repeated 3 more times)",
    ]);
  });

  it("prints repeat after quiet window", () => {
    const clock = { now: 0 };
    const { lines, logger } = capture(clock);

    logger.log(rejected);
    clock.now += 10_000;
    logger.log(rejected);

    expect(lines).toHaveLength(2);
  });

  it("skips progress events", () => {
    const { lines, logger } = capture({ now: 0 });

    logger.log({ type: "transfer-progress", key: "k", received: 1, size: 2 });

    expect(lines).toEqual([]);
  });
});
