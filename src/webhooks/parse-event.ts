import { WebhookPayloadError } from "./errors";
import type { UnknownClerkWebhookEvent } from "./events";

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses verified body bytes as a JSON object with a string `type`. The
 * bytes are the ones that were signed, so nothing is re-serialised.
 */
export function parseEvent(body: Uint8Array): UnknownClerkWebhookEvent {
  let text: string;
  try {
    text = utf8Decoder.decode(body);
  } catch (cause) {
    throw new WebhookPayloadError("Webhook body is not valid UTF-8.", {
      cause,
    });
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new WebhookPayloadError(
      body.length === 0
        ? "Webhook body is empty, but it must be a JSON event object."
        : "Webhook body is not valid JSON.",
      { cause },
    );
  }

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WebhookPayloadError(
      `Webhook body must be a JSON object, but it is ${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}.`,
    );
  }
  const event = value as Record<string, unknown>;
  if (typeof event.type !== "string") {
    throw new WebhookPayloadError(
      "Webhook body has no string `type`, so it is not a Clerk event.",
    );
  }
  return event as UnknownClerkWebhookEvent;
}
