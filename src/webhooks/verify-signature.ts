import { constantTimeEqual } from "./crypto/constant-time";
import type { HmacSigner } from "./crypto/hmac";
import { WebhookSignatureError } from "./errors";
import type { SvixHeaders } from "./svix-headers";

/**
 * Checks that a `v1` signature of the headers matches the HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` under any of the signers (one per secret).
 * Throws {@link WebhookSignatureError} otherwise.
 */
export async function verifySignature(
  signers: readonly HmacSigner[],
  headers: SvixHeaders,
  body: Uint8Array,
): Promise<void> {
  const prefix = `${headers.id}.${headers.timestamp}.`;

  for (const sign of signers) {
    const expected = await sign(prefix, body);
    // Every comparison runs, so the time does not reveal which one matched.
    let matched = false;
    for (const signature of headers.signatures) {
      matched = constantTimeEqual(expected, signature) || matched;
    }
    if (matched) return;
  }

  throw new WebhookSignatureError(
    signers.length === 1
      ? "No signature in svix-signature matches the signing secret: check that the secret belongs to this endpoint, and that nothing changed the body before the handler read it."
      : `No signature in svix-signature matches any of the ${signers.length} signing secrets: check that one of them belongs to this endpoint, and that nothing changed the body before the handler read it.`,
  );
}
