import { invalidOption } from "./option-error";
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
    this.throttle = validateThrottle(
      throttleBytesPerSecond,
      "throttleBytesPerSecond",
    );
  }

  /** Throughput limit per transfer in bytes per second; null is unlimited. */
  get bytesPerSecond(): number | null {
    return this.throttle;
  }

  setThrottle(bytesPerSecond: number | null): void {
    this.throttle = validateThrottle(bytesPerSecond, "bytesPerSecond");
  }

  arm(fault: IngestFault, nth = 1): ArmedFault {
    if (!Number.isSafeInteger(nth) || nth < 1) {
      throw invalidOption(
        "nth",
        nth,
        "pass a whole number from 1 (the next PUT) upwards.",
      );
    }
    validateFault(fault);
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

function validateThrottle(
  bytesPerSecond: number | null,
  name: string,
): number | null {
  if (bytesPerSecond === null) return null;
  if (
    typeof bytesPerSecond !== "number" ||
    !Number.isFinite(bytesPerSecond) ||
    bytesPerSecond <= 0
  ) {
    throw invalidOption(
      name,
      bytesPerSecond,
      "pass a positive number of bytes per second, or null for no limit.",
    );
  }
  return bytesPerSecond;
}

/** Throws an `IngestOptionError` for a fault of unknown kind or field value. */
function validateFault(fault: IngestFault): void {
  const kind = (fault as { kind?: unknown } | null)?.kind;
  if (kind !== "fail" && kind !== "stall" && kind !== "drop") {
    throw invalidOption(
      "fault",
      fault,
      'pass { kind: "fail" }, { kind: "stall" } or { kind: "drop" }.',
    );
  }
  if (fault.kind === "fail" && fault.status !== undefined) {
    const { status } = fault;
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw invalidOption(
        "fault status",
        status,
        "pass an HTTP error status from 400 to 599, or leave it out for 500.",
      );
    }
  }
  if (fault.kind !== "fail" && fault.afterBytes !== undefined) {
    const { afterBytes } = fault;
    if (!Number.isSafeInteger(afterBytes) || afterBytes < 0) {
      throw invalidOption(
        "fault afterBytes",
        afterBytes,
        "pass a whole number of body bytes from 0, or leave it out for 0.",
      );
    }
  }
  if (fault.kind === "stall" && fault.durationMs !== undefined) {
    const { durationMs } = fault;
    if (!Number.isFinite(durationMs) || durationMs <= 0) {
      throw invalidOption(
        "fault durationMs",
        durationMs,
        "pass a positive number of milliseconds, or leave it out to stall " +
          "until release() or clearFaults().",
      );
    }
  }
}
