import type { IngestEvent } from "./types";

/** A log line and whether it reports an error. */
export interface LogLine {
  text: string;
  isError: boolean;
}

/**
 * Formats an event as one log line, or returns null for events too
 * frequent to log (transfer progress) and for start and stop, which the
 * command reports itself.
 */
export function formatIngestEvent(event: IngestEvent): LogLine | null {
  switch (event.type) {
    case "metadata-registered":
      return info(
        `registered ${event.fileKeys.length} file key(s) for route ` +
          `${event.slug}${event.isDev ? " (dev-mode stream)" : ""}; ` +
          `callbacks go to ${event.callbackUrl}`,
      );
    case "transfer-started":
      return event.offset === 0
        ? null
        : info(`resuming ${event.key} (${event.name}) at byte ${event.offset}`);
    case "transfer-interrupted":
      return info(
        `transfer of ${event.key} stopped after ${event.received} of ` +
          `${event.size} bytes (${event.reason}); the client can resume it`,
      );
    case "upload-completed":
      return info(
        `stored ${event.upload.key} "${event.upload.name}" ` +
          `${event.upload.size} bytes, route ${event.upload.slug ?? "(server upload)"}, ` +
          `${event.upload.ufsUrl}`,
      );
    case "callback-failed":
      return error(`callback for ${event.key} failed: ${event.message}`);
    case "storage-failed":
      return error(
        `storage failed${event.key === null ? "" : ` for ${event.key}`}: ${event.message}`,
      );
    case "fault-injected":
      return info(
        `injected fault "${event.fault}" into the PUT of ${event.key}`,
      );
    case "request-rejected":
      return error(
        `rejected ${event.method} ${event.path} with ${event.status} ` +
          `${event.code}: ${event.message}`,
      );
    case "dev-stream-closed":
    case "listening":
    case "transfer-progress":
    case "callback-sent":
    case "callback-result":
    case "closed":
      return null;
  }
}

function info(text: string): LogLine {
  return { text, isError: false };
}

function error(text: string): LogLine {
  return { text, isError: true };
}
