import type { DropzoneFile, DropzoneFileStatus } from "./types";

type Listener = () => void;

/** Count of rows per status, replaced only when a status changes. */
export type DropzoneSummary = Readonly<Record<DropzoneFileStatus, number>>;

/**
 * The rows of one Dropzone, held outside React, with three subscription
 * channels so a progress event re-renders only what shows it: per-row
 * listeners, structure listeners (row ids and status counts) and
 * byte-progress listeners (the weighted total). This is the read side,
 * which the parts use from the initial chunk; FileStoreWriter in the
 * deferred chunk changes the rows and notifies.
 */
export class FileStore {
  readonly rows = new Map<string, DropzoneFile>();
  ids: readonly string[] = [];
  summary: DropzoneSummary = {
    queued: 0,
    uploading: 0,
    complete: 0,
    error: 0,
    canceled: 0,
    rejected: 0,
  };
  readonly rowListeners = new Map<string, Set<Listener>>();
  readonly structureListeners = new Set<Listener>();
  readonly progressListeners = new Set<Listener>();
  /** Sum of `size` over rows that count towards the total, in bytes. */
  totalBytes = 0;
  /** Sum of `size * progress` over the same rows, in bytes times percent. */
  sentBytePercent = 0;

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
}

function subscribeTo(set: Set<Listener>, listener: Listener): () => void {
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
