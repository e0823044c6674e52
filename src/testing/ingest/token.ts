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
  if (appId.length === 0) {
    throw new TypeError(
      "Invalid appId: it is empty. Pass a non-empty app id, or leave it out to use " +
        `"${DEFAULT_INGEST_APP_ID}".`,
    );
  }
  if (regions.length === 0) {
    throw new TypeError(
      "Invalid regions: the list is empty. Pass at least one region name, or leave " +
        `it out to use ["${DEFAULT_INGEST_REGION}"].`,
    );
  }
  const json = JSON.stringify({ apiKey, appId, regions });
  return Buffer.from(json, "utf8").toString("base64");
}

/** Throws a TypeError unless `apiKey` has UploadThing's `sk_` prefix. */
export function assertValidApiKey(apiKey: string): void {
  if (!apiKey.startsWith("sk_") || apiKey.length < 4) {
    throw new TypeError(
      `Invalid apiKey "${apiKey.slice(0, 6)}…": UploadThing rejects API keys ` +
        `that do not start with "sk_". Pass a key such as "${DEFAULT_INGEST_API_KEY}".`,
    );
  }
}

/**
 * Token of an emulator started with the default API key and app id, for
 * scripts that start the app and `dropsync ingest` side by side.
 */
export const DEFAULT_INGEST_TOKEN = createIngestToken();
