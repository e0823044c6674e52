import type { ServerResponse } from "node:http";

import type { CallbackResultBody, RouteMetadataBody } from "./route-metadata";
import { signPayload } from "./signature";
import type { IngestEvent } from "./types";

/** Upload registration from one `/route-metadata` request. */
export interface RouteRegistration extends RouteMetadataBody {
  /** Emulator origin as the route handler addressed it; sent as `origin`. */
  origin: string;
  /** `x-uploadthing-version` of the route handler, echoed on callbacks. */
  handlerVersion: string | null;
  /** Open NDJSON response of a dev-mode registration. */
  devStream: ServerResponse | null;
  /** Keys whose callback has not finished. */
  unsettled: Set<string>;
}

/** Outcome of a completion callback. */
export type CallbackOutcome =
  { ok: true; serverData: unknown } | { ok: false; message: string };

/** File fields of the completion callback (`UploadedFileData`). */
export interface CallbackFile {
  key: string;
  name: string;
  size: number;
  type: string;
  customId: string | null;
  url: string;
  appUrl: string;
  ufsUrl: string;
  fileHash: string;
  lastModified: number;
}

interface CallbackSettings {
  apiKey: string;
  /** Time to wait for `/callback-result`, in ms. */
  resultTimeoutMs: number;
  /** Time a dev-mode stream stays open at most, in ms. */
  devStreamTimeoutMs: number;
  emit: (event: IngestEvent) => void;
}

interface PendingResult {
  resolve: (outcome: CallbackOutcome) => void;
  promise: Promise<CallbackOutcome>;
}

/**
 * Route registrations and the callbacks UploadThing sends to the app.
 *
 * Production mode (`isDev: false`): the emulator posts the signed callback
 * to `callbackUrl?slug=<slug>`. Dev mode (`isDev: true`): the route handler
 * keeps the `/route-metadata` response open, and the emulator writes one
 * `{payload, signature, hook}` JSON line per event, which the handler
 * forwards to itself. Either way the handler then posts `/callback-result`.
 */
export class CallbackHub {
  private readonly registrations = new Map<string, RouteRegistration>();
  private readonly registrationWaiters = new Map<
    string,
    Array<(registration: RouteRegistration) => void>
  >();
  private readonly pendingResults = new Map<string, PendingResult>();
  private readonly streams = new Set<ServerResponse>();

  constructor(private readonly settings: CallbackSettings) {}

  /** Stores a registration and, in dev mode, opens its NDJSON stream. */
  register(
    body: RouteMetadataBody,
    origin: string,
    handlerVersion: string | null,
    response: ServerResponse,
  ): void {
    const registration: RouteRegistration = {
      ...body,
      origin,
      handlerVersion,
      devStream: null,
      unsettled: new Set(body.fileKeys),
    };
    if (body.isDev) {
      registration.devStream = response;
      this.streams.add(response);
      response.writeHead(200, { "content-type": "application/x-ndjson" });
      response.flushHeaders();
      response.on("close", () => this.streams.delete(response));
      setTimeout(
        () => this.endStream(registration),
        this.settings.devStreamTimeoutMs,
      ).unref();
    }
    for (const key of body.fileKeys) {
      this.registrations.set(key, registration);
      for (const wake of this.registrationWaiters.get(key) ?? []) {
        wake(registration);
      }
      this.registrationWaiters.delete(key);
    }
    this.settings.emit({
      type: "metadata-registered",
      fileKeys: body.fileKeys,
      slug: body.callbackSlug,
      isDev: body.isDev,
      awaitServerData: body.awaitServerData,
      callbackUrl: body.callbackUrl,
    });
    if (body.fileKeys.length === 0) this.endStream(registration);
  }

  get(key: string): RouteRegistration | undefined {
    return this.registrations.get(key);
  }

