import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { CallbackHub } from "./callbacks";
import { IngestError } from "./errors";
import { FaultController } from "./faults";
import { respondToPreflight, sendError, setCorsHeaders } from "./http-utils";
import { resolveOptions, type IngestEmulatorOptions } from "./options";
import { routeRequest } from "./router";
import { prepareStorageDir } from "./storage-dir";
import { formatHost, listen, waitForEvent } from "./server-lifecycle";
import type { StoredUpload } from "./store";
import { UploadStore } from "./store";
import {
  assertValidApiKey,
  assertValidAppId,
  createIngestToken,
  DEFAULT_INGEST_API_KEY,
  DEFAULT_INGEST_APP_ID,
} from "./token";
import type { ActiveTransfer, TransferContext } from "./transfer";
import type {
  ArmedFault,
  IngestEvent,
  IngestFault,
  IngestPartialUpload,
  IngestUpload,
} from "./types";

/** Time open connections get to finish when the emulator closes, in ms. */
const CLOSE_GRACE_MS = 1_000;

/** A running ingest emulator. */
export interface IngestEmulator {
  /** Base address, such as `http://127.0.0.1:4599`; the `ingestUrl` to configure. */
  readonly url: string;
  /** `UPLOADTHING_TOKEN` value for the route handler. */
  readonly token: string;
  readonly apiKey: string;
  readonly appId: string;
  /** Folder of the stored files. */
  readonly dir: string;
  /** Lists completed uploads, oldest first. */
  uploads(): IngestUpload[];
  /** Lists transfers that started and have not completed. */
  partialUploads(): IngestPartialUpload[];
  /** Arms a fault for the `nth` `PUT` from now (default 1, the next one). */
  injectFault(fault: IngestFault, options?: { nth?: number }): ArmedFault;
  /** Fails the `nth` `PUT` from now with `status` (default 500). */
  failNthPut(nth?: number, status?: number): ArmedFault;
  /** Stops reading the `nth` `PUT` from now after `afterBytes` body bytes. */
  stallNthPut(
    nth?: number,
    options?: { afterBytes?: number; durationMs?: number },
  ): ArmedFault;
  /** Closes the connection of the `nth` `PUT` from now after `afterBytes` body bytes. */
  dropNthPut(nth?: number, options?: { afterBytes?: number }): ArmedFault;
  /** Limits each transfer to `bytesPerSecond`; null removes the limit. */
  setThrottle(bytesPerSecond: number | null): void;
  /** Disarms all faults and ends all stalls; the throttle stays. */
  clearFaults(): void;
  /** Calls `listener` for every event; returns a function that unsubscribes. */
  subscribe(listener: (event: IngestEvent) => void): () => void;
  /**
   * Resolves with the first future event of `type` that `predicate` accepts.
   * Rejects after `timeoutMs` (default 10000).
   */
  waitFor<TType extends IngestEvent["type"]>(
    type: TType,
    predicate?: (event: Extract<IngestEvent, { type: TType }>) => boolean,
    options?: { timeoutMs?: number },
  ): Promise<Extract<IngestEvent, { type: TType }>>;
  /**
   * Stops the server: open transfers are cut, dev-mode streams end, staged
   * partial files are deleted, and so is `dir` when the emulator created it.
   */
  close(): Promise<void>;
}

/**
 * Starts a local emulator of UploadThing's ingest service, which the real
 * `uploadthing` route handler and client use unchanged when the handler's
 * `ingestUrl` (or `UPLOADTHING_INGEST_URL`) is the emulator's `url` and its
 * token is the emulator's `token`.
 */
