import { IngestOptionError, invalidOption } from "./option-error";

/**
 * API key of the emulator when none is given. It is public and signs
 * nothing outside this machine, so it is safe to commit and to print.
 */
export const DEFAULT_INGEST_API_KEY = "sk_local_dropsync_ingest_emulator";

/** App id of the emulator when none is given. */
export const DEFAULT_INGEST_APP_ID = "dropsync-local";

/** Region name written into emulator tokens. */
export const DEFAULT_INGEST_REGION = "local";

/** Fields of an `UPLOADTHING_TOKEN`. */
export interface IngestTokenOptions {
  /** Secret that signs presigned URLs and callbacks; must start with `sk_`. */
  apiKey?: string;
  /** App id; the first part of every file key and of `x-ut-identifier`. */
  appId?: string;
  /** Region names; UploadThing uses the first unless a route picks one. */
  regions?: string[];
}

/**
 * Creates an `UPLOADTHING_TOKEN` value: base64 of
 * `{ apiKey, appId, regions }`, the format `uploadthing` 7 parses.
 * Without options it returns the emulator's default token, so two processes
 * started with defaults agree on it without passing it around.
 */
export function createIngestToken(options: IngestTokenOptions = {}): string {
  const apiKey = options.apiKey ?? DEFAULT_INGEST_API_KEY;
  const appId = options.appId ?? DEFAULT_INGEST_APP_ID;
  const regions = options.regions ?? [DEFAULT_INGEST_REGION];
  assertValidApiKey(apiKey);
  assertValidAppId(appId);
  if (regions.length === 0) {
    throw new TypeError(
      "Invalid regions: the list is empty. Pass at least one region name, or leave " +
        `it out to use ["${DEFAULT_INGEST_REGION}"].`,
    );
  }
  const json = JSON.stringify({ apiKey, appId, regions });
  return Buffer.from(json, "utf8").toString("base64");
}

/**
 * Throws an `IngestOptionError` unless `apiKey` is a string with
 * UploadThing's `sk_` prefix. The message shows only the first 6 characters,
 * since the key is a secret.
 */
export function assertValidApiKey(apiKey: unknown): asserts apiKey is string {
  if (
    typeof apiKey === "string" &&
    apiKey.startsWith("sk_") &&
    apiKey.length >= 4
  ) {
    return;
  }
  const visiblePrefix =
    typeof apiKey === "string" ? `"${apiKey.slice(0, 6)}…"` : String(apiKey);
  throw new IngestOptionError(
    "apiKey",
    apiKey,
    (name) =>
      `Invalid ${name} ${visiblePrefix}: UploadThing rejects API keys that do not ` +
      `start with "sk_". Pass a key such as "${DEFAULT_INGEST_API_KEY}".`,
  );
}

/** Characters an app id may contain: it is a path segment of file URLs. */
const APP_ID_PATTERN = /^[A-Za-z0-9._~-]+$/;

/**
 * Throws an `IngestOptionError` unless `appId` is a non-empty string of
 * URL-safe characters, because file URLs contain it as `/a/<appId>/<key>`.
 */
export function assertValidAppId(appId: unknown): asserts appId is string {
  if (typeof appId === "string" && APP_ID_PATTERN.test(appId)) return;
  throw invalidOption(
    "appId",
    appId,
    "pass letters, digits, '.', '_', '~' or '-' only, or leave it out to " +
      `use "${DEFAULT_INGEST_APP_ID}".`,
  );
}

/**
 * Token of an emulator started with the default API key and app id, for
 * scripts that start the app and `dropsync ingest` side by side.
 */
export const DEFAULT_INGEST_TOKEN = createIngestToken();
