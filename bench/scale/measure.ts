/** Resolves once `condition` holds, checking after every DOM change. */
export function waitForDom(
  condition: () => boolean,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`DOM condition not met within ${timeoutMs} ms.`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
}

/** Resolves after the next frame has been painted. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(resolve, 0)),
  );
}

/** Main-thread blocking seen while a monitor ran, in milliseconds. */
export interface MainThreadReport {
  /** Longest `longtask` entry; 0 when no task reached Chromium's 50 ms. */
  longestLongTask: number;
  /** Count of `longtask` entries (tasks of 50 ms or more). */
  longTaskCount: number;
  /**
   * Maximum gap between two turns of a zero-delay timer loop: an upper
   * bound of the longest task, including tasks under 50 ms. Chromium clamps
   * nested timers to 4 ms, so an idle page shows about 4 ms.
   */
  longestEventLoopGap: number;
}

/**
 * Starts watching the main thread. The returned function stops watching
 * and returns what it saw.
 */
export function monitorMainThread(): () => MainThreadReport {
  const monitorStart = performance.now();
  const longTasks: number[] = [];
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      // Skip tasks that ended before this call, in case Chromium delivers
      // them late, as it does with long animation frames.
      if (entry.startTime + entry.duration < monitorStart) continue;
      longTasks.push(entry.duration);
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: "longtask" });

  let running = true;
  let longestGap = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);

  return () => {
    running = false;
    record(observer.takeRecords());
    observer.disconnect();
    return {
      longestLongTask: Math.max(0, ...longTasks),
      longTaskCount: longTasks.length,
      longestEventLoopGap: longestGap,
    };
  };
}

/** One script that ran in a long animation frame, as Chromium attributes it. */
export interface LongFrameScript {
  /** Entry point of the script, such as `XMLHttpRequest.onload`. */
  invoker: string;
  /** Function that the browser entered, "" when Chromium has no name. */
  sourceFunctionName: string;
  sourceURL: string;
  /** Character offset of that function in `sourceURL`, -1 when unknown. */
  sourceCharPosition: number;
  /** Run time of the script, in ms. */
  duration: number;
  /** Style and layout that the script forced, in ms. */
  forcedStyleAndLayoutDuration: number;
}

/** A `long-animation-frame` entry, reduced to what the diagnosis prints. */
export interface LongFrame {
  /** Start of the frame, a `performance.now()` time in ms. */
  startTime: number;
  /** Frame duration, in ms. */
  duration: number;
  /** Sum over the frame's tasks of the time past 50 ms, in ms. */
  blockingDuration: number;
  /** Style, layout and paint of the frame's rendering step, in ms. */
  styleLayoutPaintDuration: number;
  scripts: LongFrameScript[];
}

/** The fields of Chromium's `PerformanceLongAnimationFrameTiming` used here. */
interface LongAnimationFrameEntry extends PerformanceEntry {
  blockingDuration: number;
  styleAndLayoutStart: number;
  scripts: LongFrameScript[];
}

/**
 * Starts recording `long-animation-frame` entries (frames of 50 ms or more,
 * Chromium 123 and later) that end after this call. The returned function stops recording and
 * returns the frames.
 */
export function monitorLongFrames(): () => LongFrame[] {
  const monitorStart = performance.now();
  const frames: LongFrame[] = [];
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries as LongAnimationFrameEntry[]) {
      const frameEnd = entry.startTime + entry.duration;
      // Chromium also delivers frames that ended before observe().
      if (frameEnd < monitorStart) continue;
      frames.push({
        startTime: entry.startTime,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        styleLayoutPaintDuration:
          entry.styleAndLayoutStart > 0
            ? frameEnd - entry.styleAndLayoutStart
            : 0,
        scripts: entry.scripts.map((script) => ({
          invoker: script.invoker,
          sourceFunctionName: script.sourceFunctionName,
          sourceURL: script.sourceURL,
          sourceCharPosition: script.sourceCharPosition,
          duration: script.duration,
          forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
        })),
      });
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: "long-animation-frame" });
  return () => {
    record(observer.takeRecords());
    observer.disconnect();
    return frames;
  };
}
