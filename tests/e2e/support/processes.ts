import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A child process started in its own process group, with its output. */
export interface GroupProcess {
  readonly child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process exits. */
  readonly exited: Promise<number | string>;
  /** Sends SIGTERM to the whole group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `command` as the leader of a new process group, so that `stop()`
 * also ends the processes it starts (`next start` runs a child server).
 */
export function spawnGroup(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): GroupProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });

  async function stop(graceMs = 5000): Promise<void> {
    if (child.pid === undefined) return;
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
    // The leader may exit before its children, so end any that are left.
    signalGroup(child.pid, "SIGKILL");
  }

  return { child, output: () => output, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Returns a TCP port that was free on localhost a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "localhost", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("No port was assigned."));
      });
    });
  });
}

/**
 * Polls `url` every 200 ms until it responds with a status below 500. Fails
 * after `timeoutMs`, or as soon as `process` exits, with its output.
 */
export async function waitForHttp(
  url: string,
  process: GroupProcess,
  timeoutMs = 60_000,
): Promise<void> {
  let exitedWith: number | string | undefined;
  void process.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + timeoutMs;
  let lastError = "no response";
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(
        `The process for ${url} exited (${exitedWith}) before it responded:\n${process.output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = `status ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${url} (${lastError}):\n${process.output()}`,
  );
}
