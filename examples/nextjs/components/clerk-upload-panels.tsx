"use client";

import { useClerkUploadAuth } from "dropsync/clerk";
import { UploadPanels } from "@/components/upload-panels";

/**
 * Renders the upload panels with Clerk's session. Each request carries the
 * session token, and the drop areas stay disabled with a reason until a
 * user signs in.
 */
export function ClerkUploadPanels() {
  const uploadAuth = useClerkUploadAuth();
  return <UploadPanels {...uploadAuth} />;
}
