import type { IncomingMessage } from "node:http";

import { IngestError } from "./errors";
import { MultipartFileReader, parseMultipartBoundary } from "./multipart";
import type { PresignedUpload } from "./presigned-url";
import type { UploadStore } from "./store";

/** Reads the resume offset from `Range: bytes=<start>-`; 0 when absent. */
export function readRangeStart(
  request: IncomingMessage,
  upload: PresignedUpload,
  store: UploadStore,
): number {
  const header = request.headers.range;
  if (header === undefined) return 0;
  const match = /^bytes=(\d+)-$/.exec(header.trim());
  if (match?.[1] === undefined) {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid Range header "${header}" for key ${upload.key}: expected "bytes=<start>-".`,
    );
  }
  const start = Number(match[1]);
  const staged = store.stagedBytes(upload.key);
  if (start > staged || start > upload.size) {
    throw new IngestError(
      "RANGE_NOT_SATISFIABLE",
      `Range start ${start} for key ${upload.key} is past the ${staged} bytes ` +
        "stored so far. Send HEAD to the presigned URL and resume from its x-ut-range-start.",
    );
  }
  return start;
}

/** Creates a multipart reader, or returns null for a raw body. */
export function createMultipartReader(
  request: IncomingMessage,
): MultipartFileReader | null {
  const contentType = request.headers["content-type"] ?? "";
  const boundary = parseMultipartBoundary(contentType);
  return boundary === null ? null : new MultipartFileReader(boundary);
}

/** Rejects a raw body whose Content-Length already exceeds the file size. */
export function checkRawLength(
  request: IncomingMessage,
  upload: PresignedUpload,
  offset: number,
  multipart: MultipartFileReader | null,
): void {
  const length = Number(request.headers["content-length"]);
  if (multipart !== null || !Number.isSafeInteger(length)) return;
  if (offset + length > upload.size) {
    throw new IngestError(
      "TOO_LARGE",
      `Body for key ${upload.key} has ${length} bytes from offset ${offset}, more than ` +
        `the announced x-ut-file-size of ${upload.size} bytes. Upload the file the ` +
        "presigned URL was created for.",
    );
  }
}
