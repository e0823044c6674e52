import { auth } from "@clerk/nextjs/server";
import { loadSettings } from "./settings";

/**
 * Lets a page render only for a signed-in Clerk user: visitors are sent to
 * Clerk's sign-in page. In local mode everyone is the local development
 * user, so it does nothing.
 */
export async function requireUser(): Promise<void> {
  if (loadSettings().auth.mode === "clerk") await auth.protect();
}