  /**
   * Resolves with the registration of `key`. The route handler registers
   * keys in a request of its own that can reach the emulator after the
   * client's `PUT`, so a missing registration is awaited up to `timeoutMs`.
   */
  waitForRegistration(
    key: string,
    timeoutMs: number,
  ): Promise<RouteRegistration | undefined> {
    const registration = this.registrations.get(key);
    if (registration !== undefined) return Promise.resolve(registration);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const waiters = this.registrationWaiters.get(key) ?? [];
        this.registrationWaiters.set(
          key,
          waiters.filter((waiter) => waiter !== wake),
        );
        resolve(undefined);
      }, timeoutMs);
      timer.unref();
      const wake = (found: RouteRegistration) => {
        clearTimeout(timer);
        resolve(found);
      };
      const waiters = this.registrationWaiters.get(key) ?? [];
      waiters.push(wake);
      this.registrationWaiters.set(key, waiters);
    });
  }

  /**
   * Sends the completion callback of `file`. With `awaitServerData` it
   * resolves once `/callback-result` arrives (or fails or times out);
   * without, it resolves with `serverData: null` once the callback is sent.
   */
  async sendCompletion(
    registration: RouteRegistration,
    file: CallbackFile,
  ): Promise<CallbackOutcome> {
    const payload = JSON.stringify({
      status: "uploaded",
      file,
      origin: registration.origin,
      metadata: registration.metadata,
    });
    const pending = this.expectResult(file.key);
    const delivery = this.deliver(registration, file.key, "callback", payload);
    void delivery.then((failure) => {
      if (failure !== null) pending.resolve({ ok: false, message: failure });
    });
    void pending.promise.then((outcome) => {
      if (!outcome.ok) {
        this.settings.emit({
          type: "callback-failed",
          key: file.key,
          message: outcome.message,
        });
      }
      this.settle(registration, file.key);
    });
    if (!registration.awaitServerData) {
      const failure = await delivery;
      return failure === null
        ? { ok: true, serverData: null }
        : { ok: false, message: failure };
    }
    return pending.promise;
  }

  /** Sends the error callback that makes the route run `onUploadError`. */
  async sendError(
    registration: RouteRegistration,
    key: string,
    message: string,
  ): Promise<void> {
    const payload = JSON.stringify({ fileKey: key, error: message });
    const failure = await this.deliver(registration, key, "error", payload);
    if (failure !== null) {
      this.settings.emit({ type: "callback-failed", key, message: failure });
    }
    this.settle(registration, key);
  }

  /**
   * Applies a `/callback-result` body. Returns false when no callback for
   * its key is waiting.
   */
  acceptResult(body: CallbackResultBody): boolean {
    const pending = this.pendingResults.get(body.fileKey);
    if (pending === undefined) return false;
    this.pendingResults.delete(body.fileKey);
    if ("error" in body) {
      pending.resolve({ ok: false, message: body.error });
      return true;
    }
    this.settings.emit({
      type: "callback-result",
      key: body.fileKey,
      serverData: body.callbackData,
    });
    pending.resolve({ ok: true, serverData: body.callbackData });
    return true;
  }

  /** Ends every dev-mode stream and fails every waiting callback. */
  close(): void {
    for (const [key, pending] of this.pendingResults) {
      pending.resolve({
        ok: false,
        message: `The ingest emulator stopped before the callback result for ${key} arrived.`,
      });
    }
    this.pendingResults.clear();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private expectResult(key: string): PendingResult {
    let resolve: (outcome: CallbackOutcome) => void = () => {};
    const promise = new Promise<CallbackOutcome>((settle) => {
      resolve = settle;
    });
    const pending: PendingResult = { promise, resolve };
    this.pendingResults.set(key, pending);
    const timeoutMs = this.settings.resultTimeoutMs;
    const timer = setTimeout(() => {
      if (this.pendingResults.get(key) !== pending) return;
      this.pendingResults.delete(key);
      resolve({
        ok: false,
        message:
          `No /callback-result for ${key} within ${timeoutMs} ms after the callback. ` +
          "onUploadComplete probably threw or hangs; check the app's server log.",
      });
    }, timeoutMs);
    timer.unref();
    void promise.then(() => clearTimeout(timer));
    return pending;
  }

  /** Sends one hook; resolves with an error message, or null on success. */
  private async deliver(
    registration: RouteRegistration,
    key: string,
    hook: "callback" | "error",
    payload: string,
  ): Promise<string | null> {
    const signature = signPayload(payload, this.settings.apiKey);
    const stream = registration.devStream;
    if (registration.isDev) {
      if (stream === null || stream.writableEnded || stream.destroyed) {
        return (
          `The dev-mode stream of the route handler for ${key} is closed, so the ` +
          `${hook} hook cannot reach ${registration.callbackUrl}.`
        );
      }
      // One write per line: the handler parses each chunk it reads on its own.
      stream.write(`${JSON.stringify({ payload, signature, hook })}\n`);
      this.settings.emit({ type: "callback-sent", key, hook });
      return null;
    }
    return this.post(registration, key, hook, payload, signature);
  }

  private async post(
    registration: RouteRegistration,
    key: string,
    hook: "callback" | "error",
    payload: string,
    signature: string,
  ): Promise<string | null> {
    const url = new URL(registration.callbackUrl);
    url.searchParams.set("slug", registration.callbackSlug);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "uploadthing-hook": hook,
      "x-uploadthing-signature": signature,
    };
    if (registration.handlerVersion !== null) {
      headers["x-uploadthing-version"] = registration.handlerVersion;
    }
    this.settings.emit({ type: "callback-sent", key, hook });
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.settings.resultTimeoutMs),
      });
      const text = await response.text();
      if (response.ok) return null;
      return (
        `The ${hook} hook to ${url.href} failed with status ${response.status}: ` +
        text.slice(0, 300)
      );
    } catch (error) {
      return (
        `The ${hook} hook to ${url.href} failed: ${describeFetchError(error)}. ` +
        "Check that the app is running at that address."
      );
    }
  }

  private settle(registration: RouteRegistration, key: string): void {
    registration.unsettled.delete(key);
    if (registration.unsettled.size === 0) this.endStream(registration);
  }

  private endStream(registration: RouteRegistration): void {
    const stream = registration.devStream;
    if (stream === null || stream.writableEnded) return;
    stream.end();
    this.streams.delete(stream);
    this.settings.emit({
      type: "dev-stream-closed",
      fileKeys: registration.fileKeys,
    });
  }
}

/** Describes a fetch failure with the network error code undici keeps in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string"
    ? `${error.message} (${code})`
    : error.message;
}
