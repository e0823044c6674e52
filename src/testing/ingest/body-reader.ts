import type { IncomingMessage } from "node:http";

import { IngestError } from "./errors";
import type { ActiveFault, FaultController } from "./faults";
import { delay, whenClosed } from "./http-utils";
import { MultipartFileReader, type MultipartFileInfo } from "./multipart";
import type { StagingWriter } from "./store";

/** Thrown when the connection closes before the body ended. */
export class TransferInterrupted extends Error {
  override readonly name = "TransferInterrupted";
}

/** Throttled pieces last about this long, in ms. */
const THROTTLE_STEP_MS = 50;

interface BodyReadOptions {
  request: IncomingMessage;
  writer: StagingWriter;
  /** Announced file size in bytes. */
  size: number;
  key: string;
  /** Multipart reader, or null for a raw body that is the file itself. */
  multipart: MultipartFileReader | null;
  faults: FaultController;
  fault: ActiveFault | null;
  onProgress: (received: number) => void;
}

/**
 * Streams a `PUT` body into the staging file, applying the throughput limit
 * and a `stall` or `drop` fault. Throws an `IngestError` when the file part
 * grows past the announced size or the multipart body is malformed, and
 * `TransferInterrupted` when the connection closes first.
 */
export async function readUploadBody(
  options: BodyReadOptions,
): Promise<MultipartFileInfo | null> {
  const { request, fault } = options;
  const faultOffset =
    fault !== null && fault.fault.kind !== "fail"
      ? (fault.fault.afterBytes ?? 0)
      : null;
  let bodyBytes = 0;

  if (faultOffset === 0) await applyFault(options);
  try {
    for await (const chunk of request) {
      let rest = chunk as Buffer;
      while (rest.length > 0) {
        const pieceLength = nextPieceLength(
          rest.length,
          bodyBytes,
          faultOffset,
          options.faults.bytesPerSecond,
        );
        const piece = rest.subarray(0, pieceLength);
        rest = rest.subarray(pieceLength);
        await storePiece(options, piece);
        bodyBytes += piece.length;
        await throttle(options.faults.bytesPerSecond, piece.length);
        if (faultOffset !== null && bodyBytes === faultOffset) {
          await applyFault(options);
        }
      }
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new TransferInterrupted(
      error instanceof Error ? error.message : String(error),
    );
  }
  if (!request.complete) {
    throw new TransferInterrupted("the connection closed mid-body");
  }
  options.multipart?.end();
  return options.multipart?.fileInfo ?? null;
}

async function storePiece(options: BodyReadOptions, piece: Buffer) {
  const fileBytes =
    options.multipart === null ? [piece] : options.multipart.push(piece);
  for (const bytes of fileBytes) {
    const total = options.writer.received + bytes.length;
    if (total > options.size) {
      throw new IngestError(
        "TOO_LARGE",
        `Body for key ${options.key} is larger than the announced ` +
          `x-ut-file-size of ${options.size} bytes (at least ${total} bytes arrived). ` +
          "Upload the file the presigned URL was created for.",
      );
    }
    await options.writer.write(bytes);
  }
  if (fileBytes.length > 0) options.onProgress(options.writer.received);
}

/** Splits a chunk at the fault offset and into throttle-sized pieces. */
function nextPieceLength(
  available: number,
  bodyBytes: number,
  faultOffset: number | null,
  bytesPerSecond: number | null,
): number {
  let length = available;
  if (faultOffset !== null && bodyBytes < faultOffset) {
    length = Math.min(length, faultOffset - bodyBytes);
  }
  if (bytesPerSecond !== null) {
    const step = Math.max(
      1,
      Math.floor((bytesPerSecond * THROTTLE_STEP_MS) / 1000),
    );
    length = Math.min(length, step);
  }
  return length;
}

async function throttle(bytesPerSecond: number | null, bytes: number) {
  if (bytesPerSecond === null) return;
  await delay((bytes / bytesPerSecond) * 1000);
}

async function applyFault(options: BodyReadOptions): Promise<void> {
  const { fault, request, key } = options;
  if (fault === null) return;
  fault.trigger(key);
  if (fault.fault.kind === "drop") {
    request.socket.destroy();
    throw new TransferInterrupted("the emulator dropped the connection");
  }
  if (fault.fault.kind === "stall") {
    await Promise.race([fault.waitForRelease(), whenClosed(request)]);
    if (request.socket.destroyed) {
      throw new TransferInterrupted("the connection closed during a stall");
    }
  }
}
