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
    return `${source} is empty: use the Signing Secret of the endpoint in the Clerk Dashboard (whsec_…). To read CLERK_WEBHOOK_SIGNING_SECRET per request instead, which lets a build run without it, leave secret undefined rather than "".`;
  }
  const misplacedValue = describeMisplacedValue(trimmed, source);
  if (misplacedValue !== undefined) return misplacedValue;

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
  if (startsWithPrefixBytes(key)) {
    return `${source} is base64 of a whsec_ secret, so it was encoded twice, as happens when a plain value is put in the data field of a Kubernetes Secret: use the decoded whsec_… value.`;
  }
  return key;
}

const secretPrefixBytes = new TextEncoder().encode(secretPrefix);

function startsWithPrefixBytes(key: Uint8Array): boolean {
  return secretPrefixBytes.every((byte, index) => key[index] === byte);
}

// Values that users paste in place of the Signing Secret, each with the
// reason it is not one. Clerk API keys start with sk_ or pk_, and Svix keys
// for asymmetric (v1a, ed25519) signatures start with whpk_.
const misplacedValues: readonly {
  pattern: RegExp;
  describe: (source: string) => string;
}[] = [
  {
    pattern: /^v1,whsec_/,
    describe: (source) =>
      `${source} starts with "v1," before the whsec_ prefix: remove "v1,", which belongs to signatures in the svix-signature header, not to secrets.`,
  },
  {
    pattern: /^v1,/,
    describe: (source) =>
      `${source} starts with "v1,", so it is a signature (a svix-signature header value), not a secret: use the Signing Secret of the endpoint in the Clerk Dashboard (whsec_…).`,
  },
  {
    pattern: /^(?:sk|pk)_(?:live|test)_/,
    describe: (source) =>
      `${source} is a Clerk API key (sk_… or pk_…), not a webhook signing secret: copy the Signing Secret (whsec_…) from the endpoint's page under Webhooks in the Clerk Dashboard.`,
  },
  {
    pattern: /^whpk_/,
    describe: (source) =>
      `${source} is a Svix asymmetric key (whpk_…) for ed25519 (v1a) signatures, which this handler does not verify: use the endpoint's symmetric Signing Secret (whsec_…).`,
  },
  {
    pattern: /^whsec_whsec_/,
    describe: (source) => `${source} has the whsec_ prefix twice: keep one.`,
  },
  {
    // Base64 padding is "=" at the end or "==", never "=" then another character.
    pattern: /^[A-Za-z_][A-Za-z0-9_]*=[^=\s]/,
    describe: (source) =>
      `${source} starts with a variable name and "=", so a whole .env line was copied: keep only the value after "=".`,
  },
];

function describeMisplacedValue(
  value: string,
  source: string,
): string | undefined {
  return misplacedValues
    .find(({ pattern }) => pattern.test(value))
    ?.describe(source);
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

// Names that Clerk's guides (SIGNING_SECRET, WEBHOOK_SECRET) and third-party
// guides (CLERK_WEBHOOK_SECRET) have given the same secret. The handler never
// reads them, but names a set one when its own variable is unset.
const otherSecretVariables = [
  "CLERK_WEBHOOK_SECRET",
  "SIGNING_SECRET",
  "WEBHOOK_SECRET",
] as const;

function readEnvironmentVariable(name: string): string | undefined {
  // Edge runtimes and workers may not define `process`.
  const environment = (
    globalThis as { process?: { env?: Record<string, string | undefined> } }
  ).process?.env;
  const value = environment?.[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** Reads CLERK_WEBHOOK_SIGNING_SECRET. Returns `undefined` when unset or blank. */
export function readSecretFromEnvironment(): string | undefined {
  return readEnvironmentVariable(secretEnvironmentVariable);
}

/**
 * Returns the name of a set variable that other guides use for the signing
 * secret, such as CLERK_WEBHOOK_SECRET, for the error when
 * CLERK_WEBHOOK_SIGNING_SECRET is unset.
 */
export function findOtherSecretVariable(): string | undefined {
  return otherSecretVariables.find(
    (name) => readEnvironmentVariable(name) !== undefined,
  );
}
