import { genUploader } from "uploadthing/client";
import type { ClientUploadedFileData } from "uploadthing/types";
import type { DropzoneController } from "./dropzone-controller";
import { isExtensionDecided } from "./file-rules";
import { mergeMessages, type DropzoneMessages } from "./messages";
import { rowMessages } from "./row-messages";
import { scheduleTask, SLICE_BUDGET_MS } from "./schedule";
import { FileStoreWriter } from "./store-writer";
import type {
  DropzoneErrorCode,
  DropzoneFile,
  DropzoneRejection,
  DropzoneRouteConfig,
} from "./types";
import {
  isFinalRejection,
  readServerMessage,
  readTransferFailure,
} from "./upload-errors";
import { FileAdmission, findShortfall, matchTypeKey } from "./validation";

type UploadedFile = ClientUploadedFileData<unknown>;

interface UploadJob {
  ids: string[];
  abort: AbortController;
  outcome: "canceled" | "stalled" | undefined;
  stallTimer: ReturnType<typeof setTimeout> | undefined;
}

/** One pass of the browser check over the waiting rows, in slices. */
interface CheckRun {
  admission: FileAdmission;
  /** Rejections of the whole pass, reported together when it ends. */
  rejections: DropzoneRejection[];
  /** Whether manual mode's Upload was pressed while the pass ran. */
  uploadRequested: boolean;
  cancelSlice: (() => void) | undefined;
}

let nextRowId = 0;

/** Most live-region texts of one task that are read out in full. */
const ANNOUNCED_IN_FULL = 5;

/**
 * Runs the uploads of one Dropzone: checks files against the route config,
 * queues them, uploads each through UploadThing's client with its own
 * AbortSignal, and records progress, results and errors in the
 * DropzoneController's FileStore. It lives in the deferred chunk.
 */
export class UploadController {
  private readonly store: DropzoneController["store"];
  private readonly writer: FileStoreWriter;
  private readonly routeConfig: DropzoneController["routeConfig"];
  private readonly announcement: DropzoneController["announcement"];

  /** Rows not yet checked, in the order they were added. */
  private unchecked = new Set<string>();
  private checkRun: CheckRun | undefined;
  /** Cancels the check pass that addFiles scheduled for the next task. */
  private cancelCheck: (() => void) | undefined;
  private cancelPump: (() => void) | undefined;
  /** Queued rows cleared to start, in start order. */
  private released = new Set<string>();
  private jobs = new Set<UploadJob>();
  private batchResults: UploadedFile[] = [];
  private batchStarted = false;
  private uploader: ReturnType<typeof genUploader> | undefined;
  private uploaderUrl = "";
  /** Live-region texts of the current task, announced together. */
  private announcements: string[] = [];

  constructor(private readonly host: DropzoneController) {
    this.store = host.store;
    this.writer = new FileStoreWriter(host.store);
    this.routeConfig = host.routeConfig;
    this.announcement = host.announcement;
    // Lives as long as the host, so the subscription is never removed.
    host.routeConfig.subscribe(() => {
      const state = this.routeConfig.get();
      if (state.status === "ready") {
        this.requeueConfigFailures();
        this.checkUnchecked();
      }
      if (state.status === "error") this.failUnchecked(state.message);
    });
  }

  private get options() {
    return this.host.options;
  }

  private mergedFrom: DropzoneMessages | undefined;
  private merged: DropzoneMessages | undefined;

  /**
   * Returns the Dropzone's messages merged over every English default.
   * Actions replayed when the chunk arrives run before the Dropzone renders
   * with the row defaults, so the controller merges them itself.
   */
  private get messages(): DropzoneMessages {
    const propMessages = this.options.messages;
    if (this.mergedFrom !== propMessages || !this.merged) {
      this.mergedFrom = propMessages;
      this.merged = mergeMessages(rowMessages, propMessages);
    }
    return this.merged;
  }

