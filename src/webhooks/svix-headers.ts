import { WebhookInvalidHeaderError, WebhookMissingHeaderError } from "./errors";

/** The verified-to-be-well-formed Svix headers of one delivery. */
export interface SvixHeaders {
  /** The message id (`svix-id`), the same on every retry. */
  id: string;
  /** The signed time of this attempt, in seconds since the epoch. */
  timestamp: number;
  /** The base64 values of the `v1,` entries of `svix-signature`. */
  signatures: string[];
}

// Sixteen digits would exceed Number.MAX_SAFE_INTEGER in the worst case.
const timestampPattern = /^\d{1,15}$/;

/** Reads `name` with the `svix-` prefix, falling back to `webhook-`. */
function readOptionalHeader(
  headers: Headers,
  name: string,
): string | undefined {
  return (
    nonBlank(headers.get(`svix-${name}`)) ??
    nonBlank(headers.get(`webhook-${name}`))
  );
}

function readHeader(headers: Headers, name: string): string {
  const value = readOptionalHeader(headers, name);
  if (value === undefined) throw new WebhookMissingHeaderError(`svix-${name}`);
  return value;
}

function nonBlank(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * Reads and checks the format of the Svix (or Standard Webhooks) headers.
 * Names are case-insensitive, as `Headers` makes them. Each header is read
 * from its `svix-` name first, then from its `webhook-` name. Signature
 * entries of other versions, such as `v1a,` or `v2,`, are skipped.
 */
export function readSvixHeaders(headers: Headers): SvixHeaders {
  const names = ["id", "timestamp", "signature"] as const;
  if (names.every((name) => readOptionalHeader(headers, name) === undefined)) {
    throw new WebhookMissingHeaderError("svix-id", true);
  }
  const id = readHeader(headers, "id");
  const timestampText = readHeader(headers, "timestamp");
  const signatureText = readHeader(headers, "signature");

  if (!timestampPattern.test(timestampText)) {
    throw new WebhookInvalidHeaderError(
      "svix-timestamp",
      `Invalid svix-timestamp ${JSON.stringify(timestampText.slice(0, 40))}: it must be an integer number of seconds since the epoch.`,
    );
  }

  const signatures: string[] = [];
  // Entries are space-separated. A proxy or Node's `http` module joins a
  // repeated svix-signature header with ", ", so a comma that ends an entry
  // is a separator too, because base64 never ends with one.
  for (const entry of signatureText.split(/\s+/)) {
    const value = entry.endsWith(",") ? entry.slice(0, -1) : entry;
    if (value.startsWith("v1,") && value.length > 3) {
      signatures.push(value.slice(3));
    }
  }
  if (signatures.length === 0) {
    throw new WebhookInvalidHeaderError(
      "svix-signature",
      "Invalid svix-signature: it contains no v1 signature. It must be a space-separated list of entries such as v1,<base64>.",
    );
  }

  return { id, timestamp: Number(timestampText), signatures };
}
