// Embedded defaults of the example app. Plain JavaScript, so that the Node
// scripts under scripts/ and the TypeScript app read the same values.

/** Port of the app when PORT is unset. */
export const DEFAULT_PORT = 3000;

/** SQLite database when DATABASE_URL is unset, relative to this folder. */
export const DEFAULT_DATABASE_URL = "file:.data/app.db";

/** Port of the local UploadThing ingest emulator when INGEST_PORT is unset. */
export const DEFAULT_INGEST_PORT = 4599;

/** Folder where the ingest emulator stores uploaded files. */
export const DEFAULT_UPLOAD_DIR = ".data/uploads";

/**
 * Svix signing secret used when CLERK_WEBHOOK_SIGNING_SECRET is unset, so
 * `npm run webhook:send` can sign events that the app accepts. It is public,
 * which is why the app rejects it in production.
 */
export const LOCAL_WEBHOOK_SIGNING_SECRET =
  "whsec_ZHJvcHN5bmMtbG9jYWwtZGV2ZWxvcG1lbnQtd2ViaG9vay1zZWNyZXQ=";

/** The user that owns every upload in local mode (no Clerk keys). */
export const LOCAL_USER = {
  id: "user_local_development",
  name: "Local development user",
};

/**
 * API key of the local ingest emulator (`dropsync ingest`). The app signs
 * upload URLs with it, the emulator verifies them with it.
 */
export const LOCAL_UPLOADTHING_API_KEY = "sk_local_dropsync_ingest_emulator";
