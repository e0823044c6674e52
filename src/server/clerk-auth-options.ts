import type { ClerkAuthOptions } from "./clerk-auth";
import { parseOrigin } from "./cors-origins";
import { describeValue } from "./describe-value";

const optionNames: readonly (keyof ClerkAuthOptions)[] = [
  "jwtKey",
  "secretKey",
  "apiUrl",
  "authorizedParties",
  "audience",
  "clockSkewInMs",
  "allowPendingSessions",
];

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

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every((entry) => typeof entry === "string" && entry !== "")
  );
}

// Clerk compares `azp` with each party as a string, so "https://a.com/"
// would never match the origin "https://a.com" that browsers put in `azp`.
// @clerk/backend 3.25.0 also calls `authorizedParties.includes(azp)`,
// which on a single string would match any substring, so only a list is
// accepted.
function normalizeParties(parties: unknown): string[] | undefined {
  if (parties === undefined) return undefined;
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
      throw new TypeError(
        `clerkAuth: unknown option ${name}. The options are ${optionNames.join(", ")}.`,
      );
    }
  }

  checkString("jwtKey", record.jwtKey);
  checkString("secretKey", record.secretKey);
  checkString("apiUrl", record.apiUrl);

  const audience = record.audience;
  const validAudience =
    audience === undefined ||
    (typeof audience === "string" && audience !== "") ||
    isStringList(audience);
  if (!validAudience) {
    throw invalidOption("audience", "a string or a list of strings", audience);
  }

  const clockSkew = record.clockSkewInMs;
  const validClockSkew =
    clockSkew === undefined ||
    (typeof clockSkew === "number" &&
      Number.isFinite(clockSkew) &&
      clockSkew >= 0);
  if (!validClockSkew) {
    throw invalidOption(
      "clockSkewInMs",
      "a number of milliseconds of at least 0",
      clockSkew,
    );
  }

  const allowPending = record.allowPendingSessions;
  if (allowPending !== undefined && typeof allowPending !== "boolean") {
    throw invalidOption("allowPendingSessions", "true or false", allowPending);
  }

  return {
    ...(record as ClerkAuthOptions),
    authorizedParties: normalizeParties(record.authorizedParties),
  };
}
