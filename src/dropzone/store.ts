import { scheduleFrame } from "./schedule";
import type { DropzoneFile, DropzoneFileStatus } from "./types";

type Listener = () => void;

/** Count of rows per status, replaced only when a status changes. */
export type DropzoneSummary = Readonly<Record<DropzoneFileStatus, number>>;

const EMPTY_SUMMARY: DropzoneSummary = {
  queued: 0,
  uploading: 0,
  complete: 0,
  error: 0,
  canceled: 0,
  rejected: 0,
};

/**
 * Holds the rows of one Dropzone outside React, with three subscription
 * channels so a progress event re-renders only what shows it: per-row
 * listeners, structure listeners (row ids and status counts) and
 * byte-progress listeners (the weighted total). Changes of status and of
 * the row list notify at once. Changes of progress alone notify once per
 * animation frame, however many upload progress events arrived.
 */
export class FileStore {
  private rows = new Map<string, DropzoneFile>();
  private ids: readonly string[] = [];
  private summary: DropzoneSummary = EMPTY_SUMMARY;
  private rowListeners = new Map<string, Set<Listener>>();
  private structureListeners = new Set<Listener>();
  private progressListeners = new Set<Listener>();
  /** Rows whose progress changed since the last notification. */
  private progressChanged = new Set<string>();
  private cancelProgressFrame: (() => void) | undefined;
  /** Sum of `size` over rows that count towards the total, in bytes. */
  private totalBytes = 0;
  /** Sum of `size * progress` over the same rows, in bytes times percent. */
  private sentBytePercent = 0;

  getIds = (): readonly string[] => this.ids;
  getSummary = (): DropzoneSummary => this.summary;
  get = (id: string): DropzoneFile | undefined => this.rows.get(id);
  list = (): DropzoneFile[] => this.ids.map((id) => this.rows.get(id)!);

  /** Weighted total in 0..100: bytes sent over bytes of non-rejected rows. */
  getTotalProgress = (): number =>
    this.totalBytes === 0
      ? 0
      : Math.round(this.sentBytePercent / this.totalBytes);

  subscribe = (listener: Listener): (() => void) =>
    subscribeTo(this.structureListeners, listener);

  subscribeProgress = (listener: Listener): (() => void) =>
    subscribeTo(this.progressListeners, listener);

  subscribeRow = (id: string, listener: Listener): (() => void) => {
    let listeners = this.rowListeners.get(id);
    if (!listeners) {
      listeners = new Set();
      this.rowListeners.set(id, listeners);
    }
    return subscribeTo(listeners, listener);
  };

  /** Appends rows in order, notifying once. */
  add(rows: readonly DropzoneFile[]): void {
    if (rows.length === 0) return;
    const counts = { ...this.summary };
    const ids = [...this.ids];
    for (const row of rows) {
      this.rows.set(row.id, row);
      this.countBytes(row, 1);
      counts[row.status] += 1;
      ids.push(row.id);
    }
    this.ids = ids;
    this.summary = counts;
    this.notifyStructure();
  }

  /** Replaces fields of one row. Unknown ids are ignored. */
  update(id: string, patch: Partial<DropzoneFile>): void {
    this.updateMany([[id, patch]]);
  }

  /** Replaces fields of several rows, notifying each channel once. */
  updateMany(
    patches: Iterable<readonly [string, Partial<DropzoneFile>]>,
  ): void {
    let counts: Record<DropzoneFileStatus, number> | undefined;
    const changed: string[] = [];
    let progressOnly = false;
    for (const [id, patch] of patches) {
      const row = this.rows.get(id);
      if (!row) continue;
      const next = { ...row, ...patch };
      this.rows.set(id, next);
      this.countBytes(row, -1);
      this.countBytes(next, 1);
      if (next.status !== row.status) {
        counts ??= { ...this.summary };
        counts[row.status] -= 1;
        counts[next.status] += 1;
        changed.push(id);
      } else if (next.progress !== row.progress) {
        this.progressChanged.add(id);
        progressOnly = true;
      } else {
        changed.push(id);
      }
    }
    for (const id of changed) notify(this.rowListeners.get(id));
    if (counts) {
      this.summary = counts;
      this.notifyStructure();
    } else if (progressOnly) {
      this.cancelProgressFrame ??= scheduleFrame(() => this.flushProgress());
    }
  }

  remove(ids: readonly string[]): void {
    const counts = { ...this.summary };
    const removed = new Set<string>();
    for (const id of ids) {
      const row = this.rows.get(id);
      if (!row) continue;
      this.rows.delete(id);
      this.rowListeners.delete(id);
      this.progressChanged.delete(id);
      this.countBytes(row, -1);
      counts[row.status] -= 1;
      removed.add(id);
    }
    if (removed.size === 0) return;
    this.ids = this.ids.filter((id) => !removed.has(id));
    this.summary = counts;
    this.notifyStructure();
  }

  /** Sends pending progress notifications now instead of at the next frame. */
  flushProgress(): void {
    this.cancelProgressFrame?.();
    this.cancelProgressFrame = undefined;
    if (this.progressChanged.size === 0) return;
    const ids = [...this.progressChanged];
    this.progressChanged.clear();
    for (const id of ids) notify(this.rowListeners.get(id));
    notify(this.progressListeners);
  }

  private notifyStructure(): void {
    this.flushProgress();
    notify(this.structureListeners);
    notify(this.progressListeners);
  }

  private countBytes(row: DropzoneFile, sign: 1 | -1): void {
    if (row.status === "rejected" || row.status === "canceled") return;
    this.totalBytes += sign * row.size;
    this.sentBytePercent += sign * row.size * row.progress;
  }
}

function subscribeTo(set: Set<Listener>, listener: Listener): () => void {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

function notify(listeners: Set<Listener> | undefined): void {
  if (!listeners) return;
  for (const listener of [...listeners]) listener();
}
