import { spawnSync } from "node:child_process";
import path from "node:path";
import {
  buildClerkEvent,
  buildClerkUser,
  createSignedWebhookRequest,
  generateWebhookSecret,
} from "../../src/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleApp, type ExampleApp } from "./support/app-server";
import { launchChromium } from "./support/browser";
import { queryDatabase } from "./support/database";
import { appDir } from "./support/paths";
import { clerkUser, sendUserDeleted, sendUserEvent } from "./support/webhooks";

interface UserRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  deleted_at: number | null;
}

const secret = generateWebhookSecret();
let app: ExampleApp;
let browser: Browser;
let page: Page;
let endpoint: string;

beforeAll(async () => {
  app = await startExampleApp({
    ALLOW_LOCAL_MODE_IN_PRODUCTION: "true",
    CLERK_WEBHOOK_SIGNING_SECRET: secret,
  });
  endpoint = `${app.url}/api/webhooks/clerk`;
  browser = await launchChromium();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function readUser(id: string): UserRow | undefined {
  return queryDatabase<UserRow>(
    app.databasePath,
    "SELECT * FROM users WHERE id = ?",
    id,
  )[0];
}

/** Opens /users and returns the row of `id`. */
async function userRow(id: string) {
  await page.goto(`${app.url}/users`);
  return page.locator(`[data-testid="user-row"][data-user-id="${id}"]`);
}

describe("users page through signed webhooks", () => {
  const ada = clerkUser({
    first: "Ada",
    last: "Lovelace",
    email: "ada@example.com",
  });

  it("user.created adds an active row", async () => {
    const response = await sendUserEvent(endpoint, secret, "user.created", ada);
    expect(response.status).toBe(200);

    const row = await userRow(ada.id);
    await expect.poll(() => row.getAttribute("data-state")).toBe("active");
    expect(await row.locator('[data-field="name"]').textContent()).toBe(
      "Ada Lovelace",
    );
    expect(await row.locator('[data-field="email"]').textContent()).toBe(
      "ada@example.com",
    );
  });

  it("user.updated changes the row", async () => {
    const updated = clerkUser(
      { first: "Augusta", last: "King", email: "augusta@example.com" },
      ada,
    );
    const response = await sendUserEvent(
      endpoint,
      secret,
      "user.updated",
      updated,
    );
    expect(response.status).toBe(200);

    const row = await userRow(ada.id);
    expect(await row.locator('[data-field="name"]').textContent()).toBe(
      "Augusta King",
    );
    expect(await row.locator('[data-field="email"]').textContent()).toBe(
      "augusta@example.com",
    );
  });

  it("bad signature changes nothing", async () => {
    const forged = clerkUser(
      { first: "Mallory", last: "Forger", email: "mallory@example.com" },
      ada,
    );
    const before = readUser(ada.id);
    const response = await sendUserEvent(
      endpoint,
      generateWebhookSecret(),
      "user.updated",
      forged,
    );

    expect(response.status).toBe(400);
    expect(readUser(ada.id)).toEqual(before);
    const row = await userRow(ada.id);
    expect(await row.locator('[data-field="name"]').textContent()).toBe(
      "Augusta King",
    );
  });

  it("stale update changes nothing", async () => {
    const stale = clerkUser(
      { first: "Old", last: "Name", email: "old@example.com" },
      ada,
    );
    stale.updated_at = ada.updated_at - 5_000;
    const before = readUser(ada.id);
    const response = await sendUserEvent(
      endpoint,
      secret,
      "user.updated",
      stale,
    );

    expect(response.status).toBe(200);
    expect(readUser(ada.id)).toEqual(before);
  });

  it("user.deleted marks the row deleted", async () => {
    const response = await sendUserDeleted(endpoint, secret, ada.id);
    expect(response.status).toBe(200);

    const row = await userRow(ada.id);
    expect(await row.getAttribute("data-state")).toBe("deleted");
    const stored = readUser(ada.id);
    expect(stored?.email).toBeNull();
    expect(stored?.deleted_at).toBeTypeOf("number");
  });

  it("webhook:send script adds a user", () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(appDir, "scripts/webhook-send.mjs"),
        "user.created",
        "--id",
        "user_e2escript",
        "--first-name",
        "Grace",
        "--last-name",
        "Hopper",
        "--url",
        endpoint,
      ],
      {
        cwd: appDir,
        env: { ...process.env, CLERK_WEBHOOK_SIGNING_SECRET: secret },
        encoding: "utf8",
        timeout: 30_000,
      },
    );

    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readUser("user_e2escript")?.first_name).toBe("Grace");
    expect(readUser("user_e2escript")?.email).toBe("grace.hopper@example.com");
  });
});

describe("phone-only user", () => {
  it("row shows the user id", async () => {
    const user = buildClerkUser({
      first_name: null,
      last_name: null,
      email_addresses: [],
      primary_email_address_id: null,
    });
    const event = buildClerkEvent("user.created", user, {
      timestamp: user.updated_at,
    });
    const response = await fetch(
      createSignedWebhookRequest(event, { secret, url: endpoint }),
    );
    expect(response.status).toBe(200);

    const row = await userRow(user.id);
    await expect.poll(() => row.getAttribute("data-state")).toBe("active");
    expect(await row.locator('[data-field="id"]').textContent()).toBe(user.id);
    expect(await row.locator('[data-field="email"]').textContent()).toBe("—");
  });
});

describe("webhook route methods", () => {
  for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
    it(`${method} gets 405 with Allow`, async () => {
      const response = await fetch(endpoint, { method });
      const body = (await response.json()) as { error: { code: string } };

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(body.error.code).toBe("method_not_allowed");
    });
  }
});

describe("invalid user payloads", () => {
  it("text updated_at gets 400", async () => {
    const user = { ...buildClerkUser(), updated_at: "yesterday" };
    const event = buildClerkEvent("user.created", user as never);
    const response = await fetch(
      createSignedWebhookRequest(event, { secret, url: endpoint }),
    );
    const body = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(400);
    expect(body.error.code).toBe("invalid_payload");
    expect(readUser(user.id)).toBeUndefined();
  });

  it("deleted stub without id gets 400", async () => {
    const before = queryDatabase<{ count: number }>(
      app.databasePath,
      "SELECT COUNT(*) AS count FROM users",
    )[0];
    const event = buildClerkEvent("user.deleted", {
      object: "user",
      deleted: true,
    } as never);
    const response = await fetch(
      createSignedWebhookRequest(event, { secret, url: endpoint }),
    );
    const after = queryDatabase<{ count: number }>(
      app.databasePath,
      "SELECT COUNT(*) AS count FROM users",
    )[0];

    expect(response.status).toBe(400);
    expect(after).toEqual(before);
  });

  it("users page still renders", async () => {
    const response = await page.goto(`${app.url}/users`);

    expect(response?.status()).toBe(200);
  });
});
