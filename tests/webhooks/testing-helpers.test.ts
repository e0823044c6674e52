import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import {
  createSignedWebhookRequest,
  generateWebhookSecret,
  signWebhook,
} from "../../src/testing/webhooks/index";
import { secret } from "./support";

const body = '{"type":"user.created"}';
const signedAt = Date.UTC(2026, 0, 1, 0, 0, 0, 999);

describe("signWebhook", () => {
  const signed = signWebhook(body, {
    secret,
    id: "msg_1",
    timestamp: signedAt,
  });

  it("returns id, timestamp, signature, headers", () => {
    expect(Object.keys(signed)).toEqual([
      "id",
      "timestamp",
      "signature",
      "headers",
    ]);
  });

  it("timestamp is in seconds", () => {
    expect(signed.timestamp).toBe(Math.floor(signedAt / 1000));
  });

  it("headers repeat the fields", () => {
    expect(signed.headers).toEqual({
      "svix-id": "msg_1",
      "svix-timestamp": String(Math.floor(signedAt / 1000)),
      "svix-signature": signed.signature,
    });
  });

  it("svix verifies the headers", () => {
    // svix rejects a time outside its 5 min tolerance, so sign now.
    const recent = signWebhook(body, { secret });

    expect(() =>
      new Webhook(secret).verify(body, recent.headers),
    ).not.toThrow();
  });

  it("secret without prefix signs the same", () => {
    const bare = signWebhook(body, {
      secret: secret.replace(/^whsec_/, ""),
      id: "msg_1",
      timestamp: signedAt,
    });

    expect(bare.signature).toBe(signed.signature);
  });
});

describe("createSignedWebhookRequest", () => {
  it("webhook prefix renames headers", () => {
    const request = createSignedWebhookRequest(
      { type: "user.created" },
      { secret, headerPrefix: "webhook" },
    );

    expect(request.headers.get("webhook-id")).toMatch(/^msg_/);
    expect(request.headers.get("svix-id")).toBeNull();
  });

  it("object payload is sent as JSON", async () => {
    const request = createSignedWebhookRequest(
      { type: "user.created" },
      { secret },
    );

    expect(await request.text()).toBe(body);
    expect(request.headers.get("content-type")).toBe("application/json");
  });

  it("url defaults to webhook route", () => {
    const request = createSignedWebhookRequest(body, { secret });

    expect(request.url).toBe("http://localhost/api/webhooks/clerk");
  });
});

describe("generateWebhookSecret", () => {
  it("has whsec_ and 32 bytes", () => {
    const generated = generateWebhookSecret();
    const key = Buffer.from(generated.slice("whsec_".length), "base64");

    expect(generated.startsWith("whsec_")).toBe(true);
    expect(key.length).toBe(32);
  });
});
