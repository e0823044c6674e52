/*
 * Chromium fires no `xhr.upload` progress events for a request that a service
 * worker handles. On Chromium 156, an 8 MB PUT through a worker that read
 * the body in chunks produced zero events. UploadThing's client reads
 * per-file progress only from those events, so the emulated ingest server
 * reports the bytes it has read through this module, and the XMLHttpRequest
 * below dispatches them as `progress` events on its `upload` target. The
 * request itself, its body and its response still travel through the worker.
 */

/** Receives the bytes the ingest server has read of one request body. */
type UploadProgressListener = (loaded: number, total: number) => void;

const progressListeners = new Map<string, UploadProgressListener>();
const abortListeners = new Map<string, () => void>();

/** Sends `loaded` of `total` body bytes to the XMLHttpRequest for `url`. */
export function reportUploadProgress(
  url: string,
  loaded: number,
  total: number,
): void {
  progressListeners.get(url)?.(loaded, total);
}

/**
 * Calls `onAbort` once the XMLHttpRequest for `url` is aborted and returns a
 * function that removes the listener.
 */
export function onUploadAbort(url: string, onAbort: () => void): () => void {
  abortListeners.set(url, onAbort);
  return () => abortListeners.delete(url);
}

let installed = false;

/**
 * Replaces `window.XMLHttpRequest` with a subclass that dispatches the
 * progress that `reportUploadProgress` sends for requests to `isIngestUrl`.
 * All other requests behave like the native class. Safe to call again.
 */
export function installUploadProgressEvents(
  isIngestUrl: (url: string) => boolean,
): void {
  if (installed) return;
  installed = true;

  const NativeXMLHttpRequest = window.XMLHttpRequest;

  class XMLHttpRequestWithUploadProgress extends NativeXMLHttpRequest {
    #ingestUrl: string | undefined;

    override open(
      method: string,
      url: string | URL,
      async = true,
      username?: string | null,
      password?: string | null,
    ): void {
      const absoluteUrl = new URL(url, window.location.href).href;
      this.#ingestUrl = isIngestUrl(absoluteUrl) ? absoluteUrl : undefined;
      super.open(method, url, async, username, password);
    }

    override send(body?: Document | XMLHttpRequestBodyInit | null): void {
      const url = this.#ingestUrl;
      if (url !== undefined) {
        progressListeners.set(url, (loaded, total) => {
          const event = new ProgressEvent("progress", {
            lengthComputable: true,
            loaded,
            total,
          });
          this.upload.dispatchEvent(event);
        });
        this.addEventListener("loadend", () => progressListeners.delete(url));
      }
      super.send(body);
    }

    override abort(): void {
      const url = this.#ingestUrl;
      if (url !== undefined) {
        progressListeners.delete(url);
        abortListeners.get(url)?.();
      }
      super.abort();
    }
  }

  window.XMLHttpRequest = XMLHttpRequestWithUploadProgress;
}
