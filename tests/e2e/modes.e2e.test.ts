import { tmpdir } from "node:os";
import { generateWebhookSecret } from "../../src/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanEnv,
  startExampleApp,
  type ExampleApp,
} from "./support/app-server";
import { queryDatabase } from "./support/database";
import { appDir, nextBin } from "./support/paths";
import { freePort, spawnGroup } from "./support/processes";
import { clerkUser, sendUserEvent } from "./support/webhooks";

describe("local mode in production", () => {
  it("next start exits with the reason", async () => {
    const port = await freePort();
    const server = spawnGroup(
      process.execPath,
      [nextBin, "start", "-H", "localhost", "-p", String(port)],
      {
        cwd: appDir,
        env: {
          ...cleanEnv(),
          DATABASE_URL: `file:${tmpdir()}/dropsync-e2e-unused.db`,
        },
      },
    );
    const timer = setTimeout(() => void server.stop(), 60_000);
    const exitCode = await server.exited;
    clearTimeout(timer);
    await server.stop();

    expect(exitCode).toBe(1);
    expect(server.output()).toContain(
      "The dropsync example cannot start: Local mode (no Clerk keys) cannot run with NODE_ENV=production",
    );
  }, 90_000);
});

// Well-formed keys of a Clerk instance that does not exist: Clerk's
// middleware runs and treats every request as signed out, without network.
// Port 9 (discard) has no listener, so a request to it gets no response.
const frontendApi = Buffer.from("127.0.0.1:9$").toString("base64");
const secret = generateWebhookSecret();
let app: ExampleApp;

describe("Clerk mode with keys set", () => {
  beforeAll(async () => {
    app = await startExampleApp({
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${frontendApi}`,
      CLERK_SECRET_KEY: "sk_test_e2e",
      CLERK_WEBHOOK_SIGNING_SECRET: secret,
      ALLOW_LOCAL_MODE_IN_PRODUCTION: "true",
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("home page has no local banner", async () => {
    const response = await fetch(app.url);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("x-clerk-auth-status")).toBe("signed-out");
    expect(html).not.toContain('data-testid="local-mode-banner"');
  });

  it("dropzones wait for sign-in", async () => {
    const html = await (await fetch(app.url)).text();
    const states = [
      ...html.matchAll(/data-slot="dropzone" data-state="(\w+)"/g),
    ];

    expect(states.map((match) => match[1])).toEqual([
      "disabled",
      "disabled",
      "disabled",
    ]);
  });

  it("webhook route stays public", async () => {
    const user = clerkUser({
      first: "Clerk",
      last: "Mode",
      email: "clerk.mode@example.com",
    });
    const response = await sendUserEvent(
      `${app.url}/api/webhooks/clerk`,
      secret,
      "user.created",
      user,
    );

    expect(response.status).toBe(200);
    const rows = queryDatabase<{ email: string }>(
      app.databasePath,
      "SELECT email FROM users WHERE id = ?",
      user.id,
    );
    expect(rows).toEqual([{ email: "clerk.mode@example.com" }]);
  });

  it("users page redirects to sign-in", async () => {
    const response = await fetch(`${app.url}/users`, { redirect: "manual" });

    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      `https://127.0.0.1:9/sign-in?redirect_url=${encodeURIComponent(`${app.url}/users`)}`,
    );
    expect(await response.text()).not.toContain("clerk.mode@example.com");
  });

  it("anonymous upload gets 403", async () => {
    const response = await fetch(
      `${app.url}/api/uploadthing?actionType=upload&slug=avatar`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-uploadthing-package": "e2e",
          "x-uploadthing-version": "7.7.4",
        },
        body: JSON.stringify({
          files: [
            { name: "a.png", size: 100, type: "image/png", lastModified: 0 },
          ],
          input: null,
        }),
      },
    );

    expect(response.status).toBe(403);
  });
});
