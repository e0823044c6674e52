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
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
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
    for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
    observer.disconnect();
    return {
      longestLongTask: Math.max(0, ...longTasks),
      longTaskCount: longTasks.length,
      longestEventLoopGap: longestGap,
    };
  };
}
