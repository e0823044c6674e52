import type { IncomingMessage, ServerResponse } from "node:http";

import { readUploadBody, TransferInterrupted } from "./body-reader";
import { chooseContentType } from "./content-type";
import type { CallbackHub } from "./callbacks";
import { errorCodeForStatus, IngestError } from "./errors";
import type { ActiveFault, FaultController } from "./faults";
import {
  findRegistration,
  runCompletionCallback,
  sendErrorCallback,
} from "./completion";
import { delay, drainRequest, sendError, sendJson } from "./http-utils";
import type { MultipartFileInfo, MultipartFileReader } from "./multipart";
import {
  checkRawLength,
  createMultipartReader,
  readRangeStart,
} from "./put-request";
import type { PresignedUpload } from "./presigned-url";
import type { StoredUpload, UploadStore } from "./store";
import type { IngestEvent, IngestUpload } from "./types";

/** Time a new request for a key waits for the previous transfer to end, in ms. */
const TAKEOVER_WAIT_MS = 2_000;

/** Shared state the `HEAD` and `PUT` handlers use. */
export interface TransferContext {
  store: UploadStore;
  faults: FaultController;
  callbacks: CallbackHub;
  emit: (event: IngestEvent) => void;
  /** Time to wait for the route handler's `/route-metadata`, in ms. */
  metadataTimeoutMs: number;
  /** Builds the URLs a stored file is served at. */
  fileUrls: (key: string) => { url: string; appUrl: string; ufsUrl: string };
  /** Builds the public description of a stored upload. */
  describe: (stored: StoredUpload) => IngestUpload;
  /** Transfers reading a body right now, by key. */
  active: Map<string, ActiveTransfer>;
}

/** A `PUT` that is reading its body. */
export interface ActiveTransfer {
  done: Promise<void>;
  abort: () => void;
}

/** Responds to `HEAD` on a presigned URL with the resume offset. */
export async function handleResumeProbe(
  response: ServerResponse,
  upload: PresignedUpload,
  context: TransferContext,
): Promise<void> {
  const previous = context.active.get(upload.key);
  if (previous !== undefined) {
    // A paused client probes while its aborted PUT may still be closing.
    await Promise.race([previous.done, delay(TAKEOVER_WAIT_MS)]);
  }
  const stored = context.store.get(upload.key);
  const offset =
    stored === undefined ? context.store.stagedBytes(upload.key) : stored.size;
  response.writeHead(200, {
    "x-ut-range-start": String(offset),
    "content-length": "0",
  });
  response.end();
}

/** Receives a file at its presigned URL, then runs the completion callback. */
export async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  upload: PresignedUpload,
  context: TransferContext,
): Promise<void> {
  if (await respondIfStored(request, response, upload.key, context)) return;
  const fault = context.faults.nextPut();
  await takeOver(upload.key, context);
  if (await respondIfStored(request, response, upload.key, context)) return;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  context.active.set(upload.key, {
    done,
    abort: () => request.socket.destroy(),
  });
  const endTransfer = () => {
    if (context.active.get(upload.key)?.done === done) {
      context.active.delete(upload.key);
    }
    finish();
  };
  try {
    await receive(request, response, upload, context, fault, endTransfer);
  } finally {
    endTransfer();
  }
}

/**
 * Repeats the response for a key that is already complete, as happens when a
 * client resumes after the last byte arrived.
 */
async function respondIfStored(
  request: IncomingMessage,
  response: ServerResponse,
  key: string,
  context: TransferContext,
): Promise<boolean> {
  const stored = context.store.get(key);
  if (stored === undefined) return false;
  await drainRequest(request);
  sendJson(response, 200, uploadResponse(stored, context, stored.serverData));
  return true;
}

