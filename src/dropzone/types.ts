import type { ClientUploadedFileData } from "uploadthing/types";

/** State of one file row, mirrored in its `data-state` attribute. */
export type DropzoneFileStatus =
  "queued" | "uploading" | "complete" | "error" | "canceled" | "rejected";

/** State of the whole Dropzone, mirrored in the root's `data-state`. */
export type DropzoneState =
  "idle" | "drag-accept" | "drag-reject" | "uploading" | "disabled";

/**
 * Stable reason codes for files the browser check rejects. The first three
 * match react-dropzone's `ErrorCode` values. `file-invalid-name` is a name
 * that is empty or contains `/`, `\` or a control character, which the
 * server rejects.
 */
export type DropzoneRejectionCode =
  | "file-invalid-type"
  | "file-too-large"
  | "too-many-files"
  | "duplicate-file"
  | "file-invalid-name";

/**
 * Stable codes for files that failed after they were added. A file gets
 * `route-config-failed` when the route config, or the extension table for
 * files without a browser type, could not be loaded before its check.
 * `upload-rejected` is a request the server rejected as invalid
 * (UploadThing codes `BAD_REQUEST`, `TOO_LARGE`, `TOO_SMALL`,
 * `TOO_MANY_FILES`, `KEY_TOO_LONG`): sending it again gets the same rejection,
 * so its row offers Remove and no Retry.
 */
export type DropzoneErrorCode =
  "upload-failed" | "upload-rejected" | "stalled" | "route-config-failed";

/** Limits of one file type of an UploadThing route, as its GET returns them. */
export interface DropzoneTypeLimits {
  /** UploadThing size string such as "4MB". */
  maxFileSize: string;
  maxFileCount: number;
  minFileCount: number;
  [option: string]: unknown;
}

/**
 * Config of one route, keyed by file type ("image", "pdf", "blob",
 * "image/png", ...), the same shape as UploadThing's `ExpandedRouteConfig`.
 */
export type DropzoneRouteConfig = Record<string, DropzoneTypeLimits>;

/**
 * A route config as an app may write it: file types as a list
 * (`["image", "pdf"]`) or an object whose limits may be left out. Missing
 * limits get UploadThing's defaults (maxFileCount 1, minFileCount 1, and a
 * maxFileSize per type, such as "4MB" for images).
 */
export type DropzoneRouteConfigInput =
  string[] | Record<string, Partial<DropzoneTypeLimits> | undefined>;

/** Body of `GET /api/uploadthing`: the config of every route. */
export type DropzoneEndpointMetadata = {
  slug: string;
  config: DropzoneRouteConfig;
}[];

/** One row of the Dropzone: a file and the state of its upload. */
export interface DropzoneFile<TServerData = unknown> {
  /** Stable row id, unique within one Dropzone. */
  id: string;
  /** The picked file, or undefined for rows restored from `value`. */
  file: File | undefined;
  name: string;
  /** Size in bytes. */
  size: number;
  /** Browser MIME type, possibly empty. */
  type: string;
  /** Last-modified time in milliseconds since the epoch. */
  lastModified: number;
  status: DropzoneFileStatus;
  /** Percent uploaded, an integer in 0..100 that never decreases within one attempt. */
  progress: number;
  /** Shown reason for an `error` or `rejected` row. */
  reason?: string;
  rejection?: DropzoneRejectionCode;
  errorCode?: DropzoneErrorCode;
  /** Server response once the row is `complete`. */
  result?: ClientUploadedFileData<TServerData>;
  /** Count of upload starts, raised by each retry. */
  attempt: number;
}

/** A file the browser check rejected, passed to `onReject`. */
export interface DropzoneRejection {
  file: File;
  code: DropzoneRejectionCode;
  /** The localised reason shown on the row. */
  message: string;
}

/** A failed upload, passed to `onUploadError`. */
export interface DropzoneUploadError<TServerData = unknown> {
  file: DropzoneFile<TServerData>;
  code: DropzoneErrorCode;
  /** The reason shown on the row: the server's message when it sent one. */
  message: string;
  /** The error UploadThing's client threw, when there was one. */
  cause: unknown;
}
