import type { EndpointMetadata } from "uploadthing/types";

/** Result of one upload to the emulated ingest server. */
export type IngestOutcome =
  /** Every byte arrives and the server responds 200 with the file data. */
  | "complete"
  /** Every byte arrives, then the server responds 500. */
  | "fail"
  /** Bytes stop at `stallAtFraction`, and no response comes until cancel. */
  | "stall";

/** A route handler error, as UploadThing's default error formatter sends it. */
export interface RouteHandlerError {
  /** HTTP status of the response, for example 403 or 500. */
  status: number;
  /** `message` of the JSON body; the client puts the body in `error.cause`. */
  message: string;
  /** How many presign requests fail before one succeeds; all by default. */
  times?: number;
}

/**
 * Behaviour of the emulated UploadThing network in one story: the route
 * handler at `url` and the ingest server behind its presigned URLs.
 */
export interface UploadNetworkScenario {
  /** Body of `GET url`, as `extractRouterConfig(router)` returns it. */
  routerConfig: EndpointMetadata;
  /** Route handler URL, the Dropzone's `url`; `/api/uploadthing` by default. */
  url?: string;
  /** Milliseconds before the route handler responds to GET and POST. */
  latencyMs?: number;
  /** Upload rate of the ingest server in bytes per second. */
  bytesPerSecond?: number;
  /** Milliseconds between two upload progress events. */
  progressIntervalMs?: number;
  /** Share of the body, 0 to 1, after which a stalled upload stops. */
  stallAtFraction?: number;
  /** Makes the route config request (`GET url`) fail. */
  routeConfigError?: RouteHandlerError;
  /** Makes the presign request (`POST url?actionType=upload`) fail. */
  presignError?: RouteHandlerError;
  /**
   * Decides how each ingest upload ends, from the file name and the attempt
   * number of that name (1 for the first upload, 2 for the first retry).
   */
  ingestOutcome?: (upload: { name: string; attempt: number }) => IngestOutcome;
}

/** The scenario values that have defaults, filled in. */
export type ResolvedUploadNetworkScenario = Required<
  Omit<UploadNetworkScenario, "presignError" | "routeConfigError">
> &
  Pick<UploadNetworkScenario, "presignError" | "routeConfigError">;

/** Default route handler URL of UploadThing's client and of the Dropzone. */
export const DEFAULT_ROUTE_HANDLER_URL = "/api/uploadthing";

/** Fills in the defaults: 40 ms latency, 2 MB/s, an event every 50 ms. */
export function resolveScenario(
  scenario: UploadNetworkScenario,
): ResolvedUploadNetworkScenario {
  return {
    url: DEFAULT_ROUTE_HANDLER_URL,
    latencyMs: 40,
    bytesPerSecond: 2_000_000,
    progressIntervalMs: 50,
    stallAtFraction: 0.4,
    ingestOutcome: () => "complete",
    ...scenario,
  };
}
