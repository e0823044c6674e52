import { createRoot } from "react-dom/client";
import { Dropzone } from "../../src";
import { createManyFiles } from "../../stories/support/files";
import { dropFiles } from "../../stories/support/interactions";
import { bulkRoute } from "../../stories/support/routes";
import { BaselineList } from "./baseline-list";
import {
  monitorLongFrames,
  monitorMainThread,
  nextPaint,
  waitForDom,
  type LongFrame,
  type MainThreadReport,
} from "./measure";
import "../../src/styles.css";

/**
 * UploadThing route handler that both subjects upload to. upload-server.ts
 * serves it on the page's origin, so the page sends no CORS requests to it.
 */
const ROUTE_HANDLER_URL = new URL("/api/uploadthing", window.location.origin)
  .href;

/** The component under test: dropsync's Dropzone or the baseline list. */
type Subject = "dropsync" | "baseline";

interface Selectors {
  area: string;
  /** Whether the list shows all `count` dropped files. */
  listComplete: (count: number) => boolean;
}

const SELECTORS: Record<Subject, Selectors> = {
  dropsync: {
    area: '[data-slot="dropzone-area"]',
    // Above 100 rows the Dropzone mounts only the rows in view; each carries
    // aria-setsize, the length of the whole list.
    listComplete: (count) =>
      document
        .querySelector('[data-slot="dropzone-file"]')
        ?.getAttribute("aria-setsize") === String(count),
  },
  baseline: {
    area: '[data-slot="baseline-area"][data-listening]',
    listComplete: (count) =>
      document.querySelectorAll('[data-slot="baseline-file"]').length === count,
  },
};

const params = new URLSearchParams(window.location.search);
const subject: Subject =
  params.get("subject") === "baseline" ? "baseline" : "dropsync";
const autoUpload = params.get("upload") === "auto";
const selectors = SELECTORS[subject];

let markUploadsDone = () => {};
let markUploadsFailed: (error: unknown) => void = () => {};
const uploadsDone = new Promise<void>((resolve, reject) => {
  markUploadsDone = resolve;
  markUploadsFailed = reject;
});

function dropArea(): Element {
  const area = document.querySelector(selectors.area);
  if (!area) throw new Error(`Drop area ${selectors.area} not found.`);
  return area;
}

/** Resolves with `performance.now()` at the moment the next drop fires. */
function timeOfNextDrop(): Promise<number> {
  return new Promise((resolve) =>
    document.addEventListener("drop", () => resolve(performance.now()), {
      capture: true,
      once: true,
    }),
  );
}

/** Times a drop of `count` files until the list shows all of them. */
async function measureDrop(count: number) {
  const files = createManyFiles(count);
  const dropped = timeOfNextDrop();
  await dropFiles(dropArea(), files);
  const start = await dropped;
  await waitForDom(() => selectors.listComplete(count), 30_000);
  const rowsInDom = performance.now() - start;
  await nextPaint();
  return { rowsInDom, painted: performance.now() - start };
}

/**
 * Drops `count` files that upload at once and watches the main thread.
 * With `withLongFrames`, the result also lists the long animation frames.
 */
async function measureUpload(
  count: number,
  withLongFrames = false,
): Promise<MainThreadReport & { total: number; longFrames?: LongFrame[] }> {
  const files = createManyFiles(count);
  // Creating 200 File objects took 56 to 146 ms in Chromium 156 on the
  // 2-CPU machine of the README's runs, mostly off the CPU, and a long-task
  // observer reports the task it was started in. Watching starts in a later
  // task, so this setup does not count as the subject's work.
  await nextPaint();
  performance.mark("bench:monitor-start");
  const stopMonitor = monitorMainThread();
  const stopLongFrames = withLongFrames ? monitorLongFrames() : undefined;
  const dropped = timeOfNextDrop();
  await dropFiles(dropArea(), files);
  const start = await dropped;
  await uploadsDone;
  const total = performance.now() - start;
  performance.mark("bench:monitor-end");
  // Frame start times become ms since the drop event.
  const longFrames = stopLongFrames?.().map((frame) => ({
    ...frame,
    startTime: frame.startTime - start,
  }));
  return { ...stopMonitor(), total, longFrames };
}

declare global {
  interface Window {
    benchmark: {
      ready: Promise<void>;
      measureDrop: typeof measureDrop;
      measureUpload: typeof measureUpload;
    };
  }
}

async function mount(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root not found.");
  createRoot(root).render(
    subject === "baseline" ? (
      <BaselineList
        url={ROUTE_HANDLER_URL}
        autoUpload={autoUpload}
        onUploadsDone={markUploadsDone}
        onUploadsFailed={markUploadsFailed}
      />
    ) : (
      <Dropzone
        endpoint="bulkUploader"
        url={ROUTE_HANDLER_URL}
        routeConfig={bulkRoute}
        mode={autoUpload ? "auto" : "manual"}
        concurrency={6}
        onBatchComplete={markUploadsDone}
        onUploadError={(error) =>
          markUploadsFailed(error.cause ?? error.message)
        }
      />
    ),
  );
  await waitForDom(
    () => document.querySelector(selectors.area) !== null,
    10_000,
  );
}

window.benchmark = { ready: mount(), measureDrop, measureUpload };
