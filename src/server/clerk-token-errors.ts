import { UploadThingError } from "uploadthing/server";
import { forbiddenError } from "./upload-error";

// Reasons from @clerk/backend's TokenVerificationErrorReason that mean the
// server could not load a key, as opposed to a bad token.
const keyLoadingReasons = new Set([
  "jwk-local-missing",
  "jwk-remote-failed-to-load",
  "jwk-remote-invalid",
  "jwk-remote-missing",
  "jwk-failed-to-resolve",
  "secret-key-invalid",
]);

function describeTokenError(error: { reason?: string; message?: string }) {
  switch (error.reason) {
    case "token-expired":
      return "Your session token has expired. Refresh the page or sign in again, then retry the upload.";
    case "token-not-active-yet":
    case "token-iat-in-the-future":
      return "Your session token is not valid yet. Check the clock of the device and the server, then retry the upload.";
    case "token-invalid-authorized-parties":
      return "Your session token was issued to an origin that this upload route does not accept.";
    case "token-invalid-issuer":
      return "Your session token was issued by another Clerk instance.";
  }
  if (error.message?.includes("audience claim")) {
    return "Your session token was issued for another audience than this upload route accepts.";
  }

  return "Your session token is invalid. Sign in again, then retry the upload.";
}

/**
 * Converts a failed `verifyToken` into the error for the client: 403 with the
 * reason for a bad token, 500 when the server could not load Clerk's keys.
 */
export function rejectTokenError(error: unknown): UploadThingError {
  const details = error as { reason?: string; message?: string };
  if (details.reason && keyLoadingReasons.has(details.reason)) {
    console.error(
      "dropsync: clerkAuth could not load Clerk's JWT public key. Set jwtKey (CLERK_JWT_KEY) or a valid secretKey (CLERK_SECRET_KEY).",
      error,
    );
    return new UploadThingError({
      code: "INTERNAL_SERVER_ERROR",
      message: "The server could not verify session tokens.",
      cause: error,
    });
  }

  return forbiddenError(describeTokenError(details), error);
}
