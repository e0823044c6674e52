/** A file the emulator stored, as `uploads()` and the listing endpoint return it. */
export interface IngestUpload {
  key: string;
  name: string;
  /** Size in bytes. */
  size: number;
  /** Content-Type the file is served with. */
  type: string;
  customId: string | null;
  /** File route slug; null for server-side uploads. */
  slug: string | null;
  /** Middleware result the route handler registered; null without a route. */
  metadata: Record<string, unknown> | null;
  contentDisposition: "inline" | "attachment";
  acl: string | null;
  /** MD5 of the content in hex, like UploadThing's `fileHash`. */
  fileHash: string;
  /** Address that serves the file from the emulator. */
  ufsUrl: string;
  /** Absolute path of the stored bytes. */
  path: string;
  /** Time the last byte was stored, as an ISO 8601 string. */
  completedAt: string;
  /** `onUploadComplete` result once the route handler reported it. */
  serverData?: unknown;
}

/** A transfer that started but has not completed, kept for resuming. */
export interface IngestPartialUpload {
  key: string;
  name: string;
  /** Bytes stored so far; the next `HEAD` returns it as `x-ut-range-start`. */
  received: number;
  /** Announced size in bytes. */
  size: number;
  /** Whether a `PUT` is reading the body at this moment. */
  active: boolean;
}

/** Something that happened in the emulator, for logs and test waits. */
export type IngestEvent =
  | { type: "listening"; url: string }
  | {
      type: "metadata-registered";
      fileKeys: string[];
      slug: string;
      isDev: boolean;
      awaitServerData: boolean;
      callbackUrl: string;
    }
  | { type: "dev-stream-closed"; fileKeys: string[] }
  | { type: "transfer-started"; key: string; name: string; offset: number }
  | { type: "transfer-progress"; key: string; received: number; size: number }
  | {
      type: "transfer-interrupted";
      key: string;
      received: number;
      size: number;
      reason: string;
    }
  | { type: "upload-completed"; upload: IngestUpload }
  | { type: "callback-sent"; key: string; hook: "callback" | "error" }
  | { type: "callback-result"; key: string; serverData: unknown }
  | { type: "callback-failed"; key: string; message: string }
  | { type: "fault-injected"; key: string; fault: IngestFault["kind"] }
  | {
      type: "request-rejected";
      method: string;
      path: string;
      key: string | null;
      status: number;
      code: string;
      message: string;
    }
  | { type: "storage-failed"; key: string | null; message: string }
  | { type: "closed" };

/**
 * A fault the emulator applies to one `PUT`:
 * - `fail` reads the body, then responds with an error status (500 unless
 *   `status` is given) and discards the bytes;
 * - `stall` stops reading the body after `afterBytes` (default 0) until the
 *   fault is released or `durationMs` passes;
 * - `drop` closes the connection after `afterBytes` (default 0) body bytes,
 *   keeping what arrived so the client can resume.
 */
export type IngestFault =
  | { kind: "fail"; status?: number; message?: string }
  | { kind: "stall"; afterBytes?: number; durationMs?: number }
  | { kind: "drop"; afterBytes?: number };

/** Controls of one armed fault. */
export interface ArmedFault {
  /**
   * Resolves with the file key once the fault hits a `PUT`. It stays
   * pending when the body ends before `afterBytes`, since the fault then
   * never applies.
   */
  readonly triggered: Promise<string>;
  /** Ends a stall, or disarms the fault if it has not hit yet. */
  release(): void;
}
