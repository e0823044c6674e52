import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createClerkWebhookHandler,
  type ClerkWebhookHandlerOptions,
  type WebhookDelivery,
} from "../../src/webhooks/index";
import {
  buildClerkEvent,
  buildClerkOrganizationMembership,
  buildClerkSession,
  createSignedWebhookRequest,
} from "../../src/testing/webhooks/index";
import {
  nowMs,
  nowSeconds,
  secret,
  signedRequest,
  userCreatedBody,
} from "./support";

function creationError(options: ClerkWebhookHandlerOptions): string {
  try {
    createClerkWebhookHandler({ secret, ...options });
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

describe("handler option validation", () => {
  it("unknown event type in on throws", () => {
    const message = creationError({
      on: { "user.create": () => {} } as never,
    });

    expect(message).toMatch(
      /^on\["user.create"\] is not a Clerk webhook event type/,
    );
  });

  it("non-function callback throws", () => {
    expect(creationError({ on: { "user.created": "yes" as never } })).toBe(
      'on["user.created"] must be a function, but it is string.',
    );
  });

  it("negative tolerance throws", () => {
    expect(creationError({ tolerance: -1 })).toBe(
      "tolerance must be a finite number of at least 0, but it is -1.",
    );
  });

  it("zero maxBodyBytes throws", () => {
    expect(creationError({ maxBodyBytes: 0 })).toBe(
      "maxBodyBytes must be a finite number of at least 1, but it is 0.",
    );
  });
});

describe("callback arguments", () => {
  it("event is the envelope as sent", async () => {
    const events: unknown[] = [];
    const deliveries: WebhookDelivery[] = [];
    const handler = createClerkWebhookHandler({
      secret,
      now: () => nowMs,
      on: {
        "session.created": (event, delivery) => {
          events.push(event);
          deliveries.push(delivery);
        },
      },
    });
    const body = JSON.stringify(
      buildClerkEvent("session.created", buildClerkSession()),
    );
    await handler(signedRequest(body, { id: "msg_session" }));

    expect(events).toEqual([JSON.parse(body)]);
    expect(deliveries).toEqual([
      { id: "msg_session", timestamp: nowSeconds * 1000 },
    ]);
  });

  it("membership delete reaches its callback", async () => {
    const roles: string[] = [];
    const handler = createClerkWebhookHandler({
      secret,
      on: {
        "organizationMembership.deleted": (event) =>
          void roles.push(event.data.role),
      },
    });
    const event = buildClerkEvent(
      "organizationMembership.deleted",
      buildClerkOrganizationMembership({ role: "org:admin" }),
    );
    const response = await handler(
      createSignedWebhookRequest(event, { secret, headerPrefix: "webhook" }),
    );

    expect(response.status).toBe(200);
    expect(roles).toEqual(["org:admin"]);
  });
});

describe("handler logging", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("logger.warn receives rejections", async () => {
    const warnings: [string, Record<string, unknown>][] = [];
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handler = createClerkWebhookHandler({
      secret,
      now: () => nowMs,
      logger: {
        warn: (message, fields) => void warnings.push([message, fields]),
      },
    });
    await handler(signedRequest(userCreatedBody(), { signature: "v1,AAAA" }));

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[1]).toEqual({
      code: "signature_mismatch",
      status: 400,
      deliveryId: undefined,
      eventType: undefined,
    });
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it("rejection without hooks goes to console.warn", async () => {
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handler = createClerkWebhookHandler({ secret, now: () => nowMs });
    await handler(signedRequest(userCreatedBody(), { signature: "v1,AAAA" }));

    expect(consoleWarn).toHaveBeenCalledTimes(1);
  });

  it("throwing onError is logged", async () => {
    const consoleError = vi
      .spyOn(console, "error")
      .mockImplementation(() => {});
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handler = createClerkWebhookHandler({
      secret,
      now: () => nowMs,
      onError: () => {
        throw new Error("alerting is down");
      },
    });
    const response = await handler(
      signedRequest(userCreatedBody(), { signature: "v1,AAAA" }),
    );

    expect(response.status).toBe(400);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toBe(
      "dropsync/webhooks: onError threw",
    );
    // The rejection itself reached no hook, so it is logged too.
    expect(consoleWarn).toHaveBeenCalledTimes(1);
  });
});
