/// <reference types="vite/client" />
import { setupWorker } from "msw/browser";
import { createIngestHandlers } from "./ingest";
import { isIngestUrl } from "./ingest-url";
import { createRequestLog, type UploadRequestLog } from "./request-log";
import { createRouteHandlerHandlers } from "./route-handler";
import { resolveScenario, type UploadNetworkScenario } from "./scenario";
import { installUploadProgressEvents } from "./upload-progress";

export type { UploadNetworkScenario, IngestOutcome } from "./scenario";
export type { UploadRequestLog } from "./request-log";

const worker = setupWorker();
let workerStarted: Promise<unknown> | undefined;
let requestLog = createRequestLog();

/**
 * Starts the MSW service worker that replaces UploadThing's servers.
 * Requests to a route handler URL or ingest URL that no scenario handles
 * fail loudly; every other request passes through.
 */
export function startUploadNetwork(): Promise<unknown> {
  installUploadProgressEvents(isIngestUrl);
  workerStarted ??= worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
    onUnhandledRequest(request, print) {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith("/api/") || isIngestUrl(request.url)) {
        print.error();
      }
    },
  });
  return workerStarted;
}

/** Replaces the handlers with the ones of `scenario` and clears the log. */
export function applyUploadNetworkScenario(
  scenario: UploadNetworkScenario,
): void {
  const resolved = resolveScenario(scenario);
  requestLog = createRequestLog();
  worker.resetHandlers(
    ...createRouteHandlerHandlers(resolved, requestLog),
    ...createIngestHandlers(resolved, requestLog),
  );
}

/** Returns the requests served since the current scenario was set. */
export function getUploadRequestLog(): UploadRequestLog {
  return requestLog;
}