async function receive(
  request: IncomingMessage,
  response: ServerResponse,
  upload: PresignedUpload,
  context: TransferContext,
  fault: ActiveFault | null,
  endTransfer: () => void,
): Promise<void> {
  try {
    if (fault?.fault.kind === "fail") {
      fault.trigger(upload.key);
      context.emit({ type: "fault-injected", key: upload.key, fault: "fail" });
      const status = fault.fault.status ?? 500;
      throw new IngestError(
        errorCodeForStatus(status),
        fault.fault.message ??
          `Injected fault: the ingest emulator failed this PUT for key ${upload.key} with status ${status}.`,
        status,
      );
    }
    const offset = readRangeStart(request, upload, context.store);
    const multipart = createMultipartReader(request);
    checkRawLength(request, upload, offset, multipart);

    const fileInfo = await storeBody(
      request,
      upload,
      offset,
      multipart,
      context,
      fault,
    );
    const registration = await findRegistration(upload, context);
    const stored = await context.store.commit(
      upload,
      {
        type: chooseContentType(
          upload.type,
          fileInfo?.contentType ?? null,
          upload.name,
        ),
        metadata: registration?.metadata ?? null,
      },
      new Date(),
    );
    endTransfer();
    context.emit({
      type: "upload-completed",
      upload: context.describe(stored),
    });
    const outcome = await runCompletionCallback(stored, registration, context);
    if (outcome.ok) {
      sendJson(
        response,
        200,
        uploadResponse(stored, context, outcome.serverData),
      );
    } else {
      // The client turns a 2xx body with `error` into an UploadThingError.
      sendJson(response, 200, { error: outcome.message });
    }
  } catch (error) {
    if (error instanceof TransferInterrupted) {
      context.emit({
        type: "transfer-interrupted",
        key: upload.key,
        received: context.store.stagedBytes(upload.key),
        size: upload.size,
        reason: error.message,
      });
      return;
    }
    if (!(error instanceof IngestError)) throw error;
    await context.store.discardStaged(upload.key);
    await drainRequest(request);
    context.emit({
      type: "request-rejected",
      method: "PUT",
      path: request.url?.split("?")[0] ?? "",
      key: upload.key,
      status: error.status,
      code: error.code,
      message: error.message,
    });
    sendError(request, response, error);
    void sendErrorCallback(upload.key, error.message, context).catch(
      (callbackError: unknown) =>
        context.emit({
          type: "callback-failed",
          key: upload.key,
          message: `The error hook failed: ${describeError(callbackError)}`,
        }),
    );
  }
}

async function storeBody(
  request: IncomingMessage,
  upload: PresignedUpload,
  offset: number,
  multipart: MultipartFileReader | null,
  context: TransferContext,
  fault: ActiveFault | null,
): Promise<MultipartFileInfo | null> {
  const writer = await context.store.openStaging(upload, offset);
  context.emit({
    type: "transfer-started",
    key: upload.key,
    name: upload.name,
    offset,
  });
  let fileInfo: MultipartFileInfo | null;
  try {
    fileInfo = await readUploadBody({
      request,
      writer,
      size: upload.size,
      key: upload.key,
      multipart,
      faults: context.faults,
      fault: fault === null ? null : withFaultEvent(fault, upload.key, context),
      onProgress: (received) =>
        context.emit({
          type: "transfer-progress",
          key: upload.key,
          received,
          size: upload.size,
        }),
    });
  } finally {
    await writer.close();
  }
  if (writer.received !== upload.size) {
    throw new IngestError(
      "BAD_REQUEST",
      `Body for key ${upload.key} ended after ${writer.received} of the ` +
        `${upload.size} bytes announced in x-ut-file-size. Upload the whole file.`,
    );
  }
  return fileInfo;
}

/** Body of a successful `PUT`, read by the UploadThing client. */
function uploadResponse(
  stored: StoredUpload,
  context: TransferContext,
  serverData: unknown,
) {
  const { url, appUrl, ufsUrl } = context.fileUrls(stored.key);
  return {
    url,
    appUrl,
    ufsUrl,
    fileHash: stored.fileHash,
    serverData: serverData ?? null,
  };
}

/**
 * Waits for an earlier transfer of the same key to end, and aborts it after
 * a short wait: a paused client's old connection may not have closed yet.
 */
async function takeOver(key: string, context: TransferContext): Promise<void> {
  const previous = context.active.get(key);
  if (previous === undefined) return;
  const ended = await Promise.race([
    previous.done.then(() => true),
    delay(TAKEOVER_WAIT_MS).then(() => false),
  ]);
  if (!ended) {
    previous.abort();
    await previous.done;
  }
}

function withFaultEvent(
  fault: ActiveFault,
  key: string,
  context: TransferContext,
): ActiveFault {
  return {
    ...fault,
    trigger: (triggeredKey) => {
      context.emit({ type: "fault-injected", key, fault: fault.fault.kind });
      fault.trigger(triggeredKey);
    },
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
