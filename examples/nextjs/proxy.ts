import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";
import {
  NextResponse,
  type NextFetchEvent,
  type NextRequest,
} from "next/server";
import { loadSettings } from "@/lib/settings";

// Reachable without a Clerk session. The webhook route must stay public:
// Clerk's servers call it with a Svix signature and no session cookie. The
// UploadThing route checks the session itself, and UploadThing's completion
// callback carries an HMAC signature instead of a session.
const isPublicRoute = createRouteMatcher([
  "/",
  "/local-mode",
  "/api/webhooks/clerk",
  "/api/uploadthing",
]);

// Clerk reads NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY from
// the environment per request. Passing them as options instead would also
// need CLERK_ENCRYPTION_KEY.
const clerk = clerkMiddleware(async (auth, request) => {
  if (!isPublicRoute(request)) await auth.protect();
});

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
