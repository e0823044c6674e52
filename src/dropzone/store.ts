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
 * byte-progress listeners (the weighted total).
 */
export class FileStore {
  private rows = new Map<string, DropzoneFile>();
  private ids: readonly string[] = [];
  private summary: DropzoneSummary = EMPTY_SUMMARY;
  private rowListeners = new Map<string, Set<Listener>>();
  private structureListeners = new Set<Listener>();
  private progressListeners = new Set<Listener>();

  getIds = (): readonly string[] => this.ids;
  getSummary = (): DropzoneSummary => this.summary;
  get = (id: string): DropzoneFile | undefined => this.rows.get(id);
  list = (): DropzoneFile[] => this.ids.map((id) => this.rows.get(id)!);

  /** Weighted total in 0..100: bytes sent over bytes of non-rejected rows. */
  getTotalProgress = (): number => {
    let sent = 0;
    let total = 0;
    for (const row of this.rows.values()) {
      if (row.status === "rejected" || row.status === "canceled") continue;
      total += row.size;
      sent += (row.size * row.progress) / 100;
    }
    return total === 0 ? 0 : Math.round((sent / total) * 100);
  };

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
    for (const row of rows) {
      this.rows.set(row.id, row);
      counts[row.status] += 1;
    }
    this.ids = [...this.ids, ...rows.map((row) => row.id)];
    this.summary = counts;
    notify(this.structureListeners);
    notify(this.progressListeners);
  }

  /** Replaces fields of one row; unknown ids are ignored. */
  update(id: string, patch: Partial<DropzoneFile>): void {
    const row = this.rows.get(id);
    if (!row) return;
    const next = { ...row, ...patch };
    this.rows.set(id, next);
    notify(this.rowListeners.get(id));
    if (next.status !== row.status) {
      this.summary = {
        ...this.summary,
        [row.status]: this.summary[row.status] - 1,
        [next.status]: this.summary[next.status] + 1,
      };
      notify(this.structureListeners);
    }
    if (next.progress !== row.progress || next.status !== row.status) {
      notify(this.progressListeners);
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
      counts[row.status] -= 1;
      removed.add(id);
    }
    if (removed.size === 0) return;
    this.ids = this.ids.filter((id) => !removed.has(id));
    this.summary = counts;
    notify(this.structureListeners);
    notify(this.progressListeners);
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
