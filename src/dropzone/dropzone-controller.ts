import type { ClientUploadedFileData } from "uploadthing/types";
import type { UploadController } from "./controller";
import { deferredModule, loadDeferredModule } from "./deferred-loader";
import type { DropzoneMessages } from "./messages";
import {
  fetchEndpointMetadata,
  selectRouteConfig,
  type RouteConfigState,
} from "./route-config";
import { Signal } from "./signal";
import { FileStore } from "./store";
import type {
  DropzoneEndpointMetadata,
  DropzoneFile,
  DropzoneRejection,
  DropzoneRouteConfigInput,
  DropzoneUploadError,
} from "./types";

type UploadedFile = ClientUploadedFileData<unknown>;

/** Settings and callbacks of a DropzoneController, refreshed on each render. */
export interface DropzoneControllerOptions {
  endpoint: string;
  input: unknown;
  url: string;
  headers: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined;
  routeConfig: DropzoneRouteConfigInput | DropzoneEndpointMetadata | undefined;
  mode: "auto" | "manual";
  /** Milliseconds without progress before an upload fails, or 0 for none. */
  stallTimeout: number;
  /** Max uploads in flight at once. */
  concurrency: number;
  messages: DropzoneMessages;
  onReject: ((rejections: DropzoneRejection[]) => void) | undefined;
  onFileComplete:
    ((file: DropzoneFile, result: UploadedFile) => void) | undefined;
  onBatchComplete: ((results: UploadedFile[]) => void) | undefined;
  onUploadError: ((error: DropzoneUploadError) => void) | undefined;
  onValueChange: ((value: UploadedFile[]) => void) | undefined;
  /** Whether the `value` prop is set: completed rows then follow it. */
  controlled: boolean;
}

/**
 * The state and actions of one Dropzone. Rows, the route config and the
 * live-region text live here, in the initial chunk, so the drop area
 * renders at once. Checks and uploads run in an UploadController from the
 * deferred chunk, which loads when the Dropzone mounts. Actions called
 * before it arrives run in order once it has, so no file is lost.
 */
export class DropzoneController {
  readonly store = new FileStore();
  readonly routeConfig = new Signal<RouteConfigState>({ status: "loading" });
  /** Latest text for the polite live region: completions, failures and rejections. */
  readonly announcement = new Signal<string>("");

  private uploads: UploadController | undefined;
  private pending: ((uploads: UploadController) => void)[] = [];
  /** Files in `pending`, for the message of a failed load. */
  private waitingFiles = 0;
  /** Message of the last failed load of the deferred chunk, until one succeeds. */
  private loadFailure: string | undefined;
  private configRequest: AbortController | undefined;
  /** Ends the wait for another Dropzone's load after a failed one. */
  private stopWaitingForOthers: (() => void) | undefined;

  constructor(public options: DropzoneControllerOptions) {
    // A config passed as a prop is ready on the first render, including the
    // server render, so the restrictions show without a loading flash.
    if (options.routeConfig) this.applyRouteConfig(options.routeConfig);
    const loaded = deferredModule.get();
    if (loaded) this.uploads = new loaded.UploadController(this);
  }

  /** Replaces settings and callbacks. The Dropzone calls it after each render. */
  setOptions(options: DropzoneControllerOptions): void {
    this.options = options;
  }

  /**
   * Loads the route config from the `routeConfig` option or from GET `url`,
   * and the deferred chunk alongside. The Dropzone calls it on mount.
   */
  loadRouteConfig(): void {
    this.loadUploads();
    this.configRequest?.abort();
    const { routeConfig, url, messages } = this.options;
    if (routeConfig) {
      this.applyRouteConfig(routeConfig);
      return;
    }
    if (!this.loadFailure) this.routeConfig.set({ status: "loading" });
    const request = new AbortController();
    this.configRequest = request;
    fetchEndpointMetadata(url, request.signal).then(
      (metadata) => {
        if (!request.signal.aborted) this.applyRouteConfig(metadata);
      },
      (error: unknown) => {
        if (request.signal.aborted || this.loadFailure) return;
        const message = messages.routeConfigFailed(url, describeError(error));
        this.routeConfig.set({ status: "error", message });
      },
    );
  }

