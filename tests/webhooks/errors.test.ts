import { EdgeVM } from "@edge-runtime/vm";
import { describe, expect, it } from "vitest";
import * as webhooks from "../../src/webhooks/index";
import { bundleWebhooksEntry } from "./bundle";

const {
  WebhookCallbackError,
  WebhookError,
  WebhookSignatureError,
  WebhookTimestampError,
  isWebhookCallbackError,
  isWebhookError,
  isWebhookSignatureError,
  isWebhookTimestampError,
} = webhooks;

/** Every error class with its guard, code and status. */
const classes = [
  ["WebhookMethodNotAllowedError", "method_not_allowed", 405, ["PUT"]],
  ["WebhookMissingHeaderError", "missing_header", 400, ["svix-id"]],
  ["WebhookInvalidHeaderError", "invalid_header", 400, ["svix-timestamp", "x"]],
  ["WebhookTimestampError", "timestamp_out_of_tolerance", 400, [1, 400, 300]],
  ["WebhookSignatureError", "signature_mismatch", 400, ["x"]],
  ["WebhookPayloadError", "invalid_payload", 400, ["x"]],
  ["WebhookBodyTooLargeError", "body_too_large", 413, [10, "stream"]],
  ["WebhookBodyReadError", "body_read_failed", 400, [{ cause: 1 }]],
  ["WebhookBodyConsumedError", "body_consumed", 500, ["x"]],
  ["WebhookSecretMissingError", "secret_missing", 500, []],
  ["WebhookInvalidSecretError", "invalid_secret", 500, ["x"]],
  [
    "WebhookIdempotencyStoreError",
    "idempotency_store_failed",
    500,
    ["msg_1", "claim", { cause: 1 }],
  ],
  [
    "WebhookCallbackError",
    "callback_failed",
    500,
    ["a", "msg_1", { cause: 1 }],
  ],
] as const;

type ErrorClass = new (...args: unknown[]) => webhooks.WebhookError;
type Guard = (error: unknown) => boolean;

describe("webhook error classes", () => {
  for (const [name, code, status, args] of classes) {
    it(`${name} has code and status`, () => {
      const Class = webhooks[name] as unknown as ErrorClass;
      const error = new Class(...args);
      const guard = webhooks[`is${name}` as keyof typeof webhooks] as Guard;

      expect(error).toBeInstanceOf(WebhookError);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(guard(error)).toBe(true);
      expect(isWebhookError(error)).toBe(true);
    });
  }

  it("guard rejects a different class", () => {
    expect(
      isWebhookSignatureError(new WebhookTimestampError(1, 400, 300)),
    ).toBe(false);
  });

  it("guard rejects a look-alike object", () => {
    const lookAlike = {
      name: "WebhookSignatureError",
      code: "signature_mismatch",
    };

    expect(isWebhookSignatureError(lookAlike)).toBe(false);
  });

  it("callback error keeps its cause", () => {
    const cause = new Error("database is locked");
    const error = new WebhookCallbackError("user.created", "msg_1", { cause });

    expect(error.cause).toBe(cause);
    expect(isWebhookCallbackError(error)).toBe(true);
  });

  it("stale timestamp error message", () => {
    const error = new WebhookTimestampError(1000, 1400, 300);

    expect(error.message).toBe(
      "Webhook timestamp 1000 is too old: it is 400 s from the server clock 1400, and the tolerance is 300 s. Check the server clock if this repeats.",
    );
  });

  it("millisecond timestamp gets a hint", () => {
    const error = new WebhookTimestampError(
      1_767_225_600_000,
      1_767_225_600,
      300,
    );

    expect(error.message).toContain(
      "It looks like milliseconds: svix-timestamp must be in seconds.",
    );
  });

  it("guards recognise another realm's errors", async () => {
    const vm = new EdgeVM();
    vm.evaluate((await bundleWebhooksEntry()).code);
    const foreign = vm.evaluate(
      'new dropsyncWebhooks.WebhookSignatureError("from the VM")',
    );

    expect(foreign instanceof WebhookSignatureError).toBe(false);
    expect(isWebhookError(foreign)).toBe(true);
    expect(isWebhookSignatureError(foreign)).toBe(true);
    expect(isWebhookTimestampError(foreign)).toBe(false);
  });
});
