import { describeValue } from "./describe-value";

/** Origins allowed by `withUploadCors`, after normalization. */
export type AllowedOrigins = ReadonlySet<string> | "*";

/**
 * Converts an origin to the form browsers send in the `Origin` header and
 * in Clerk's `azp` claim: lower-case scheme and host, no default port, no
 * trailing slash. Returns the reason instead when the value is not an
 * origin, because such a value could never match.
 */
export function parseOrigin(
  value: unknown,
): { origin: string } | { reason: string } {
  if (typeof value !== "string")
    return { reason: "an origin must be a string." };
  if (!/^[a-z][a-z\d+.-]*:\/\/[^/]/i.test(value)) {
    return { reason: "it has no scheme, such as https://." };
  }

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { reason: "it is not a valid URL." };
  }
  if (url.username || url.password) {
    return { reason: "an origin has no user name or password." };
  }
  const hasPath = url.pathname !== "" && url.pathname !== "/";
  if (hasPath || url.search || url.hash || value.endsWith("?")) {
    return { reason: "an origin has no path, query or fragment." };
  }

  // URL lower-cases the host of http(s) URLs but not of other schemes, such
  // as capacitor://localhost, and browsers send both in lower case.
  return { origin: `${url.protocol}//${url.host.toLowerCase()}` };
}

function normalizeOrigin(entry: unknown): string {
  if (entry === "*") {
    throw invalidOrigin(
      entry,
      'to allow any origin, pass origins: "*" instead of a list.',
    );
  }
  const parsed = parseOrigin(entry);
  if ("reason" in parsed) throw invalidOrigin(entry, parsed.reason);

  return parsed.origin;
}

function invalidOrigin(entry: unknown, reason: string): TypeError {
  return new TypeError(
    `withUploadCors: invalid origin ${describeValue(entry)}: ${reason} Write an origin as scheme://host[:port], such as "https://app.example.com".`,
  );
}

/**
 * Checks and normalizes the `origins` option of `withUploadCors`.
 *
 * @throws TypeError naming the entry when an entry is not an origin, or
 *   when the list is empty.
 */
export function normalizeOrigins(origins: unknown): AllowedOrigins {
  if (origins === "*") return "*";
  if (!Array.isArray(origins)) {
    throw new TypeError(
      `withUploadCors: origins must be a list of origins or "*", not ${describeValue(origins)}. Pass origins: ["https://app.example.com"].`,
    );
  }
  if (origins.length === 0) {
    throw new TypeError(
      'withUploadCors: origins is empty, so no page could upload. List the origins of the pages that upload, such as ["https://app.example.com"], or pass "*".',
    );
  }

  return new Set(origins.map(normalizeOrigin));
}
