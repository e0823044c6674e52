/**
 * Runs once when the server starts. The Node.js part checks the settings
 * and opens the database. It lives in its own module, so the Edge build of
 * this file does not include it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup");
    checkStartup();
  }
}
