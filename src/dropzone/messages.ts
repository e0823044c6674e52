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
   * code failed to load, often a chunk gone after a new deployment. Files
   * added meanwhile wait for the next load, which the next drop starts.
   */
  scriptLoadFailed: (detail: string) => string;
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

/** English defaults for every Dropzone message. */
export const defaultMessages: DropzoneMessages = {
  dropHint: "Drag files here or click to browse",
  dragAccept: "Drop to add these files",
  dragReject: "Some of these files are not allowed",
  loadingConfig: "Loading upload limits…",
  restrictions: describeRestrictions,
  formatBytes,
  invalidType: (name, { allowedDescription }) =>
    `${name} is not an allowed file type; allowed: ${allowedDescription}`,
  fileTooLarge: (name, size, limit) =>
    `${name} is ${size}; the limit is ${limit}`,
  tooManyFiles: (name, max) =>
    `${name} was not added: the limit is ${max} ${max === 1 ? "file" : "files"}`,
  duplicateFile: (name) => `${name} is already in the list`,
  invalidName: (name) =>
    name.trim() === ""
      ? "A file without a name cannot be uploaded; rename it and add it again"
      : `The file name ${JSON.stringify(name)} contains a path separator or a control character; rename the file and add it again`,
  belowMinimum: (min, type) => `Add at least ${min} ${describeType(type)}`,
  stalled: (name, timeoutMs) =>
    `${name} made no progress for ${timeoutMs / 1000} s; retry to start again`,
  uploadFailed: (name) => `${name} failed to upload`,
  transferFailed: (name, status) =>
    status === undefined
      ? `${name} failed to upload: the storage server could not be reached. Retry to try again.`
      : `${name} failed to upload: the storage server returned ${status}. Retry to try again.`,
  routeConfigFailed: (url, detail) =>
    `Could not load the upload limits from ${url}: ${detail}`,
  scriptLoadFailed: (detail) =>
    `Could not load the upload code: ${detail}. Reload the page to try again.`,
  unknownEndpoint: (endpoint, url) =>
    `No route named "${endpoint}" in the route config from ${url}`,
  status: {
    queued: "Waiting",
    uploading: "Uploading",
    complete: "Uploaded",
    error: "Failed",
    canceled: "Canceled",
    rejected: "Not added",
  },
  upload: (count) => `Upload ${count} ${count === 1 ? "file" : "files"}`,
  cancelAll: "Cancel all",
  cancel: (name) => `Cancel ${name}`,
  retry: (name) => `Retry ${name}`,
  remove: (name) => `Remove ${name}`,
  progress: (name) => `${name} upload progress`,
  announceComplete: (name) => `${name} uploaded`,
  announceFailed: (name, reason) => `${name} failed: ${reason}`,
};
