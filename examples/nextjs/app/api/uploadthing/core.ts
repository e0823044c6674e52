import {
  clerkAuth,
  createFileRouter,
  type AuthFunction,
} from "dropsync/server";
import { getDatabase } from "@/lib/db";
import { LOCAL_USER } from "@/lib/defaults.js";
import { loadSettings } from "@/lib/settings";
import { recordUpload } from "@/lib/uploads-store";

let clerk: AuthFunction<{ userId: string }> | undefined;

// Created on the first request in Clerk mode: clerkAuth() reads
// CLERK_SECRET_KEY (or CLERK_JWT_KEY) and throws when neither is set.
function clerkUser(request: Request) {
  clerk ??= clerkAuth();
  return clerk(request);
}

/**
 * The app's upload routes: dropsync's presets (avatar, gallery, documents,
 * attachment). Each completed file is stored in the uploads table, owned by
 * the signed-in Clerk user, or by the local development user in local mode.
 */
export const uploadRouter = createFileRouter({
  // Settings are read per request, not at import: `next build` imports this
  // module without the production environment.
  auth: (request) =>
    loadSettings().auth.mode === "clerk"
      ? clerkUser(request)
      : { userId: LOCAL_USER.id },
  onUploadComplete: ({ userId, route, file }) => {
    recordUpload(getDatabase(), {
      key: file.key,
      owner: userId,
      name: file.name,
      size: file.size,
      type: file.type,
      url: file.ufsUrl,
      route,
      uploadedAt: Date.now(),
    });
    return { key: file.key, url: file.ufsUrl };
  },
});

/** Route names and types for the client's `generateDropzone`. */
export type AppFileRouter = typeof uploadRouter;
