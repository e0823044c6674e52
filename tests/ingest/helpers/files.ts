import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** Deterministic bytes, so a stored copy can be compared exactly. */
export function patternBytes(
  length: number,
  seed: number,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[index] = state % 256;
  }
  return bytes;
}

/**
 * Returns the SHA-256 hex digest of `bytes`. Tests compare digests because
 * a deep equality check of a large typed array takes seconds.
 */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Returns the SHA-256 hex digest of a stored file. */
export async function sha256OfFile(path: string): Promise<string> {
  return sha256(new Uint8Array(await readFile(path)));
}
