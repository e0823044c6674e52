import { databasePathFromUrl } from "./database-url.js";
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_INGEST_PORT,
  LOCAL_WEBHOOK_SIGNING_SECRET,
} from "./defaults.js";
import { localUploadThingToken } from "./local-uploadthing";

/** Source of the signed-in user: Clerk, or the local development user. */
export type AuthSettings =
  | { mode: "clerk"; publishableKey: string; secretKey: string }
  | { mode: "local" };

/** Destination of uploaded files: UploadThing or the local ingest emulator. */
export type UploadSettings =
  | { target: "uploadthing"; token: string }
  | { target: "emulator"; token: string; ingestUrl: string };

/** Every setting of the app, read from environment variables. */
export interface Settings {
  /** Absolute path of the SQLite database file. */
  databasePath: string;
  /** Svix secret (`whsec_…`) that signs Clerk webhook deliveries. */
  webhookSigningSecret: string;
  auth: AuthSettings;
  uploads: UploadSettings;
}

/** A setting is missing or invalid; the message names it and the fix. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

type Env = Record<string, string | undefined>;

/**
 * Reads the settings from `env` and applies the documented defaults.
 * Throws a {@link SettingsError} for invalid values, and for the local
 * defaults (no Clerk keys, the ingest emulator, the public webhook secret)
 * when NODE_ENV is "production", unless ALLOW_LOCAL_MODE_IN_PRODUCTION is
 * "true".
 */
export function loadSettings(env: Env = process.env): Settings {
  const production = env.NODE_ENV === "production";
  const allowLocal = env.ALLOW_LOCAL_MODE_IN_PRODUCTION === "true";
  const auth = readAuth(env);
  const uploads = readUploads(env);
  const webhookSigningSecret =
    nonEmpty(env.CLERK_WEBHOOK_SIGNING_SECRET) ?? LOCAL_WEBHOOK_SIGNING_SECRET;

  if (production && !allowLocal) {
    if (auth.mode === "local") {
      throw new SettingsError(
        "Local mode (no Clerk keys) cannot run with NODE_ENV=production, " +
          "because every visitor would act as the local development user. " +
          "Set NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY, or use " +
          "`npm run dev`. To try a production build on your own machine, set " +
          "ALLOW_LOCAL_MODE_IN_PRODUCTION=true.",
      );
    }
    if (uploads.target === "emulator") {
      throw new SettingsError(
        "UPLOADTHING_TOKEN is missing, and the local ingest emulator cannot " +
          "be used with NODE_ENV=production. Copy the token from the " +
          "UploadThing dashboard (API Keys) into UPLOADTHING_TOKEN.",
      );
    }
    if (webhookSigningSecret === LOCAL_WEBHOOK_SIGNING_SECRET) {
      throw new SettingsError(
        "CLERK_WEBHOOK_SIGNING_SECRET is missing, and the public local " +
          "secret cannot be used with NODE_ENV=production. Copy the endpoint's " +
          "Signing Secret (whsec_…) from the Clerk dashboard, Webhooks page.",
      );
    }
  }

  checkSigningSecret(webhookSigningSecret);

  return {
    databasePath: readDatabasePath(env),
    webhookSigningSecret,
    auth,
    uploads,
  };
}

function readAuth(env: Env): AuthSettings {
  const publishableKey = nonEmpty(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
  const secretKey = nonEmpty(env.CLERK_SECRET_KEY);
  if (publishableKey && secretKey) {
    checkClerkKeys(publishableKey, secretKey);
    return { mode: "clerk", publishableKey, secretKey };
  }
  if (publishableKey || secretKey) {
    const missing = publishableKey
      ? "CLERK_SECRET_KEY"
      : "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY";
    throw new SettingsError(
      `${missing} is missing. Set both Clerk keys from the Clerk dashboard ` +
        "(API Keys) to use Clerk, or neither to run in local mode.",
    );
  }
  return { mode: "local" };
}

// The message leaves the value out: it is a secret.
function checkSigningSecret(secret: string): void {
  const base64 = secret.replace(/^whsec_/, "");
  let valid = base64.length > 0;
  try {
    atob(base64);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new SettingsError(
      "CLERK_WEBHOOK_SIGNING_SECRET is not a Svix signing secret: expected " +
        "whsec_ followed by base64. Copy the endpoint's Signing Secret from " +
        "the Clerk dashboard, Webhooks page.",
    );
  }
}

// Clerk rejects malformed keys on every request with a 500. Checking them
// at start names the variable instead.
function checkClerkKeys(publishableKey: string, secretKey: string): void {
  const match = /^pk_(test|live)_(.+)$/.exec(publishableKey);
  let frontendApi = "";
  try {
    frontendApi = match ? atob(match[2]!) : "";
  } catch {
    // Not base64: reported below.
  }
  if (!frontendApi.endsWith("$")) {
    throw new SettingsError(
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is not a Clerk publishable key: " +
        `expected pk_test_… or pk_live_… with a base64 part, got ` +
        `"${publishableKey.slice(0, 12)}…". Copy it from the Clerk dashboard ` +
        "(API Keys).",
    );
  }
  if (!/^sk_(test|live)_./.test(secretKey)) {
    throw new SettingsError(
      "CLERK_SECRET_KEY is not a Clerk secret key: expected sk_test_… or " +
        "sk_live_…. Copy it from the Clerk dashboard (API Keys).",
    );
  }
}

function readUploads(env: Env): UploadSettings {
  const token = nonEmpty(env.UPLOADTHING_TOKEN);
  if (token) return { target: "uploadthing", token };
  const port = nonEmpty(env.INGEST_PORT) ?? String(DEFAULT_INGEST_PORT);
  if (!/^\d{1,5}$/.test(port)) {
    throw new SettingsError(
      `INGEST_PORT must be a port number such as ${DEFAULT_INGEST_PORT}; ` +
        `got "${port}".`,
    );
  }
  return {
    target: "emulator",
    token: localUploadThingToken(),
    ingestUrl: `http://127.0.0.1:${port}`,
  };
}

function readDatabasePath(env: Env): string {
  try {
    return databasePathFromUrl(
      nonEmpty(env.DATABASE_URL) ?? DEFAULT_DATABASE_URL,
    );
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
