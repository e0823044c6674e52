import {
  describeType,
  type DropzoneAreaMessageKey,
  type DropzoneMessages,
} from "./messages";
import { quoteName } from "./file-rules";

/**
 * English defaults of the messages of rows, rejections, uploads and
 * announcements. They load with the rows in the deferred chunk.
 */
export const rowMessages: Omit<DropzoneMessages, DropzoneAreaMessageKey> = {
  invalidType: (name, { type, impliedTypes, allowedDescription }) =>
    impliedTypes.length > 0
      ? `${name} is declared as ${type}, but its extension belongs to ${impliedTypes.join(" or ")} files`
      : `${name} is not an allowed file type; allowed: ${allowedDescription}`,
  fileTooLarge: (name, size, limit) =>
    `${name} is ${size}; the limit is ${limit}`,
  tooManyFiles: (name, max) =>
    `${name} was not added: the limit is ${max} ${max === 1 ? "file" : "files"}`,
  minimumUnreachable: (name, min, remaining) =>
    `${name} was not added: this route uploads at least ${min} files at once, and only ${remaining} more ${remaining === 1 ? "fits" : "fit"}`,
  duplicateFile: (name) => `${name} is already in the list`,
  invalidName: (name) =>
    name.trim() === ""
      ? "A file without a name cannot be uploaded; rename it and add it again"
      : `The file name ${quoteName(name)} contains a path separator or a control character; rename the file and add it again`,
  belowMinimum: (min, type) => `Add at least ${min} ${describeType(type)}`,
  stalled: (name, timeoutMs) =>
    `${name} made no progress for ${timeoutMs / 1000} s; retry to start again`,
  uploadFailed: (name) => `${name} failed to upload`,
  transferFailed: (name, status) =>
    status === undefined
      ? `${name} failed to upload: the storage server could not be reached. Retry to try again.`
      : `${name} failed to upload: the storage server returned ${status}. Retry to try again.`,
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
  announceMore: (count) => `${count} more updates`,
};