  /** Adds dropped, picked or pasted files as rows and checks them. */
  addFiles(files: readonly File[]): void {
    if (files.length === 0) return;
    if (!this.uploads) this.waitingFiles += files.length;
    this.run((uploads) => uploads.addFiles(files));
  }

  /** Starts every queued row. The Upload button of manual mode calls it. */
  upload(): void {
    this.run((uploads) => uploads.upload());
  }

  /**
   * Cancels one row: a queued row never starts, an upload is aborted. Rows
   * in any other state, such as a completed one, are left as they are.
   */
  cancel(id: string): void {
    this.run((uploads) => uploads.cancel(id));
  }

  /** Cancels every queued row and every upload in flight. */
  cancelAll(): void {
    this.run((uploads) => uploads.cancelAll());
  }

  /**
   * Queues a failed or canceled row again, and auto mode also starts it. Rows
   * the server rejected as `upload-rejected` stay as they are.
   */
  retry(id: string): void {
    this.run((uploads) => uploads.retry(id));
  }

  /** Removes a row, aborting its upload first. */
  remove(id: string): void {
    this.run((uploads) => uploads.remove(id));
  }

  /**
   * Mirrors a controlled `value`: completed rows missing from it go away and
   * uploads in it that have no row get a completed row.
   */
  syncValue(value: readonly UploadedFile[]): void {
    this.run((uploads) => uploads.syncValue(value));
  }

  /**
   * Judges a drag from the MIME types the browser shows before the drop
   * (names stay hidden until then). False until the deferred chunk loads.
   */
  isDragRejected(types: readonly string[]): boolean {
    return this.uploads?.isDragRejected(types) ?? false;
  }

  /**
   * Aborts everything in flight and drops the actions still waiting for the
   * deferred chunk, so nothing uploads after the Dropzone has gone. The
   * Dropzone calls it on unmount.
   */
  dispose(): void {
    this.configRequest?.abort();
    this.pending = [];
    this.waitingFiles = 0;
    this.uploads?.dispose();
  }

  private run(action: (uploads: UploadController) => void): void {
    if (this.uploads) {
      action(this.uploads);
      return;
    }
    this.pending.push(action);
    this.loadUploads();
  }

  private loadUploads(): void {
    if (this.uploads) return;
    loadDeferredModule().then(
      (loaded) => {
        if (!this.uploads) {
          this.uploads = new loaded.UploadController(this);
          // The failed load's message gives way to the route config again.
          if (this.loadFailure) {
            this.loadFailure = undefined;
            this.loadRouteConfig();
          }
        }
        this.waitingFiles = 0;
        for (const action of this.pending.splice(0)) action(this.uploads);
      },
      (error: unknown) => {
        // The pending actions stay queued for the next load, which the next
        // action or mount starts.
        this.loadFailure = this.options.messages.scriptLoadFailed(
          describeError(error),
          this.waitingFiles,
        );
        this.routeConfig.set({ status: "error", message: this.loadFailure });
        // Another Dropzone on the page may load the chunk first. This one
        // then goes on with its waiting files too.
        this.stopWaitingForOthers ??= deferredModule.subscribe(() => {
          this.stopWaitingForOthers?.();
          this.stopWaitingForOthers = undefined;
          this.loadUploads();
        });
      },
    );
  }

  private applyRouteConfig(
    source: DropzoneRouteConfigInput | DropzoneEndpointMetadata,
  ): void {
    const { endpoint, url, messages } = this.options;
    const config = selectRouteConfig(source, endpoint);
    // A route config that arrives after a failed load keeps that failure
    // in view: without the chunk, no file can be checked or uploaded.
    if (this.loadFailure) return;
    this.routeConfig.set(
      config
        ? { status: "ready", config }
        : { status: "error", message: messages.unknownEndpoint(endpoint, url) },
    );
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
