import type { IngestEvent, IngestFault } from "./types";

/** Options of `startIngestEmulator`. */
export interface IngestEmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`, reachable from this machine only. */
  host?: string;
  /**
   * Folder for stored files and their `.json` records; created if missing.
   * Default: a new temporary folder that `close()` deletes.
   */
  dir?: string;
  /** API key the token carries; default `DEFAULT_INGEST_API_KEY`. */
  apiKey?: string;
  /** App id the token carries; default `DEFAULT_INGEST_APP_ID`. */
  appId?: string;
  /**
   * Base of the file URLs (`ufsUrl`) when clients reach the emulator at
   * another address than `url`, for example through a proxy.
   */
  publicUrl?: string;
  /** Time an upload waits for the route handler's `/route-metadata`, in ms; default 10000. */
  metadataTimeoutMs?: number;
  /** Time to wait for `/callback-result` after a callback, in ms; default 60000. */
  callbackTimeoutMs?: number;
  /** Time a dev-mode callback stream stays open at most, in ms; default 3600000 (1 h). */
  devStreamTimeoutMs?: number;
  /** Faults to arm at start; `nth` counts `PUT`s from start (default 1). */
  faults?: Array<{ fault: IngestFault; nth?: number }>;
  /** Throughput limit per transfer, in bytes per second; default unlimited. */
  throttleBytesPerSecond?: number;
  /** Clock for presigned URL expiry checks, in ms since the epoch. */
  now?: () => number;
  /** Receives every event, for logging. */
  onEvent?: (event: IngestEvent) => void;
}

/** Options with their defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  metadataTimeoutMs: number;
  callbackTimeoutMs: number;
  devStreamTimeoutMs: number;
  now: () => number;
}

/** Applies defaults and rejects invalid numbers with the option's name. */
export function resolveOptions(
  options: IngestEmulatorOptions,
): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(
      `Invalid port ${port}: pass a whole number from 0 to 65535 (0 picks a free port).`,
    );
  }
  return {
    port,
    host: options.host ?? "127.0.0.1",
    metadataTimeoutMs: positive(
      options.metadataTimeoutMs,
      10_000,
      "metadataTimeoutMs",
    ),
    callbackTimeoutMs: positive(
      options.callbackTimeoutMs,
      60_000,
      "callbackTimeoutMs",
    ),
    devStreamTimeoutMs: positive(
      options.devStreamTimeoutMs,
      3_600_000,
      "devStreamTimeoutMs",
    ),
    now: options.now ?? Date.now,
  };
}

function positive(value: number | undefined, fallback: number, name: string) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `Invalid ${name} ${value}: pass a positive number of milliseconds.`,
    );
  }
  return value;
}
