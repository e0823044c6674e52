/**
 * Runs `callback` in a later task, so the browser can handle input and paint
 * in between. Returns a function that cancels the call.
 */
export function scheduleTask(callback: () => void): () => void {
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}

/**
 * Runs `callback` before the next frame is painted, or after 16 ms where
 * there are no animation frames. Browsers pause animation frames in hidden
 * tabs, so the call waits until the tab shows again.
 */
export function scheduleFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame !== "function") {
    const timer = setTimeout(callback, 16);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(frame);
}

/** Time budget of one slice of work on the main thread, in milliseconds. */
export const SLICE_BUDGET_MS = 8;
