/**
 * Runs once when the server starts. An invalid setting stops the server
 * with its message, instead of a server that answers every request with
 * 500. The database file and schema are created or migrated here, before
 * the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadSettings, SettingsError } = await import("./lib/settings");
  const { getDatabase } = await import("./lib/db");
  try {
    const settings = loadSettings();
    getDatabase();
    console.log(describeSettings(settings));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`\nThe dropsync example cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

function describeSettings(
  settings: ReturnType<typeof import("./lib/settings").loadSettings>,
): string {
  const auth =
    settings.auth.mode === "clerk" ? "Clerk" : "local mode (no Clerk keys)";
  const uploads =
    settings.uploads.target === "emulator"
      ? `the ingest emulator at ${settings.uploads.ingestUrl}`
      : "UploadThing";
  return `dropsync example: ${auth}, uploads to ${uploads}, database ${settings.databasePath}`;
}
