import type { ReactNode } from "react";
import type { DropzoneFileStatus, DropzoneRouteConfig } from "./types";

/** Values of a file whose type the route does not allow. */
export interface DropzoneInvalidTypeDetails {
  /** The file's MIME type as the browser gave it, "" when it gave none. */
  type: string;
  /** The file name's extension in lower case without the dot, "" when none. */
  extension: string;
  /** Route type keys the route allows, such as `["image", "pdf"]`. */
  allowedTypes: readonly string[];
  /** The allowed types in English, such as "images, PDFs". */
  allowedDescription: string;
  /**
   * The types the file's extension belongs to when they contradict `type`,
   * such as `["application/x-msdownload"]` for `report.exe` as `text/plain`;
   * empty otherwise.
   */
  impliedTypes: readonly string[];
}

/**
 * Every text the Dropzone shows or announces. Pass a partial object as the
 * `messages` prop to translate or reword any of them.
 */
export interface DropzoneMessages {
  /** Prompt in the drop area. */
  dropHint: ReactNode;
  /** Prompt while acceptable files are dragged over the area. */
  dragAccept: ReactNode;
  /** Prompt while files that break a limit are dragged over the area. */
  dragReject: ReactNode;
  /** Restrictions line while the route config loads. */
  loadingConfig: ReactNode;
  /** Restrictions line built from the route config. */
  restrictions: (config: DropzoneRouteConfig) => string;
  /** Formats a byte count, for example 4194304 as "4 MB". */
  formatBytes: (bytes: number) => string;
  /** Reason for a file whose type the route does not allow. */
  invalidType: (name: string, details: DropzoneInvalidTypeDetails) => string;
  /**
   * Reason for a file over its type's `maxFileSize`. Both sizes come from
   * `formatBytes`, or as bytes ("4194305 B") when they would read the same.
   */
  fileTooLarge: (name: string, size: string, limit: string) => string;
  /** Reason for a file past its type's `maxFileCount` of `max`. */
  tooManyFiles: (name: string, max: number) => string;
  /**
   * Reason for a file of a route that uploads at least `min` files of its
   * type at once, when only `remaining` more fit under `maxFileCount`, so
   * no upload of it could start.
   */
  minimumUnreachable: (name: string, min: number, remaining: number) => string;
  /** Reason for a file with the same name, size and modified time as a row. */
  duplicateFile: (name: string) => string;
  /**
   * Reason for a file whose name is empty or contains `/`, `\` or a control
   * character, which the server rejects.
   */
  invalidName: (name: string) => string;
  /** Note while fewer files than a route's `minFileCount` are queued. */
  belowMinimum: (min: number, type: string) => string;
  /** Reason for a transfer that made no progress for `timeoutMs` milliseconds. */
  stalled: (name: string, timeoutMs: number) => string;
  /** Reason for a failed upload when the server sent no message. */
  uploadFailed: (name: string) => string;
  /**
   * Reason for a failed transfer to the storage server. `status` is the HTTP
   * status, or undefined when the request did not get a response.
   */
  transferFailed: (name: string, status: number | undefined) => string;
  /** Reason when GET `url` for the route config failed with `detail`. */
  routeConfigFailed: (url: string, detail: string) => string;
  /**
   * Shown in place of the restrictions when the script chunk with the upload
   * code failed to load, often a chunk gone after a new deployment.
   * `waiting` files were added meanwhile and wait for the next load, which
   * the next added file starts.
   */
  scriptLoadFailed: (detail: string, waiting: number) => string;
  /** Reason when the route config from `url` has no route `endpoint`. */
  unknownEndpoint: (endpoint: string, url: string) => string;
  /** Label of each row state. A failed row shows its reason instead. */
  status: Record<DropzoneFileStatus, string>;
  /** Label of the Upload button of manual mode for `count` queued files. */
  upload: (count: number) => string;
  /** Label of the button that cancels every queued and running upload. */
  cancelAll: string;
  /** Accessible name of a row's Cancel button. */
  cancel: (name: string) => string;
  /** Accessible name of a row's Retry button. */
  retry: (name: string) => string;
  /** Accessible name of a row's Remove button. */
  remove: (name: string) => string;
  /** Accessible name of a row's progress bar. */
  progress: (name: string) => string;
  /** Live-region text when an upload completes. */
  announceComplete: (name: string) => string;
  /** Live-region text when an upload fails with `reason`. */
  announceFailed: (name: string, reason: string) => string;
  /**
   * Live-region text in place of `count` more announcements made at the
   * same moment, after the first four of more than five.
   */
  announceMore: (count: number) => string;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"];

/**
 * Formats bytes in 1024 steps with UploadThing's unit names, one decimal
 * below 10: 4194304 is "4 MB", 1572864 is "1.5 MB".
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit > 0 && value < 10 ? 10 : 1;
  return `${Math.round(value * digits) / digits} ${BYTE_UNITS[unit]}`;
}

const TYPE_LABELS: Record<string, string> = {
  image: "images",
  video: "videos",
  audio: "audio files",
  pdf: "PDFs",
  text: "text files",
  "text/plain": "plain text files",
  blob: "files",
};

/** Names a route type key in English: "image" is "images", "image/png" is "PNG files". */
export function describeType(type: string): string {
  const label = TYPE_LABELS[type];
  if (label) return label;
  const subtype = type.split("/")[1] ?? type;
  return `${subtype.toUpperCase()} files`;
}

function describeRestrictions(config: DropzoneRouteConfig): string {
  const parts = Object.entries(config).map(([type, limits]) => {
    let part = `${describeType(type)} up to ${limits.maxFileSize}`;
    if (limits.maxFileCount > 1) part += `, at most ${limits.maxFileCount}`;
    else part += ", 1 file";
    if (limits.minFileCount > 1) part += `, at least ${limits.minFileCount}`;
    return part;
  });
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Messages of the drop area and its restrictions line, which render first. */
export type DropzoneAreaMessageKey =
  | "dropHint"
  | "dragAccept"
  | "dragReject"
  | "loadingConfig"
  | "restrictions"
  | "formatBytes"
  | "routeConfigFailed"
  | "scriptLoadFailed"
  | "unknownEndpoint";

/** English defaults of the drop area's messages. */
export const areaMessages: Pick<DropzoneMessages, DropzoneAreaMessageKey> = {
  dropHint: "Drag files here or click to browse",
  dragAccept: "Drop to add these files",
  dragReject: "Some of these files are not allowed",
  loadingConfig: "Loading upload limits…",
  restrictions: describeRestrictions,
  formatBytes,
  routeConfigFailed: (url, detail) =>
    `Could not load the upload limits from ${url}: ${detail}`,
  scriptLoadFailed: (detail, waiting) =>
    `Could not load the upload code: ${detail}. ${waiting > 0 ? `${waiting} added ${waiting === 1 ? "file waits" : "files wait"} for it. ` : ""}Add a file to try again.`,
  unknownEndpoint: (endpoint, url) =>
    `No route named "${endpoint}" in the route config from ${url}`,
};

/**
 * Merges the `messages` prop over the English defaults: those of the drop
 * area, and those of the rows once the deferred chunk has brought them.
 * Until then the row messages the prop leaves out are missing, which no
 * part reads, because rows exist only after that chunk has loaded.
 */
export function mergeMessages(
  rowDefaults: Omit<DropzoneMessages, DropzoneAreaMessageKey> | undefined,
  messages: Partial<DropzoneMessages> | undefined,
): DropzoneMessages {
  return {
    ...areaMessages,
    ...rowDefaults,
    ...messages,
    status: { ...rowDefaults?.status, ...messages?.status },
  } as DropzoneMessages;
}
