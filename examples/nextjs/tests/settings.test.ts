import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_WEBHOOK_SIGNING_SECRET } from "../lib/defaults.js";
import { loadSettings } from "../lib/settings";

const publishableKey = `pk_test_${btoa("clerk.example.com$")}`;
const clerkKeys = {
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey,
  CLERK_SECRET_KEY: "sk_test_abc",
};
const productionReady = {
  NODE_ENV: "production",
  ...clerkKeys,
  UPLOADTHING_TOKEN: "token",
  CLERK_WEBHOOK_SIGNING_SECRET: "whsec_c2VjcmV0",
};

describe("loadSettings", () => {
  it("defaults to local mode", () => {
    const settings = loadSettings({});

    expect(settings.auth).toEqual({ mode: "local" });
    expect(settings.webhookSigningSecret).toBe(LOCAL_WEBHOOK_SIGNING_SECRET);
    expect(settings.databasePath).toBe(path.resolve(".data/app.db"));
  });

  it("defaults uploads to the emulator", () => {
    const { uploads } = loadSettings({ INGEST_PORT: "4700" });

    expect(uploads.target).toBe("emulator");
    expect(uploads).toHaveProperty("ingestUrl", "http://127.0.0.1:4700");
  });

  it("emulator token matches the emulator's", () => {
    const { uploads } = loadSettings({});

    expect(JSON.parse(atob(uploads.token))).toEqual({
      apiKey: "sk_local_dropsync_ingest_emulator",
      appId: "dropsync-local",
      regions: ["local"],
    });
  });

  it("both Clerk keys select Clerk", () => {
    expect(loadSettings(clerkKeys).auth).toEqual({
      mode: "clerk",
      publishableKey,
      secretKey: "sk_test_abc",
    });
  });

  it("one Clerk key is an error", () => {
    expect(() =>
      loadSettings({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey }),
    ).toThrow("CLERK_SECRET_KEY is missing.");
  });

  it("malformed publishable key is an error", () => {
    expect(() =>
      loadSettings({ ...clerkKeys, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_x" }),
    ).toThrow(
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is not a Clerk publishable key",
    );
  });

  it("malformed secret key is an error", () => {
    expect(() =>
      loadSettings({ ...clerkKeys, CLERK_SECRET_KEY: "secret" }),
    ).toThrow("CLERK_SECRET_KEY is not a Clerk secret key");
  });

  it("production rejects local mode", () => {
    const { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: _, ...noKeys } = productionReady;

    expect(() => loadSettings({ ...noKeys, CLERK_SECRET_KEY: "" })).toThrow(
      "Local mode (no Clerk keys) cannot run with NODE_ENV=production",
    );
  });

  it("production rejects the emulator", () => {
    expect(() =>
      loadSettings({ ...productionReady, UPLOADTHING_TOKEN: "" }),
    ).toThrow("UPLOADTHING_TOKEN is missing");
  });

  it("production rejects the local secret", () => {
    expect(() =>
      loadSettings({ ...productionReady, CLERK_WEBHOOK_SIGNING_SECRET: "" }),
    ).toThrow("CLERK_WEBHOOK_SIGNING_SECRET is missing");
  });

  it("production accepts real settings", () => {
    expect(loadSettings(productionReady).uploads).toEqual({
      target: "uploadthing",
      token: "token",
    });
  });

  it("override allows local mode in production", () => {
    const settings = loadSettings({
      NODE_ENV: "production",
      ALLOW_LOCAL_MODE_IN_PRODUCTION: "true",
    });

    expect(settings.auth.mode).toBe("local");
  });

  it("non-base64 secret is an error", () => {
    expect(() =>
      loadSettings({ CLERK_WEBHOOK_SIGNING_SECRET: "whsec_not base64!" }),
    ).toThrow(
      "CLERK_WEBHOOK_SIGNING_SECRET is not a Svix signing secret: expected whsec_ followed by base64.",
    );
  });

  it("secret without whsec_ is accepted", () => {
    expect(
      loadSettings({ CLERK_WEBHOOK_SIGNING_SECRET: "c2VjcmV0" })
        .webhookSigningSecret,
    ).toBe("c2VjcmV0");
  });

  it("absolute file URL is used as is", () => {
    expect(
      loadSettings({ DATABASE_URL: "file:///var/lib/app/app.db" }).databasePath,
    ).toBe("/var/lib/app/app.db");
  });

  it("non-file DATABASE_URL is an error", () => {
    expect(() =>
      loadSettings({ DATABASE_URL: "postgres://localhost/app" }),
    ).toThrow(
      'DATABASE_URL must be a SQLite file URL such as "file:.data/app.db" or "file:///var/lib/app/app.db"; got "postgres://localhost/app".',
    );
  });

  it("invalid INGEST_PORT is an error", () => {
    expect(() => loadSettings({ INGEST_PORT: "http" })).toThrow(
      'INGEST_PORT must be a port number such as 4599; got "http".',
    );
  });
});
