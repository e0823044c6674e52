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
    describeMismatch(signers.length, headers, body),
  );
}

// The bytes of String(object) for a plain object, which is what a Request
// built from a parsed body (`body: parsedBody`) sends.
const objectStringBytes = new TextEncoder().encode("[object Object]");

function isObjectString(body: Uint8Array): boolean {
  return (
    body.length === objectStringBytes.length &&
    body.every((byte, index) => byte === objectStringBytes[index])
  );
}

function describeMismatch(
  secretCount: number,
  headers: SvixHeaders,
  body: Uint8Array,
): string {
  const checked = headers.signatures.length;
  const secrets =
    secretCount === 1
      ? "the signing secret"
      : `any of the ${secretCount} signing secrets`;
  const summary = `No v1 signature in svix-signature (${checked} checked) of delivery ${headers.id} matches ${secrets}.`;

  if (isObjectString(body)) {
    return `${summary} The body is the text "[object Object]", so a parsed object was converted to a string: pass the original request, or its raw body bytes, to the handler.`;
  }
  if (body.length === 0) {
    return `${summary} The body is empty, so something read it before the handler or the request was rebuilt without it: pass the original request to the handler.`;
  }
  return `${summary} Check that the secret is the Signing Secret of this endpoint, because each endpoint and each Clerk instance (development or production) has its own. Then check that the handler gets the raw body: calling JSON.stringify on a parsed body, or any body parser, changes the signed bytes.`;
}
