import { WebhookPayloadError } from "./errors";

// Checks of the fields of a verified Clerk user payload that user sync stores.
// A payload that fails one raises WebhookPayloadError (400 invalid_payload),
// so that nothing unusable reaches a users table.

type PayloadObject = Record<string, unknown>;

// Long enough to recognise a value, short enough for a log line.
const maxShownValueLength = 60;

/** Describes a received value for an error message, such as `"yesterday"`. */
function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxShownValueLength
    ? `${text.slice(0, maxShownValueLength)}…`
    : text;
}

/** Creates the error for one invalid field of a `source` payload. */
export function invalidField(
  source: string,
  field: string,
  value: unknown,
  expected: string,
): WebhookPayloadError {
  return new WebhookPayloadError(
    `Invalid ${source} payload: ${field} is ${describeValue(value)}, expected ${expected}. Retrying cannot fix a signed payload, so fix the sender or handle this event type yourself.`,
  );
}

/** Returns `data` as an object, or throws when it is not a plain object. */
export function requireObject(source: string, data: unknown): PayloadObject {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw invalidField(source, "data", data, "a JSON object");
  }
  return data as PayloadObject;
}

/** Returns `data.id`, or throws when it is not a non-empty string. */
export function requireId(source: string, data: PayloadObject): string {
  const id = data.id;
  if (typeof id !== "string" || id.trim() === "") {
    throw invalidField(source, "data.id", id, "a non-empty string");
  }
  return id;
}

/** Returns whether `value` is a non-negative safe integer, as Clerk's times are. */
export function isEpochMilliseconds(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** Returns a required time field in epoch milliseconds, or throws. */
export function requireTime(
  source: string,
  data: PayloadObject,
  key: string,
): number {
  const value = data[key];
  if (!isEpochMilliseconds(value)) {
    throw invalidField(
      source,
      `data.${key}`,
      value,
      "a non-negative integer of milliseconds since the epoch",
    );
  }
  return value;
}

/** Returns an optional time field in epoch milliseconds (absent or null gives null), or throws. */
export function optionalTime(
  source: string,
  data: PayloadObject,
  key: string,
): number | null {
  const value = data[key];
  if (value === undefined || value === null) return null;
  return requireTime(source, data, key);
}

/** Returns an optional string field (absent, null or "" gives null), or throws. */
export function optionalString(
  source: string,
  data: PayloadObject,
  key: string,
  field = `data.${key}`,
): string | null {
  const value = data[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") {
    throw invalidField(source, field, value, "a string or null");
  }
  return value;
}

/**
 * Returns the `valueKey` string of the entry of `data[listKey]` whose id is
 * `data[primaryKey]`, such as the primary email address, or null when there
 * is none. Throws when the list or the found entry has the wrong shape.
 */
export function primaryEntryValue(
  source: string,
  data: PayloadObject,
  listKey: string,
  primaryKey: string,
  valueKey: string,
): string | null {
  const primaryId = optionalString(source, data, primaryKey);
  const list = data[listKey];
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) {
    throw invalidField(source, `data.${listKey}`, list, "an array");
  }
  if (primaryId === null) return null;

  const index = list.findIndex(
    (entry: unknown) =>
      typeof entry === "object" &&
      entry !== null &&
      (entry as PayloadObject).id === primaryId,
  );
  if (index === -1) return null;
  return optionalString(
    source,
    list[index] as PayloadObject,
    valueKey,
    `data.${listKey}[${index}].${valueKey}`,
  );
}
