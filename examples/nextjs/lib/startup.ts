import { countInvalidUsers, getDatabase } from "./db";
import { loadSettings, SettingsError, type Settings } from "./settings";

/**
 * Checks the settings and creates or migrates the database before the first
 * request. An invalid setting stops the server with its message, instead of
 * a server that returns 500 for every request.
 */
export function checkStartup(): void {
  try {
    const settings = loadSettings();
    const invalidUsers = countInvalidUsers(getDatabase());
    console.log(describeSettings(settings));
    if (invalidUsers > 0) {
      console.warn(
        `dropsync example: ${invalidUsers} user rows with a missing id or a non-integer time are kept in the users_invalid table and not shown on /users. Inspect them with sqlite3 and delete them when done.`,
      );
    }
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`\nThe dropsync example cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

function describeSettings(settings: Settings): string {
  const auth =
    settings.auth.mode === "clerk" ? "Clerk" : "local mode (no Clerk keys)";
  const uploads =
    settings.uploads.target === "emulator"
      ? `the ingest emulator at ${settings.uploads.ingestUrl}`
      : "UploadThing";
  return `dropsync example: ${auth}, uploads to ${uploads}, database ${settings.databasePath}`;
}