  /**
   * Adds dropped, picked or pasted files as queued rows in one pass, then
   * checks them in slices of about SLICE_BUDGET_MS, from the next task on,
   * and starts uploads in a later task. The drop's own task only adds and
   * renders the rows, so the browser handles input and paint in between.
   */
  addFiles(files: readonly File[]): void {
    if (files.length === 0) return;
    const rows = files.map((file) => this.createRow(file));
    this.writer.add(rows);
    for (const row of rows) this.unchecked.add(row.id);
    if (this.routeConfig.get().status === "error") {
      this.host.loadRouteConfig();
      return;
    }
    this.cancelCheck ??= scheduleTask(() => {
      this.cancelCheck = undefined;
      this.checkUnchecked();
    });
  }

  /** Starts every queued row. The Upload button of manual mode calls it. */
  upload(): void {
    if (this.cancelCheck) {
      // Starts the scheduled check now, so its pass records this request.
      this.cancelCheck();
      this.cancelCheck = undefined;
      this.checkUnchecked();
    }
    if (this.checkRun) this.checkRun.uploadRequested = true;
    for (const id of this.store.getIds()) {
      const row = this.store.get(id);
      if (row?.status === "queued" && !this.unchecked.has(id)) {
        this.release(id);
      }
    }
    this.schedulePump();
  }

  /**
   * Cancels one row: a queued row never starts, an upload is aborted. Rows
   * in any other state, such as a completed one, are left as they are.
   */
  cancel(id: string): void {
    const row = this.store.get(id);
    if (row?.status === "queued") {
      // A canceled row keeps its slot, also when it was not checked yet.
      if (this.unchecked.delete(id)) {
        this.checkRun?.admission.include({ ...row, status: "canceled" });
      }
      this.writer.update(id, { status: "canceled" });
      this.finishBatchIfIdle();
      return;
    }
    if (row?.status !== "uploading") return;
    const job = this.findJob(id);
    if (job) this.abortJob(job, "canceled");
  }

  /** Cancels every queued row and every upload in flight. */
  cancelAll(): void {
    for (const job of [...this.jobs]) this.abortJob(job, "canceled");
    for (const row of this.store.list()) {
      if (row.status === "queued") this.cancel(row.id);
    }
  }

  /**
   * Queues a failed or canceled row again, and auto mode also starts it. Rows
   * the server rejected as `upload-rejected` stay as they are.
   */
  retry(id: string): void {
    const row = this.store.get(id);
    if (row?.status !== "error" && row?.status !== "canceled") return;
    if (row.errorCode === "upload-rejected") return;
    this.writer.update(id, {
      status: "queued",
      progress: 0,
      reason: undefined,
      errorCode: undefined,
      attempt: row.attempt + 1,
    });
    if (row.errorCode === "route-config-failed") {
      this.unchecked.add(id);
      this.host.loadRouteConfig();
      return;
    }
    if (this.options.mode === "manual") return;
    this.release(id);
    this.schedulePump();
  }

  /** Removes a row, aborting its upload first. */
  remove(id: string): void {
    const row = this.store.get(id);
    if (!row) return;
    const job = this.findJob(id);
    if (job) this.abortJob(job, "canceled");
    // With a controlled `value`, a completed row leaves when the value
    // does: the Dropzone requests the change and the parent decides.
    if (row.status === "complete" && this.options.controlled) {
      this.emitValue(id);
      return;
    }
    const checked = !this.unchecked.delete(id);
    if (checked && row.status !== "rejected") {
      this.checkRun?.admission.exclude(row);
    }
    this.writer.remove([id]);
    if (row.status === "complete") this.emitValue();
    this.finishBatchIfIdle();
  }

