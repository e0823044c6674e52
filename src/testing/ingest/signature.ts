import { createHmac, timingSafeEqual } from "node:crypto";

/** Prefix of every UploadThing signature value. */
const SIGNATURE_PREFIX = "hmac-sha256=";

/**
 * Signs `payload` the way UploadThing does: `hmac-sha256=` followed by the
 * hex HMAC-SHA256 of the UTF-8 payload, keyed with the API key.
 */
export function signPayload(payload: string, apiKey: string): string {
  const digest = createHmac("sha256", apiKey).update(payload).digest("hex");
  return `${SIGNATURE_PREFIX}${digest}`;
}

/** Checks a `hmac-sha256=<hex>` signature in constant time. */
export function verifyPayloadSignature(
  payload: string,
  signature: string,
  apiKey: string,
): boolean {
  if (!signature.startsWith(SIGNATURE_PREFIX)) return false;
  const expected = Buffer.from(signPayload(payload, apiKey), "utf8");
  const received = Buffer.from(signature, "utf8");
  return (
    expected.length === received.length && timingSafeEqual(expected, received)
  );
}

/** Compares two secrets in constant time. */
export function secretsEqual(received: string, expected: string): boolean {
  const receivedBytes = Buffer.from(received, "utf8");
  const expectedBytes = Buffer.from(expected, "utf8");
  return (
    receivedBytes.length === expectedBytes.length &&
    timingSafeEqual(receivedBytes, expectedBytes)
  );
}
