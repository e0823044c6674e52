import { clerkMiddleware } from "@clerk/nextjs/server";
import {
  NextResponse,
  type NextFetchEvent,
  type NextRequest,
} from "next/server";
import { loadSettings } from "@/lib/settings";

// Clerk's middleware only reads the session here; pages that need a user
// check it themselves (lib/require-user.ts), as Clerk recommends over
// path matching. So every route stays public at this level, which the
// webhook route needs: Clerk's servers call it with a Svix signature and no
// session. If you add `auth.protect()` here, exempt /api/webhooks/clerk and
// /api/uploadthing (UploadThing's callback is signed, not signed in).
// Clerk reads NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY from
// the environment per request.
const clerk = clerkMiddleware();

/** Runs Clerk's middleware when Clerk keys are set; local mode skips it. */
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (loadSettings().auth.mode === "local") return NextResponse.next();
  return clerk(request, event);
}

export const config = {
  matcher: [
    // Every page, but not Next internals or static files.
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api|trpc)(.*)",
  ],
};
