import { randomBytes } from "node:crypto";

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Creates a random id shaped like Clerk's: a prefix, `_` and 27 base62 characters. */
export function clerkId(prefix: string): string {
  const bytes = randomBytes(27);
  let suffix = "";
  for (const byte of bytes) suffix += base62[byte % 62];
  return `${prefix}_${suffix}`;
}
