import { encodeBase64 } from "./base64";
import type { HmacSignerFactory } from "./hmac";

const encoder = new TextEncoder();

/**
 * Creates HMAC-SHA256 signers with Web Crypto (`crypto.subtle`), available in
 * Node 20, browsers, edge functions and workers. The key is imported once, on
 * first use.
 */
export const webCryptoHmac: HmacSignerFactory = (key) => {
  let cryptoKey: Promise<CryptoKey> | undefined;

  return async (prefix, body) => {
    cryptoKey ??= crypto.subtle.importKey(
      "raw",
      key,
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const prefixBytes = encoder.encode(prefix);
    const message = new Uint8Array(prefixBytes.length + body.length);
    message.set(prefixBytes);
    message.set(body, prefixBytes.length);

    const signature = await crypto.subtle.sign(
      "HMAC",
      await cryptoKey,
      message,
    );
    return encodeBase64(new Uint8Array(signature));
  };
};
