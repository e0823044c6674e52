import { formatIngestEvent } from "./log-format";
import type { IngestEvent } from "./types";

/** Output streams of the command's log. */
export interface LogOutput {
  info: (line: string) => void;
  error: (line: string) => void;
}

/** Time in which an identical line counts as a repeat, in ms. */
const REPEAT_WINDOW_MS = 10_000;

/** An event logger for the `dropsync ingest` command. */
export interface IngestLogger {
  log: (event: IngestEvent) => void;
  /** Prints the count of repeats still held back. */
  flush: () => void;
}

/**
 * Creates the command's event logger. A line identical to the previous one
 * within 10 s, such as a client retrying a rejected URL, is counted instead
 * of printed, and the count follows once another line arrives or on flush.
 */
export function createIngestLogger(
  output: LogOutput,
  now: () => number = Date.now,
): IngestLogger {
  let previous: { text: string; isError: boolean; at: number } | null = null;
  let repeats = 0;

  const flush = () => {
    if (previous !== null && repeats > 0) {
      const write = previous.isError ? output.error : output.info;
      write(`[ingest] (the previous line repeated ${repeats} more times)`);
    }
    repeats = 0;
  };

  const log = (event: IngestEvent) => {
    const line = formatIngestEvent(event);
    if (line === null) return;
    const time = now();
    if (
      previous !== null &&
      previous.text === line.text &&
      time - previous.at < REPEAT_WINDOW_MS
    ) {
      repeats += 1;
      previous.at = time;
      return;
    }
    flush();
    previous = { ...line, at: time };
    const write = line.isError ? output.error : output.info;
    write(`[ingest] ${line.text}`);
  };

  return { log, flush };
}
