"use client";

import { useAuth } from "@clerk/nextjs";
import { UploadPanels } from "@/components/upload-panels";

/** The upload panels with Clerk's session: disabled until signed in. */
export function ClerkUploadPanels() {
  const { isLoaded, isSignedIn } = useAuth();
  return (
    <UploadPanels
      disabled={!isLoaded || !isSignedIn}
      disabledMessage={isLoaded ? "Sign in to upload" : "Loading…"}
    />
  );
}
