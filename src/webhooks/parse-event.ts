import { WebhookPayloadError } from "./errors";
import type { UnknownClerkWebhookEvent } from "./events";

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

function decodesAsUtf8(bytes: Uint8Array, stream: boolean): boolean {
  try {
    // With `stream`, a sequence cut at the end of `bytes` is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the offset of the first byte of the first invalid UTF-8 sequence
 * in `body`, or `body.length` when only a sequence cut at the end is wrong.
 */
function findInvalidUtf8Offset(body: Uint8Array): number {
  // Binary search for the longest prefix that decodes, cut sequences allowed.
  let valid = 0;
  let invalid = body.length + 1;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    if (decodesAsUtf8(body.subarray(0, middle), true)) valid = middle;
    else invalid = middle;
  }
  if (valid === body.length || decodesAsUtf8(body.subarray(0, valid), false)) {
    return valid;
  }

  // The prefix ends inside a sequence that the next byte breaks, so the
  // sequence starts at the lead byte before its continuation bytes (10xxxxxx).
  let start = valid - 1;
  while (start > 0 && (body[start]! & 0xc0) === 0x80) start--;
  return start;
}

/**
 * Parses verified body bytes as a JSON object with a string `type`. The
 * bytes are the ones that were signed, so nothing is re-serialised.
 */
export function parseEvent(body: Uint8Array): UnknownClerkWebhookEvent {
  let text: string;
  try {
    text = utf8Decoder.decode(body);
  } catch (cause) {
    const offset = findInvalidUtf8Offset(body);
    const position =
      offset < body.length
        ? `at byte ${offset} of ${body.length} (0x${body[offset]!.toString(16).padStart(2, "0")})`
        : `at its end, inside a multi-byte sequence`;
    throw new WebhookPayloadError(
      `Webhook body is not valid UTF-8: decoding fails ${position}. The signature matches, so the sender signed these bytes, but Clerk sends UTF-8 JSON: check which sender and secret produced this delivery.`,
      { cause },
    );
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