  /**
   * Mirrors a controlled `value`: completed rows missing from it go away and
   * uploads in it that have no row get a completed row.
   */
  syncValue(value: readonly UploadedFile[]): void {
    const keys = new Set(value.map((file) => file.key));
    const listed = new Set<string>();
    const stale: string[] = [];
    for (const row of this.store.list()) {
      if (row.status !== "complete" || !row.result) continue;
      listed.add(row.result.key);
      if (!keys.has(row.result.key)) stale.push(row.id);
    }
    for (const id of stale)
      this.checkRun?.admission.exclude(this.store.get(id)!);
    this.writer.remove(stale);
    const restored = value
      .filter((file) => !listed.has(file.key))
      .map((file) => this.createRestoredRow(file));
    for (const row of restored) this.checkRun?.admission.include(row);
    this.writer.add(restored);
  }

  /**
   * Judges a drag from the MIME types the browser exposes before the drop.
   * It is rejected when a type is not allowed, when one route type gets more
   * files than it has free slots, or when all types together have too few.
   * Types that only the extension decides count in the last check only.
   */
  isDragRejected(types: readonly string[]): boolean {
    const state = this.routeConfig.get();
    if (state.status !== "ready") return false;
    const { config } = state;
    const allowedKeys = Object.keys(config);
    const free = this.freeSlots(config);
    const dragged = new Map<string, number>();
    for (const type of types) {
      if (isExtensionDecided(type)) continue;
      const key = matchTypeKey("", type, allowedKeys);
      if (!key) return true;
      dragged.set(key, (dragged.get(key) ?? 0) + 1);
    }
    for (const [key, count] of dragged) {
      if (count > (free.get(key) ?? 0)) return true;
    }
    let total = 0;
    for (const slots of free.values()) total += slots;
    return types.length > total;
  }

  /** Aborts everything in flight. The Dropzone calls it on unmount. */
  dispose(): void {
    this.cancelCheck?.();
    this.cancelCheck = undefined;
    this.checkRun?.cancelSlice?.();
    this.checkRun = undefined;
    this.cancelPump?.();
    this.cancelPump = undefined;
    // Queued rows lose their clearance and the batch its callback, so an
    // aborted job's cleanup starts no new upload and reports nothing.
    this.released.clear();
    this.batchStarted = false;
    this.batchResults = [];
    for (const job of [...this.jobs]) {
      clearTimeout(job.stallTimer);
      job.outcome = "canceled";
      job.abort.abort();
    }
  }

  /** Returns the free slots of each route type: rejected rows take none. */
  private freeSlots(config: DropzoneRouteConfig): Map<string, number> {
    const allowedKeys = Object.keys(config);
    const free = new Map(
      allowedKeys.map((key) => [key, config[key]!.maxFileCount]),
    );
    for (const row of this.store.list()) {
      if (row.status === "rejected") continue;
      const key = matchTypeKey(row.name, row.type, allowedKeys);
      if (key) free.set(key, Math.max(0, free.get(key)! - 1));
    }
    return free;
  }

  private createRow(file: File): DropzoneFile {
    nextRowId += 1;
    const id = `dropzone-file-${nextRowId}`;
    return {
      id,
      file,
      name: file.name,
      size: file.size,
      type: file.type,
      lastModified: file.lastModified,
      status: "queued",
      progress: 0,
      attempt: 1,
    };
  }

  private createRestoredRow(result: UploadedFile): DropzoneFile {
    nextRowId += 1;
    return {
      id: `dropzone-file-${nextRowId}`,
      file: undefined,
      name: result.name,
      size: result.size,
      type: result.type,
      lastModified: result.lastModified ?? 0,
      status: "complete",
      progress: 100,
      result,
      attempt: 1,
    };
  }

  /** Starts a check pass over the waiting rows unless one is running. */
  private checkUnchecked(): void {
    if (this.checkRun || this.unchecked.size === 0) return;
    const state = this.routeConfig.get();
    if (state.status !== "ready") return;
    this.checkRun = {
      admission: this.createAdmission(state.config),
      rejections: [],
      uploadRequested: false,
      cancelSlice: undefined,
    };
    this.checkSlice();
  }

