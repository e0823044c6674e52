import { http, HttpResponse } from "msw";
import type { IngestUpload, UploadRequestLog } from "./request-log";
import type { ResolvedUploadNetworkScenario } from "./scenario";
import { delay } from "./delay";
import { INGEST_URL_PATTERN } from "./ingest-url";
import { onUploadAbort, reportUploadProgress } from "./upload-progress";

/**
 * Creates MSW handlers that respond like UploadThing's ingest server:
 * `HEAD` reports the resume offset (`x-ut-range-start`, always 0 here), and
 * `PUT` reads the multipart body at the scenario's rate, reporting progress,
 * then ends as `scenario.ingestOutcome` decides.
 */
export function createIngestHandlers(
  scenario: ResolvedUploadNetworkScenario,
  log: UploadRequestLog,
) {
  const attemptsByName = new Map<string, number>();

  const head = http.head(INGEST_URL_PATTERN, () => {
    return new HttpResponse(null, { headers: { "x-ut-range-start": "0" } });
  });

  const put = http.put(INGEST_URL_PATTERN, async ({ request, params }) => {
    const url = new URL(request.url);
    const name = url.searchParams.get("x-ut-file-name") ?? "";
    const attempt = (attemptsByName.get(name) ?? 0) + 1;
    attemptsByName.set(name, attempt);
    const outcome = scenario.ingestOutcome({ name, attempt });
    const upload: IngestUpload = { name, attempt, outcome };
    log.ingestUploads.push(upload);

    const aborted = new AbortController();
    const removeAbortListener = onUploadAbort(request.url, () => {
      upload.outcome = "canceled";
      aborted.abort();
    });
    try {
      // The multipart body, boundary included, is what XHR progress counts.
      const total = (await request.arrayBuffer()).byteLength;
      const stopAt =
        outcome === "stall"
          ? Math.floor(total * scenario.stallAtFraction)
          : total;
      await transmit(scenario, request.url, stopAt, total, aborted.signal);

      if (outcome === "stall") {
        await new Promise((resolve) => {
          aborted.signal.addEventListener("abort", resolve);
        });
      }
      if (aborted.signal.aborted) return HttpResponse.error();
      if (outcome === "fail") {
        return HttpResponse.json(
          { error: "Ingest server failed to store the file" },
          { status: 500 },
        );
      }
      const key = String(params.key);
      const fileUrl = new URL(`/__uploadthing-files/${key}`, url.origin).href;
      return HttpResponse.json({
        url: fileUrl,
        appUrl: fileUrl,
        ufsUrl: fileUrl,
        fileHash: key,
        serverData: null,
      });
    } finally {
      removeAbortListener();
    }
  });

  return [head, put];
}

/** Reports progress from 0 to `stopAt` of `total` bytes at the scenario rate. */
async function transmit(
  scenario: ResolvedUploadNetworkScenario,
  url: string,
  stopAt: number,
  total: number,
  signal: AbortSignal,
): Promise<void> {
  const bytesPerEvent = Math.max(
    1,
    Math.round((scenario.bytesPerSecond * scenario.progressIntervalMs) / 1000),
  );
  let loaded = 0;
  while (loaded < stopAt && !signal.aborted) {
    await delay(scenario.progressIntervalMs, signal);
    if (signal.aborted) return;
    loaded = Math.min(stopAt, loaded + bytesPerEvent);
    reportUploadProgress(url, loaded, total);
  }
}
