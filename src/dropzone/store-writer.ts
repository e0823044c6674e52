import { scheduleFrame } from "./schedule";
import type { FileStore } from "./store";
import type { DropzoneFile, DropzoneFileStatus } from "./types";

/**
 * Changes the rows of a FileStore and notifies its listeners. Changes of
 * status and of the row list notify at once. Changes of progress alone
 * notify once per animation frame, however many upload progress events
 * arrived.
 */
export class FileStoreWriter {
  /** Rows whose progress changed since the last notification. */
  private progressChanged = new Set<string>();
  private cancelProgressFrame: (() => void) | undefined;

  constructor(private readonly store: FileStore) {}

  /** Appends rows in order, notifying once. */
  add(rows: readonly DropzoneFile[]): void {
    if (rows.length === 0) return;
    const { store } = this;
    const counts = { ...store.summary };
    const ids = [...store.ids];
    for (const row of rows) {
      store.rows.set(row.id, row);
      this.countBytes(row, 1);
      counts[row.status] += 1;
      ids.push(row.id);
    }
    store.ids = ids;
    store.summary = counts;
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
    const { store } = this;
    let counts: Record<DropzoneFileStatus, number> | undefined;
    const changed: string[] = [];
    let progressOnly = false;
    for (const [id, patch] of patches) {
      const row = store.rows.get(id);
      if (!row) continue;
      const next = { ...row, ...patch };
      store.rows.set(id, next);
      this.countBytes(row, -1);
      this.countBytes(next, 1);
      if (next.status !== row.status) {
        counts ??= { ...store.summary };
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
    for (const id of changed) notify(store.rowListeners.get(id));
    if (counts) {
      store.summary = counts;
      this.notifyStructure();
    } else if (progressOnly) {
      this.cancelProgressFrame ??= scheduleFrame(() => this.flushProgress());
    }
  }

  /** Removes rows, notifying once. Unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    const { store } = this;
    const counts = { ...store.summary };
    const removed = new Set<string>();
    for (const id of ids) {
      const row = store.rows.get(id);
      if (!row) continue;
      store.rows.delete(id);
      store.rowListeners.delete(id);
      this.progressChanged.delete(id);
      this.countBytes(row, -1);
      counts[row.status] -= 1;
      removed.add(id);
    }
    if (removed.size === 0) return;
    store.ids = store.ids.filter((id) => !removed.has(id));
    store.summary = counts;
    this.notifyStructure();
  }

  /** Sends pending progress notifications now instead of at the next frame. */
  flushProgress(): void {
    this.cancelProgressFrame?.();
    this.cancelProgressFrame = undefined;
    if (this.progressChanged.size === 0) return;
    const ids = [...this.progressChanged];
    this.progressChanged.clear();
    for (const id of ids) notify(this.store.rowListeners.get(id));
    notify(this.store.progressListeners);
  }

  private notifyStructure(): void {
    this.flushProgress();
    notify(this.store.structureListeners);
    notify(this.store.progressListeners);
  }

  private countBytes(row: DropzoneFile, sign: 1 | -1): void {
    if (row.status === "rejected" || row.status === "canceled") return;
    this.store.totalBytes += sign * row.size;
    this.store.sentBytePercent += sign * row.size * row.progress;
  }
}

function notify(listeners: Set<() => void> | undefined): void {
  if (!listeners) return;
  for (const listener of [...listeners]) listener();
}