  private createAdmission(config: DropzoneRouteConfig): FileAdmission {
    const checked = this.store
      .list()
      .filter((row) => !this.unchecked.has(row.id));
    return new FileAdmission(checked, config, this.messages);
  }

  /**
   * Checks waiting rows in order for about SLICE_BUDGET_MS, then yields to
   * the event loop and goes on in a later task until none are left.
   */
  private checkSlice(): void {
    const run = this.checkRun;
    if (!run) return;
    run.cancelSlice = undefined;

    const state = this.routeConfig.get();
    if (state.status !== "ready") {
      this.finishCheckRun();
      return;
    }
    if (state.config !== run.admission.config) {
      run.admission = this.createAdmission(state.config);
    }

    const deadline = performance.now() + SLICE_BUDGET_MS;
    const patches: [string, Partial<DropzoneFile>][] = [];
    for (const id of this.unchecked) {
      const row = this.store.get(id);
      if (row?.status !== "queued" || !row.file) {
        this.unchecked.delete(id);
        continue;
      }
      this.unchecked.delete(id);
      const verdict = run.admission.check(row.file);
      if (verdict.accepted) {
        if (this.options.mode === "auto" || run.uploadRequested) {
          this.release(id);
        }
      } else {
        const { code, message } = verdict;
        patches.push([
          id,
          { status: "rejected", rejection: code, reason: message },
        ]);
        run.rejections.push({ file: row.file, code, message });
      }
      if (performance.now() >= deadline) break;
    }
    this.writer.updateMany(patches);

    if (this.unchecked.size > 0) {
      run.cancelSlice = scheduleTask(() => this.checkSlice());
    } else {
      this.finishCheckRun();
    }
  }

  /** Reports the rejections of the pass at once, then starts uploads. */
  private finishCheckRun(): void {
    const run = this.checkRun;
    if (!run) return;
    run.cancelSlice?.();
    this.checkRun = undefined;
    const { rejections } = run;
    if (rejections.length > 0) {
      for (const rejection of rejections) this.announce(rejection.message);
      this.options.onReject?.(rejections);
    }
    this.schedulePump();
  }

  /**
   * Fails the rows waiting for a check, each with `onUploadError` and an
   * announcement, because no route config is there to check them with.
   */
  private failUnchecked(message: string): void {
    const rows = [...this.unchecked].map((id) => this.store.get(id)!);
    this.unchecked.clear();
    this.writer.updateMany(
      rows.map((row) => [
        row.id,
        { status: "error", errorCode: "route-config-failed", reason: message },
      ]),
    );
    for (const row of rows) {
      this.reportFailure(row.id, "route-config-failed", message, undefined);
    }
  }

  /**
   * Queues the rows that failed for want of a route config again, once one
   * has arrived, so they are checked like new files.
   */
  private requeueConfigFailures(): void {
    const rows = this.store
      .list()
      .filter((row) => row.errorCode === "route-config-failed");
    if (rows.length === 0) return;
    this.writer.updateMany(
      rows.map((row) => [
        row.id,
        {
          status: "queued",
          reason: undefined,
          errorCode: undefined,
          attempt: row.attempt + 1,
        },
      ]),
    );
    for (const row of rows) this.unchecked.add(row.id);
  }

  private release(id: string): void {
    this.released.add(id);
  }

  /** Runs `pump` in a later task, once however often it is requested. */
  private schedulePump(): void {
    this.cancelPump ??= scheduleTask(() => {
      this.cancelPump = undefined;
      this.pump();
    });
  }

