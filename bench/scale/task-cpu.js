/** Trace categories for top-level tasks and `performance.mark` entries. */
export const TASK_TRACE_CATEGORIES = ["toplevel", "blink.user_timing"];

/** Names of the marks that main.tsx sets around a monitored upload. */
const START_MARK = "bench:monitor-start";
const END_MARK = "bench:monitor-end";

/**
 * Returns the longest main-thread CPU time of one task, in ms, among the
 * tasks of a Chromium trace that end between the page's start and end
 * marks. A task's wall time also counts time the OS ran other processes,
 * so on a busy machine this value shows how much of a long task was the
 * page's own work.
 * @param {Buffer} traceBuffer output of `browser.stopTracing()`
 */
export function longestTaskCpuTime(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString("utf8"));
  const start = traceEvents.find((event) => event.name === START_MARK);
  const end = traceEvents.find((event) => event.name === END_MARK);
  if (start === undefined || end === undefined) {
    throw new Error(
      `The trace has no ${START_MARK} or ${END_MARK} mark. Check that the` +
        ` categories include blink.user_timing.`,
    );
  }
  let longest = 0;
  for (const event of traceEvents) {
    const isMainThreadTask =
      event.name === "ThreadControllerImpl::RunTask" &&
      event.ph === "X" &&
      event.pid === start.pid &&
      event.tid === start.tid;
    if (!isMainThreadTask) continue;
    const taskEnd = event.ts + event.dur;
    if (taskEnd < start.ts || taskEnd > end.ts) continue;
    longest = Math.max(longest, (event.tdur ?? 0) / 1000);
  }
  return longest;
}
