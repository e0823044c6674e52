import type { ArmedFault, IngestFault } from "./types";

/** A fault waiting for its `PUT`, or hit and possibly still stalling. */
interface FaultEntry {
  fault: IngestFault;
  /** Number of the `PUT` it hits, counted from emulator start. */
  putNumber: number;
  released: boolean;
  releaseWaiters: Array<() => void>;
  resolveTriggered: (key: string) => void;
}

/** The fault a `PUT` runs with, and how to wait for a stall's end. */
export interface ActiveFault {
  fault: IngestFault;
  /** Marks the fault as hit by the transfer of `key`. */
  trigger(key: string): void;
  /** Resolves when the stall is released or its duration passed. */
  waitForRelease(): Promise<void>;
}

/**
 * Armed faults and the throughput limit. `PUT`s with a valid presigned URL
 * are numbered from 1; a fault armed with `nth: n` hits the n-th such `PUT`
 * after arming.
 */
export class FaultController {
  private putCount = 0;
  private readonly entries: FaultEntry[] = [];
  private readonly stalled = new Set<FaultEntry>();
  private throttle: number | null;

  constructor(throttleBytesPerSecond: number | null) {
    this.throttle = validateThrottle(throttleBytesPerSecond);
  }

  /** Throughput limit per transfer in bytes per second; null is unlimited. */
  get bytesPerSecond(): number | null {
    return this.throttle;
  }

  setThrottle(bytesPerSecond: number | null): void {
    this.throttle = validateThrottle(bytesPerSecond);
  }

  arm(fault: IngestFault, nth = 1): ArmedFault {
    if (!Number.isSafeInteger(nth) || nth < 1) {
      throw new RangeError(
        `Invalid nth ${nth}: pass a whole number from 1 (the next PUT) upwards.`,
      );
    }
    const putNumber = this.putCount + nth;
    if (this.entries.some((entry) => entry.putNumber === putNumber)) {
      throw new RangeError(
        `A fault is already armed for the PUT that nth ${nth} names. Release ` +
          "it, or arm this one for another PUT.",
      );
    }
    let resolveTriggered: (key: string) => void = () => {};
    const triggered = new Promise<string>((resolve) => {
      resolveTriggered = resolve;
    });
    const entry: FaultEntry = {
      fault,
      putNumber,
      released: false,
      releaseWaiters: [],
      resolveTriggered,
    };
    this.entries.push(entry);
    return {
      triggered,
      release: () => {
        releaseEntry(entry);
        this.remove(entry);
        this.stalled.delete(entry);
      },
    };
  }

  /** Counts a new `PUT` and returns the fault armed for it, if any. */
  nextPut(): ActiveFault | null {
    this.putCount += 1;
    const entry = this.entries.find(
      (candidate) => candidate.putNumber === this.putCount,
    );
    if (entry === undefined) return null;
    this.remove(entry);
    if (entry.fault.kind === "stall") this.stalled.add(entry);
    return {
      fault: entry.fault,
      trigger: (key) => entry.resolveTriggered(key),
      waitForRelease: () => waitForRelease(entry),
    };
  }

  /** Disarms every fault and ends every stall. */
  clear(): void {
    for (const entry of this.entries.splice(0)) releaseEntry(entry);
    this.releaseAllStalls();
  }

  /** Ends every stall in progress. */
  releaseAllStalls(): void {
    for (const entry of this.stalled) releaseEntry(entry);
    this.stalled.clear();
  }

  private remove(entry: FaultEntry): void {
    const index = this.entries.indexOf(entry);
    if (index !== -1) this.entries.splice(index, 1);
  }
}

function releaseEntry(entry: FaultEntry): void {
  entry.released = true;
  for (const wake of entry.releaseWaiters.splice(0)) wake();
}

function waitForRelease(entry: FaultEntry): Promise<void> {
  if (entry.released) return Promise.resolve();
  const durationMs =
    entry.fault.kind === "stall" ? entry.fault.durationMs : undefined;
  return new Promise((resolve) => {
    entry.releaseWaiters.push(resolve);
    if (durationMs !== undefined) {
      setTimeout(() => releaseEntry(entry), durationMs).unref();
    }
  });
}

function validateThrottle(bytesPerSecond: number | null): number | null {
  if (bytesPerSecond === null) return null;
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) {
    throw new RangeError(
      `Invalid throttle ${bytesPerSecond} bytes/s: pass a positive number, ` +
        "or null for no limit.",
    );
  }
  return bytesPerSecond;
}