  /**
   * Starts the next released row when a slot is free. It waits for a
   * running check pass, so a route that needs several files at once gets
   * every accepted file of the pass.
   */
  private pump(): void {
    const state = this.routeConfig.get();
    if (state.status !== "ready" || this.checkRun) return;
    const { config } = state;
    for (const id of this.released) {
      if (this.store.get(id)?.status !== "queued") this.released.delete(id);
    }
    if (this.released.size === 0) return;
    if (findShortfall(this.store.list(), config)) return;

    // UploadThing's server checks minFileCount per request, so a route that
    // needs several files at once gets one request for all of them.
    // NOTE: canceling one file of such a request cancels the whole request.
    const grouped = Object.values(config).some(
      (limits) => limits.minFileCount > 1,
    );
    if (grouped) {
      const ids = [...this.released];
      this.released.clear();
      this.start(ids);
      return;
    }
    // Starting an upload runs UploadThing's client for several
    // milliseconds, so each task starts one and the next waits its turn.
    const [id] = this.released;
    if (id === undefined || this.jobs.size >= this.options.concurrency) return;
    this.released.delete(id);
    this.start([id]);
    if (this.released.size > 0) this.schedulePump();
  }

  private start(ids: string[]): void {
    const rows = ids.map((id) => this.store.get(id)!);
    const job: UploadJob = {
      ids,
      abort: new AbortController(),
      outcome: undefined,
      stallTimer: undefined,
    };
    this.jobs.add(job);
    this.batchStarted = true;
    for (const id of ids) this.writer.update(id, { status: "uploading" });
    this.armStallTimer(job);

    const { endpoint, input, headers } = this.options;
    this.getUploader()
      .uploadFiles(endpoint, {
        files: rows.map((row) => row.file!),
        input,
        headers,
        signal: job.abort.signal,
        onUploadBegin: () => this.armStallTimer(job),
        onUploadProgress: ({ file, loaded }) => {
          this.armStallTimer(job);
          this.recordProgress(job, file, loaded);
        },
      } as Parameters<ReturnType<typeof genUploader>["uploadFiles"]>[1])
      .then(
        (results) => this.completeJob(job, results),
        (error: unknown) => this.failJob(job, error),
      )
      .finally(() => {
        clearTimeout(job.stallTimer);
        this.jobs.delete(job);
        this.schedulePump();
        this.finishBatchIfIdle();
      });
  }

  private getUploader(): ReturnType<typeof genUploader> {
    if (!this.uploader || this.uploaderUrl !== this.options.url) {
      this.uploaderUrl = this.options.url;
      this.uploader = genUploader({
        url: this.options.url,
        package: "dropsync",
      });
    }
    return this.uploader;
  }

  private recordProgress(job: UploadJob, file: File, loaded: number): void {
    // The job's own rows, by File object: the same File can also sit in a
    // rejected row, as a duplicate.
    const id = job.ids.find((jobId) => this.store.get(jobId)?.file === file);
    const row = id ? this.store.get(id) : undefined;
    if (!id || row?.status !== "uploading") return;
    // Browsers (and jsdom) count multipart overhead in `loaded`, so it can
    // pass the file size: clamp, and never move backwards.
    const ratio = row.size === 0 ? 1 : loaded / row.size;
    const progress = Math.min(100, Math.max(0, Math.round(ratio * 100)));
    if (progress > row.progress) this.writer.update(id, { progress });
  }

  private armStallTimer(job: UploadJob): void {
    clearTimeout(job.stallTimer);
    const timeout = this.options.stallTimeout;
    if (!(timeout > 0) || !Number.isFinite(timeout)) return;
    job.stallTimer = setTimeout(() => this.abortJob(job, "stalled"), timeout);
  }

  private abortJob(job: UploadJob, outcome: "canceled" | "stalled"): void {
    if (job.outcome) return;
    job.outcome = outcome;
    clearTimeout(job.stallTimer);
    const { messages } = this;
    const { stallTimeout } = this.options;
    for (const id of job.ids) {
      const row = this.store.get(id);
      if (row?.status !== "uploading") continue;
      if (outcome === "canceled") {
        this.writer.update(id, { status: "canceled" });
        continue;
      }
      const reason = messages.stalled(row.name, stallTimeout);
      this.markFailed(row, "stalled", reason, undefined);
    }
    job.abort.abort();
  }

