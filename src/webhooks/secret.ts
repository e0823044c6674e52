import { decodeBase64Strict } from "./crypto/base64";

const secretPrefix = "whsec_";

/** The Standard Webhooks minimum key size, in bytes. */
export const minSecretBytes = 24;

/** The environment variable read when the `secret` option is undefined. */
export const secretEnvironmentVariable = "CLERK_WEBHOOK_SIGNING_SECRET";

/**
 * Decodes one signing secret (`whsec_` prefix optional) to key bytes, or
 * returns the reason it is invalid. The reason names `source` and never
 * contains the secret itself.
 */
export function decodeSecret(
  value: unknown,
  source: string,
): Uint8Array<ArrayBuffer> | string {
  if (typeof value !== "string") {
    return `${source} must be a string, but it is ${value === null ? "null" : typeof value}.`;
  }
  const trimmed = value.trim();
  if (trimmed === "") {
    return `${source} is empty: use the Signing Secret of the endpoint in the Clerk Dashboard (whsec_…).`;
  }
  if (trimmed.startsWith("v1,")) {
    return `${source} starts with "v1,", so it is a signature (a svix-signature header value), not a secret: use the Signing Secret of the endpoint in the Clerk Dashboard (whsec_…).`;
  }

  const encoded = trimmed.startsWith(secretPrefix)
    ? trimmed.slice(secretPrefix.length)
    : trimmed;
  if (/^["'`]|["'`]$/.test(encoded)) {
    return `${source} is wrapped in quotes: remove them (a .env loader may keep quotes that a shell would strip).`;
  }
  const key = decodeBase64Strict(encoded);
  if (key === undefined) {
    return `${source} is not valid base64 after the optional whsec_ prefix: copy the whole Signing Secret from the Clerk Dashboard.`;
  }
  if (key.length < minSecretBytes) {
    return `${source} decodes to ${key.length} bytes, but a signing secret must have at least ${minSecretBytes}: copy the whole Signing Secret from the Clerk Dashboard.`;
  }
  return key;
}

/**
 * Decodes the `secret` option of `createClerkWebhookHandler`: one secret or
 * several during rotation. Throws a `TypeError` naming the option.
 */
export function decodeSecretOption(
  secret: string | readonly string[],
): Uint8Array<ArrayBuffer>[] {
  const values: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  if (values.length === 0) {
    throw new TypeError(
      "secret is an empty array: pass at least one signing secret (whsec_…), or leave secret undefined to read CLERK_WEBHOOK_SIGNING_SECRET.",
    );
  }

  return values.map((value, index) => {
    const source = Array.isArray(secret) ? `secret[${index}]` : "secret";
    const key = decodeSecret(value, source);
    if (typeof key === "string") throw new TypeError(key);
    return key;
  });
}

/**
 * Reads CLERK_WEBHOOK_SIGNING_SECRET through `globalThis.process`, which edge
 * runtimes and workers may not define. Returns `undefined` when unset.
 */
export function readSecretFromEnvironment(): string | undefined {
  const environment = (
    globalThis as { process?: { env?: Record<string, string | undefined> } }
  ).process?.env;
  const value = environment?.[secretEnvironmentVariable];
  return value === undefined || value.trim() === "" ? undefined : value;
}
