import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { createClerkWebhookHandler } from "../../src/webhooks/index";
import { signWebhook } from "../../src/testing/webhooks/index";

// The test vector published in the Standard Webhooks specification.
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("Standard Webhooks vector", () => {
  it("signWebhook reproduces the published signature", () => {
    const signed = signWebhook(vector.body, {
      secret: vector.secret,
      id: vector.id,
      timestamp: vector.timestamp * 1000,
    });

    expect(signed.signature).toBe(vector.signature);
  });

  it("svix reproduces the published signature", () => {
    const signature = new Webhook(vector.secret).sign(
      vector.id,
      new Date(vector.timestamp * 1000),
      vector.body,
    );

    expect(signature).toBe(vector.signature);
  });

  it("handler accepts the published signature", async () => {
    const received: unknown[] = [];
    const handler = createClerkWebhookHandler({
      secret: vector.secret,
      now: () => vector.timestamp * 1000,
      onUnhandled: (event) => {
        received.push(event);
      },
    });
    const response = await handler(
      new Request("http://localhost/", {
        method: "POST",
        headers: {
          "svix-id": vector.id,
          "svix-timestamp": String(vector.timestamp),
          "svix-signature": vector.signature,
        },
        body: vector.body,
      }),
    );

    // The vector's body has no string `type`, so it is not a Clerk event.
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_payload",
        message:
          "Webhook body has no string `type`, so it is not a Clerk event.",
      },
    });
    expect(received).toEqual([]);
  });
});
