import { invalidOption } from "./option-error";
import type { IngestEvent, IngestFault } from "./types";

/** Options of `startIngestEmulator`. */
export interface IngestEmulatorOptions {
  /** TCP port. 0, the default, picks a free one. */
  port?: number;
  /**
   * Interface to bind. Default: `127.0.0.1`, reachable from this machine
   * only.
   */
  host?: string;
  /**
   * Folder for stored files and their `.json` records, created if missing.
   * Default: a new temporary folder that `close()` deletes.
   */
  dir?: string;
  /** API key the token carries. Default: `DEFAULT_INGEST_API_KEY`. */
  apiKey?: string;
  /** App id the token carries. Default: `DEFAULT_INGEST_APP_ID`. */
  appId?: string;
  /**
   * Base of the file URLs (`ufsUrl`) when clients reach the emulator at
   * another address than `url`, for example through a proxy.
   */
  publicUrl?: string;
  /**
   * Time an upload waits for the route handler's `/route-metadata`, in ms.
   * Default: 10000.
   */
  metadataTimeoutMs?: number;
  /**
   * Time to wait for `/callback-result` after a callback, in ms. Default:
   * 60000.
   */
  callbackTimeoutMs?: number;
  /**
   * Max time a dev-mode callback stream stays open, in ms. Default: 3600000
   * (1 h).
   */
  devStreamTimeoutMs?: number;
  /** Faults to arm at start. `nth` counts `PUT`s from start (default 1). */
  faults?: Array<{ fault: IngestFault; nth?: number }>;
  /** Throughput limit per transfer, in bytes per second. Default: unlimited. */
  throttleBytesPerSecond?: number;
  /** Clock for presigned URL expiry checks, in ms since the epoch. */
  now?: () => number;
  /** Receives every event, for logging. */
  onEvent?: (event: IngestEvent) => void;
}

/** Maximum delay of `setTimeout`, in ms. Node turns longer ones into 1 ms. */
const MAX_TIMEOUT_MS = 2_147_483_647;

const OPTION_NAMES: ReadonlySet<string> = new Set<keyof IngestEmulatorOptions>([
  "port",
  "host",
  "dir",
  "apiKey",
  "appId",
  "publicUrl",
  "metadataTimeoutMs",
  "callbackTimeoutMs",
  "devStreamTimeoutMs",
  "faults",
  "throttleBytesPerSecond",
  "now",
  "onEvent",
]);

/** Options with their defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  metadataTimeoutMs: number;
  callbackTimeoutMs: number;
  devStreamTimeoutMs: number;
  now: () => number;
}

/**
 * Applies defaults and checks every option that needs no I/O. Throws an
 * `IngestOptionError` that names the option, its value and the fix.
 */
export function resolveOptions(
  options: IngestEmulatorOptions,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw invalidOption(
      "options",
      options,
      "pass an object such as { port: 4599 }, or nothing for the defaults.",
    );
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) {
      throw invalidOption(
        "option name",
        name,
        `startIngestEmulator accepts ${[...OPTION_NAMES].join(", ")}.`,
      );
    }
  }
  checkOptionalString(options.dir, "dir", "a folder path");
  checkPublicUrl(options.publicUrl);
  checkFunction(
    options.now,
    "now",
    "a function that returns ms since the epoch",
  );
  checkFunction(options.onEvent, "onEvent", "a function that takes an event");
  if (options.faults !== undefined && !Array.isArray(options.faults)) {
    throw invalidOption(
      "faults",
      options.faults,
      'pass an array such as [{ fault: { kind: "fail" }, nth: 1 }].',
    );
  }
  return {
    port: checkPort(options.port ?? 0),
    host: checkHost(options.host ?? "127.0.0.1"),
    metadataTimeoutMs: checkTimeout(
      options.metadataTimeoutMs,
      10_000,
      "metadataTimeoutMs",
    ),
    callbackTimeoutMs: checkTimeout(
      options.callbackTimeoutMs,
      60_000,
      "callbackTimeoutMs",
    ),
    devStreamTimeoutMs: checkTimeout(
      options.devStreamTimeoutMs,
      3_600_000,
      "devStreamTimeoutMs",
    ),
    now: options.now ?? Date.now,
  };
}

function checkPort(port: unknown): number {
  if (
    typeof port !== "number" ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535
  ) {
    throw invalidOption(
      "port",
      port,
      "pass an integer from 0 to 65535 (0 picks a free port).",
    );
  }
  return port;
}

function checkHost(host: unknown): string {
  if (typeof host !== "string" || host.trim() === "" || host !== host.trim()) {
    throw invalidOption(
      "host",
      host,
      "pass a local address or a hostname that resolves to one, such as " +
        "127.0.0.1.",
    );
  }
  return host;
}

function checkOptionalString(
  value: unknown,
  name: string,
  expected: string,
): void {
  if (value === undefined) return;
  if (typeof value !== "string" || value.trim() === "") {
    throw invalidOption(name, value, `pass ${expected}, or leave it out.`);
  }
}

function checkPublicUrl(value: unknown): void {
  if (value === undefined) return;
  const protocol =
    typeof value === "string" && URL.canParse(value)
      ? new URL(value).protocol
      : null;
  if (protocol !== "http:" && protocol !== "https:") {
    throw invalidOption(
      "publicUrl",
      value,
      "pass an http or https URL such as http://localhost:8080, or leave " +
        "it out to use the emulator's own url.",
    );
  }
}

function checkFunction(value: unknown, name: string, expected: string): void {
  if (value !== undefined && typeof value !== "function") {
    throw invalidOption(name, value, `pass ${expected}, or leave it out.`);
  }
}

function checkTimeout(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value <= 0 ||
    value > MAX_TIMEOUT_MS
  ) {
    throw invalidOption(
      name,
      value,
      `pass a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, or leave ` +
        `it out for ${fallback}.`,
    );
  }
  return value;
}