export async function startIngestEmulator(
  options: IngestEmulatorOptions = {},
): Promise<IngestEmulator> {
  const settings = resolveOptions(options);
  const apiKey = options.apiKey ?? DEFAULT_INGEST_API_KEY;
  const appId = options.appId ?? DEFAULT_INGEST_APP_ID;
  assertValidApiKey(apiKey);
  assertValidAppId(appId);
  const token = createIngestToken({ apiKey, appId });
  // Invalid fault options throw here, before any folder exists.
  const faults = new FaultController(options.throttleBytesPerSecond ?? null);
  for (const { fault, nth } of options.faults ?? []) faults.arm(fault, nth);

  const ownsDir = options.dir === undefined;
  const dir =
    options.dir === undefined
      ? await mkdtemp(join(tmpdir(), "dropsync-ingest-"))
      : resolve(options.dir);
  if (options.dir !== undefined) await prepareStorageDir(dir, options.dir);
  const stagingDir = await mkdtemp(join(tmpdir(), "dropsync-ingest-staging-"));
  const store = await UploadStore.open(dir, stagingDir);

  const listeners = new Set<(event: IngestEvent) => void>();
  if (options.onEvent !== undefined) listeners.add(options.onEvent);
  const emit = (event: IngestEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A failing log or test listener must not break the upload itself.
        console.error("dropsync ingest: an event listener threw", error);
      }
    }
  };
  let isClosing = false;
  const reportStorageError = (key: string | null) => (error: unknown) => {
    if (isClosing) return;
    emit({
      type: "storage-failed",
      key,
      message: error instanceof Error ? error.message : String(error),
    });
  };

  const callbacks = new CallbackHub({
    apiKey,
    resultTimeoutMs: settings.callbackTimeoutMs,
    devStreamTimeoutMs: settings.devStreamTimeoutMs,
    emit,
  });
  listeners.add((event) => {
    if (event.type === "callback-result") {
      void store
        .setServerData(event.key, event.serverData)
        .catch(reportStorageError(event.key));
    }
  });

  let baseUrl = "";
  const fileUrls = (key: string) => {
    const base = (options.publicUrl ?? baseUrl).replace(/\/$/, "");
    return {
      url: `${base}/f/${key}`,
      appUrl: `${base}/a/${appId}/${key}`,
      ufsUrl: `${base}/f/${key}`,
    };
  };
  const describe = (stored: StoredUpload): IngestUpload => ({
    ...stored,
    ufsUrl: fileUrls(stored.key).ufsUrl,
    path: store.filePath(stored.key),
  });
  const active = new Map<string, ActiveTransfer>();
  const transfers: TransferContext = {
    store,
    faults,
    callbacks,
    emit,
    metadataTimeoutMs: settings.metadataTimeoutMs,
    fileUrls,
    describe,
    active,
  };

  const server = createServer((request, response) => {
    void handleRequest(request, response);
  });
  // Slow uploads may take longer than Node's default 300 s request timeout.
  server.requestTimeout = 0;

  const handleRequest = async (
    request: IncomingMessage,
    response: ServerResponse,
  ) => {
    setCorsHeaders(response);
    if (request.method === "OPTIONS") {
      respondToPreflight(request, response);
      return;
    }
    try {
      await routeRequest(request, response, {
        apiKey,
        appId,
        selfOrigin: baseUrl,
        now: settings.now,
        store,
        callbacks,
        transfers,
        describe,
      });
    } catch (error) {
      const ingestError =
        error instanceof IngestError
          ? error
          : new IngestError(
              "INTERNAL_SERVER_ERROR",
              `The ingest emulator failed: ${error instanceof Error ? error.message : String(error)}`,
            );
      emit({
        type: "request-rejected",
        method: request.method ?? "",
        path: request.url?.split("?")[0] ?? "",
        key: null,
        status: ingestError.status,
        code: ingestError.code,
        message: ingestError.message,
      });
      sendError(request, response, ingestError);
    }
  };

  try {
    await listen(server, settings.port, settings.host);
  } catch (error) {
    await store.removeStaging();
    if (ownsDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const address = server.address() as AddressInfo;
  baseUrl = `http://${formatHost(settings.host)}:${address.port}`;

  const sweep = setInterval(() => {
    void store.discardExpired(settings.now()).catch(reportStorageError(null));
  }, 60_000);
  sweep.unref();
  emit({ type: "listening", url: baseUrl });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      isClosing = true;
      clearInterval(sweep);
      faults.clear();
      callbacks.close();
      const running = [...active.values()];
      for (const transfer of running) transfer.abort();
      // Ended dev-mode streams and PUT responses get a moment to flush
      // before the remaining connections are cut.
      const serverClosed = new Promise<void>((done) => {
        server.close(() => done());
      });
      server.closeIdleConnections();
      const forceClose = setTimeout(
        () => server.closeAllConnections(),
        CLOSE_GRACE_MS,
      );
      await serverClosed;
      clearTimeout(forceClose);
      await Promise.all(running.map((transfer) => transfer.done));
      await store.removeStaging();
      if (ownsDir) await rm(dir, { recursive: true, force: true });
      emit({ type: "closed" });
      listeners.clear();
    })();
    return closing;
  };

  return {
    url: baseUrl,
    token,
    apiKey,
    appId,
    dir,
    uploads: () => store.list().map(describe),
    partialUploads: () =>
      store.listStaged().map(({ upload, received }) => ({
        key: upload.key,
        name: upload.name,
        received,
        size: upload.size,
        active: active.has(upload.key),
      })),
    injectFault: (fault, faultOptions) => faults.arm(fault, faultOptions?.nth),
    failNthPut: (nth = 1, status = 500) =>
      faults.arm({ kind: "fail", status }, nth),
    stallNthPut: (nth = 1, stallOptions = {}) =>
      faults.arm({ kind: "stall", ...stallOptions }, nth),
    dropNthPut: (nth = 1, dropOptions = {}) =>
      faults.arm({ kind: "drop", ...dropOptions }, nth),
    setThrottle: (bytesPerSecond) => faults.setThrottle(bytesPerSecond),
    clearFaults: () => faults.clear(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor: (type, predicate, waitOptions) =>
      waitForEvent(
        listeners,
        type,
        predicate,
        waitOptions?.timeoutMs ?? 10_000,
      ),
    close,
  };
}
