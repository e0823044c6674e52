import { createHmac } from "node:crypto";
import type { HmacSignerFactory } from "./hmac";

/**
 * Creates HMAC-SHA256 signers with `node:crypto`, which runs synchronously
 * and avoids the thread-pool round trip of `crypto.subtle.sign` in Node.
 */
export const nodeCryptoHmac: HmacSignerFactory = (key) => {
  return (prefix, body) =>
    createHmac("sha256", key).update(prefix).update(body).digest("base64");
};
