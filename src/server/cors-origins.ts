/** Origins allowed by `withUploadCors`, after normalisation. */
export type AllowedOrigins = ReadonlySet<string> | "*";

function rejectOrigin(entry: unknown, reason: string): never {
  throw new TypeError(
    `withUploadCors: invalid origin ${JSON.stringify(entry) ?? String(entry)}: ${reason} Write an origin as scheme://host[:port], such as "https://app.example.com".`,
  );
}

/**
 * Converts an origins entry to the form browsers send in the `Origin`
 * header: lower-case scheme and host, no default port, no trailing slash.
 * Throws a TypeError for anything else, because it could never match.
 */
function normalizeOrigin(entry: unknown): string {
  if (typeof entry !== "string") {
    return rejectOrigin(entry, "an origin must be a string.");
  }
  if (entry === "*") {
    return rejectOrigin(
      entry,
      'to allow any origin, pass origins: "*" instead of a list.',
    );
  }
  if (!/^[a-z][a-z\d+.-]*:\/\/[^/]/i.test(entry)) {
    return rejectOrigin(entry, "it has no scheme, such as https://.");
  }

  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return rejectOrigin(entry, "it is not a valid URL.");
  }
  if (url.username || url.password) {
    return rejectOrigin(entry, "an origin has no user name or password.");
  }
  const hasPath = url.pathname !== "" && url.pathname !== "/";
  if (hasPath || url.search || url.hash || entry.endsWith("?")) {
    return rejectOrigin(entry, "an origin has no path, query or fragment.");
  }

  // URL lower-cases the host of http(s) URLs but not of other schemes, such
  // as capacitor://localhost, and browsers send both in lower case.
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

/**
 * Checks and normalises the `origins` option of `withUploadCors`.
 *
 * @throws TypeError naming the entry when an entry is not an origin, or
 *   when the list is empty.
 */
export function normalizeOrigins(origins: unknown): AllowedOrigins {
  if (origins === "*") return "*";
  if (!Array.isArray(origins)) {
    throw new TypeError(
      `withUploadCors: origins must be a list of origins or "*", not ${JSON.stringify(origins) ?? String(origins)}. Pass origins: ["https://app.example.com"].`,
    );
  }
  if (origins.length === 0) {
    throw new TypeError(
      'withUploadCors: origins is empty, so no page could upload. List the origins of the pages that upload, such as ["https://app.example.com"], or pass "*".',
    );
  }

  return new Set(origins.map(normalizeOrigin));
}
