import type { ClerkAuthOptions } from "./clerk-auth";
import { parseOrigin } from "./cors-origins";
import { describeValue } from "./describe-value";

const optionNames: readonly (keyof ClerkAuthOptions)[] = [
  "jwtKey",
  "secretKey",
  "apiUrl",
  "apiVersion",
  "authorizedParties",
  "audience",
  "issuer",
  "clockSkewInMs",
  "skipJwksCache",
  "jwksCacheTtlInMs",
  "allowPendingSessions",
];

// verifyToken options of @clerk/backend 3.25.0 that clerkAuth leaves out,
// with the reason.
const unsupportedOptions: Record<string, string> = {
  headerType:
    "clerkAuth verifies session tokens, whose typ header is always JWT",
};

function unknownOption(name: string): TypeError {
  const reason = unsupportedOptions[name];
  const problem = reason
    ? `the ${name} option is not supported, because ${reason}`
    : `unknown option ${name}`;
  return new TypeError(
    `clerkAuth: ${problem}. The options are ${optionNames.join(", ")}.`,
  );
}

function invalidOption(name: string, expected: string, value: unknown) {
  return new TypeError(
    `clerkAuth: the ${name} option must be ${expected}, not ${describeValue(value)}.`,
  );
}

function checkString(name: string, value: unknown) {
  if (value === undefined) return;
  if (typeof value !== "string" || value === "") {
    throw invalidOption(name, "a non-empty string", value);
  }
}

function checkBoolean(name: string, value: unknown) {
  if (value !== undefined && typeof value !== "boolean") {
    throw invalidOption(name, "true or false", value);
  }
}

function checkMilliseconds(name: string, value: unknown) {
  const valid =
    value === undefined ||
    (typeof value === "number" && Number.isFinite(value) && value >= 0);
  if (!valid) {
    throw invalidOption(name, "a number of milliseconds of at least 0", value);
  }
}

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every((entry) => typeof entry === "string" && entry !== "")
  );
}

// @clerk/backend 3.25.0 skips the azp, aud and iss checks when their list is
// empty, so an empty list would accept every token instead of none.
function rejectEmptyList(name: string, claim: string, fix: string) {
  return new TypeError(
    `clerkAuth: the ${name} option is an empty list, and @clerk/backend skips the ${claim} check for an empty list, so every token would pass that check. List ${fix}, or leave the option out.`,
  );
}

function checkClaimList(
  name: string,
  claim: string,
  fix: string,
  value: unknown,
) {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) {
    throw rejectEmptyList(name, claim, fix);
  }
  const valid =
    (typeof value === "string" && value !== "") || isStringList(value);
  if (!valid) {
    throw invalidOption(name, "a string or a list of strings", value);
  }
}

// Clerk compares `azp` with each party as a string, so "https://a.com/"
// would never match the origin "https://a.com" that browsers put in `azp`.
// @clerk/backend 3.25.0 also calls `authorizedParties.includes(azp)`,
// which on a single string would match any substring, so only a list is
// accepted.
function normalizeParties(parties: unknown): string[] | undefined {
  if (parties === undefined) return undefined;
  if (Array.isArray(parties) && parties.length === 0) {
    throw rejectEmptyList(
      "authorizedParties",
      "azp",
      `your app's origins, such as ["https://example.com"]`,
    );
  }
  if (!isStringList(parties)) {
    throw invalidOption(
      "authorizedParties",
      'a list of origins, such as ["https://example.com"]',
      parties,
    );
  }

  return parties.map((party) => {
    const parsed = parseOrigin(party);
    if ("reason" in parsed) {
      throw new TypeError(
        `clerkAuth: invalid authorizedParties entry ${describeValue(party)}: ${parsed.reason} Write an origin as scheme://host[:port], such as "https://example.com".`,
      );
    }
    return parsed.origin;
  });
}

/** `clerkAuth` options after their checks, with normalized origins. */
export interface CheckedClerkAuthOptions extends ClerkAuthOptions {
  authorizedParties?: string[];
}

/**
 * Checks every `clerkAuth` option, so that a mistake in plain JavaScript
 * fails at startup and not at the first upload.
 *
 * @throws TypeError naming the option and the expected type.
 */
export function checkClerkAuthOptions(
  options: unknown,
): CheckedClerkAuthOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `clerkAuth: options must be an object such as { authorizedParties: ["https://example.com"] }, not ${describeValue(options)}.`,
    );
  }

  const record = options as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (!optionNames.includes(name as keyof ClerkAuthOptions)) {
      throw unknownOption(name);
    }
  }

  checkString("jwtKey", record.jwtKey);
  checkString("secretKey", record.secretKey);
  checkString("apiUrl", record.apiUrl);
  checkString("apiVersion", record.apiVersion);
  checkClaimList(
    "audience",
    "aud",
    'the accepted audiences, such as ["api"]',
    record.audience,
  );
  checkClaimList(
    "issuer",
    "iss",
    'the accepted issuers, such as ["https://clerk.example.com"]',
    record.issuer,
  );
  checkMilliseconds("clockSkewInMs", record.clockSkewInMs);
  checkMilliseconds("jwksCacheTtlInMs", record.jwksCacheTtlInMs);
  checkBoolean("skipJwksCache", record.skipJwksCache);
  checkBoolean("allowPendingSessions", record.allowPendingSessions);

  return {
    ...(record as ClerkAuthOptions),
    authorizedParties: normalizeParties(record.authorizedParties),
  };
}
