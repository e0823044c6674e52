/**
 * Computes base64(HMAC-SHA256(key, prefix + body)). The prefix is
 * `${id}.${timestamp}.` encoded as UTF-8. A signer may be synchronous.
 */
export type HmacSigner = (
  prefix: string,
  body: Uint8Array,
) => string | Promise<string>;

/** Creates a signer for one decoded secret key. */
export type HmacSignerFactory = (key: Uint8Array<ArrayBuffer>) => HmacSigner;
