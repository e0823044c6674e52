import { readFile } from "node:fs/promises";
import path from "node:path";

/** Long frames to print per subject, longest first. */
const PRINTED_FRAME_COUNT = 8;
/** Scripts shorter than this are left out of a printed frame, in ms. */
const MIN_PRINTED_SCRIPT_MS = 2;

/**
 * Returns `line:column` (both from 1) of `charPosition` in the page file
 * that `sourceURL` names, or "" when the script came from elsewhere.
 */
async function locateInBundle(pageDir, sourceURL, charPosition, cache) {
  if (charPosition < 0 || !sourceURL.startsWith("http")) return "";
  const relative = new URL(sourceURL).pathname;
  if (!cache.has(relative)) {
    const file = path.join(pageDir, path.normalize(relative));
    cache.set(relative, await readFile(file, "utf8").catch(() => ""));
  }
  const before = cache.get(relative).slice(0, charPosition).split("\n");
  return `${relative}:${before.length}:${before.at(-1).length + 1}`;
}

/**
 * Prints the longest animation frames of one subject's upload runs with
 * their script attribution. `runs` contains each run's `longFrames`. The
 * page in `pageDir` must be an unminified build, so function names are real.
 */
export async function printLongFrames(subject, runs, pageDir) {
  const frames = runs
    .flatMap((frames, run) => frames.map((frame) => ({ ...frame, run })))
    .sort((a, b) => b.duration - a.duration);
  console.log(
    `\n${subject}: ${frames.length} long animation frames in ${runs.length}` +
      ` upload runs, the ${Math.min(PRINTED_FRAME_COUNT, frames.length)} longest:`,
  );
  const cache = new Map();
  for (const frame of frames.slice(0, PRINTED_FRAME_COUNT)) {
    const scriptTotal = frame.scripts.reduce((sum, s) => sum + s.duration, 0);
    console.log(
      `  run ${frame.run + 1}, ${frame.startTime.toFixed(0)} ms after the drop:` +
        ` frame ${frame.duration.toFixed(0)} ms,` +
        ` blocking ${frame.blockingDuration.toFixed(0)} ms,` +
        ` scripts ${scriptTotal.toFixed(0)} ms,` +
        ` style, layout and paint ${frame.styleLayoutPaintDuration.toFixed(0)} ms`,
    );
    for (const script of frame.scripts) {
      if (script.duration < MIN_PRINTED_SCRIPT_MS) continue;
      const where = await locateInBundle(
        pageDir,
        script.sourceURL,
        script.sourceCharPosition,
        cache,
      );
      console.log(
        `    ${script.duration.toFixed(0).padStart(4)} ms ${script.invoker}` +
          ` → ${script.sourceFunctionName || "(anonymous)"} ${where}` +
          (script.forcedStyleAndLayoutDuration > 0
            ? ` (forced style and layout ${script.forcedStyleAndLayoutDuration.toFixed(0)} ms)`
            : ""),
      );
    }
  }
}
