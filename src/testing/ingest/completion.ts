import type { CallbackOutcome, RouteRegistration } from "./callbacks";
import type { PresignedUpload } from "./presigned-url";
import type { StoredUpload } from "./store";
import type { TransferContext } from "./transfer";

/**
 * Waits for the route registration of a client upload, so the record gets
 * the middleware metadata. Server-side uploads (no slug) have none.
 */
export async function findRegistration(
  upload: PresignedUpload,
  context: TransferContext,
): Promise<RouteRegistration | undefined> {
  if (upload.slug === null) return undefined;
  const registration = await context.callbacks.waitForRegistration(
    upload.key,
    context.metadataTimeoutMs,
  );
  if (registration === undefined) {
    context.emit({
      type: "callback-failed",
      key: upload.key,
      message:
        `No /route-metadata registration for ${upload.key} arrived within ` +
        `${context.metadataTimeoutMs} ms, so onUploadComplete does not run. Check ` +
        "that the route handler's ingestUrl points to this emulator.",
    });
  }
  return registration;
}

/** Sends the completion callback of a stored upload, if it has a route. */
export function runCompletionCallback(
  stored: StoredUpload,
  registration: RouteRegistration | undefined,
  context: TransferContext,
): Promise<CallbackOutcome> {
  if (registration === undefined) {
    return Promise.resolve({ ok: true, serverData: null });
  }
  return context.callbacks.sendCompletion(registration, {
    key: stored.key,
    name: stored.name,
    size: stored.size,
    type: stored.type,
    customId: stored.customId,
    ...context.fileUrls(stored.key),
    fileHash: stored.fileHash,
    // NOTE: presigned URLs do not carry the file's lastModified, so the
    // callback reports the time the upload completed instead.
    lastModified: Date.parse(stored.completedAt),
  });
}

/** Sends the error callback of a failed upload, if it has a route. */
export async function sendErrorCallback(
  key: string,
  message: string,
  context: TransferContext,
): Promise<void> {
  const registration = await context.callbacks.waitForRegistration(
    key,
    context.metadataTimeoutMs,
  );
  if (registration === undefined) return;
  await context.callbacks.sendError(registration, key, message);
}
