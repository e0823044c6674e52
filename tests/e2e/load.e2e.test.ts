import { generateWebhookSecret } from "../../src/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runUserLoad,
  type UserLoadReport,
} from "../../examples/nextjs/scripts/load-users.mjs";
import { startExampleApp, type ExampleApp } from "./support/app-server";

const secret = generateWebhookSecret();
let app: ExampleApp;
let report: UserLoadReport;

beforeAll(async () => {
  app = await startExampleApp({
    ALLOW_LOCAL_MODE_IN_PRODUCTION: "true",
    CLERK_WEBHOOK_SIGNING_SECRET: secret,
  });
  report = await runUserLoad({
    url: `${app.url}/api/webhooks/clerk`,
    secret,
    databasePath: app.databasePath,
    users: 500,
    events: 5000,
    concurrency: 20,
  });
  console.log(
    `user load: ${report.events} events in ${report.deliveries} deliveries, ` +
      `${report.eventsPerSecond.toFixed(0)} events/s ` +
      `(${report.deliveriesPerSecond.toFixed(0)} deliveries/s), seed ${report.seed}`,
  );
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

describe("user sync under load", () => {
  it("sends all 5000 events", () => {
    expect(report.events).toBe(5000);
  });

  it("delivers each event 1 to 3 times", () => {
    expect(report.deliveries).toBeGreaterThanOrEqual(5000);
    expect(report.deliveries).toBeLessThanOrEqual(15000);
  });

  it("responds to no request with 5xx", () => {
    expect(report.serverErrors).toBe(0);
  });

  it("responds to every delivery with 200", () => {
    expect(report.failures).toEqual([]);
  });

  it("database equals final state", () => {
    expect(report.differences).toEqual([]);
  });
});