  private completeJob(job: UploadJob, results: UploadedFile[]): void {
    if (job.outcome) return;
    job.ids.forEach((id, index) => {
      const result = results[index];
      const row = this.store.get(id);
      if (!result || row?.status !== "uploading") return;
      this.writer.update(id, { status: "complete", progress: 100, result });
      this.batchResults.push(result);
      this.announce(this.messages.announceComplete(row.name));
      this.options.onFileComplete?.(this.store.get(id)!, result);
    });
    this.emitValue();
  }

  private failJob(job: UploadJob, error: unknown): void {
    if (job.outcome) return;
    const { messages } = this;
    const transfer = readTransferFailure(error);
    const serverMessage = transfer ? undefined : readServerMessage(error);
    const code = isFinalRejection(error) ? "upload-rejected" : "upload-failed";
    for (const id of job.ids) {
      const row = this.store.get(id);
      if (row?.status !== "uploading") continue;
      const reason = transfer
        ? messages.transferFailed(row.name, transfer.status)
        : (serverMessage ?? messages.uploadFailed(row.name));
      this.markFailed(row, code, reason, error);
    }
  }

  private markFailed(
    row: DropzoneFile,
    code: DropzoneErrorCode,
    reason: string,
    cause: unknown,
  ): void {
    this.writer.update(row.id, { status: "error", errorCode: code, reason });
    this.reportFailure(row.id, code, reason, cause);
  }

  /** Announces a failed row and passes it to `onUploadError`. */
  private reportFailure(
    id: string,
    code: DropzoneErrorCode,
    reason: string,
    cause: unknown,
  ): void {
    const failed = this.store.get(id)!;
    this.announce(this.messages.announceFailed(failed.name, reason));
    this.options.onUploadError?.({
      file: failed,
      code,
      message: reason,
      cause,
    });
  }

  /**
   * Queues a live-region text. The texts of one task are announced
   * together as one text: up to ANNOUNCED_IN_FULL of them, or one fewer and
   * a count of the rest. So a request of several files is not cut to its
   * last text, and a large drop is not read out file by file.
   */
  private announce(text: string): void {
    if (this.announcements.push(text) > 1) return;
    queueMicrotask(() => {
      const texts = this.announcements;
      this.announcements = [];
      const announced =
        texts.length > ANNOUNCED_IN_FULL
          ? [
              ...texts.slice(0, ANNOUNCED_IN_FULL - 1),
              this.messages.announceMore(texts.length - ANNOUNCED_IN_FULL + 1),
            ]
          : texts;
      // Texts are joined with ". " unless one already ends a sentence.
      this.announcement.set(
        announced.reduce((joined, item) => {
          if (joined === "") return item;
          return /[.!?。]$/.test(joined)
            ? `${joined} ${item}`
            : `${joined}. ${item}`;
        }, ""),
      );
    });
  }

  private findJob(id: string): UploadJob | undefined {
    for (const job of this.jobs) if (job.ids.includes(id)) return job;
    return undefined;
  }

  private finishBatchIfIdle(): void {
    if (!this.batchStarted || this.jobs.size > 0) return;
    const waiting = [...this.released].some(
      (id) => this.store.get(id)?.status === "queued",
    );
    if (waiting) return;
    const results = this.batchResults;
    this.batchStarted = false;
    this.batchResults = [];
    this.options.onBatchComplete?.(results);
  }

  /** Calls `onValueChange` with every completed upload, except row `omitId`. */
  private emitValue(omitId?: string): void {
    const value = this.store
      .list()
      .flatMap((row) =>
        row.status === "complete" && row.result && row.id !== omitId
          ? [row.result]
          : [],
      );
    this.options.onValueChange?.(value);
  }
}
