import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { build } from "esbuild";
import { UTApi, UTFile } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let workDir: string;
let cliPath: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "dropsync-ingest-cli-"));
  cliPath = join(workDir, "cli.mjs");
  await build({
    entryPoints: ["src/testing/cli.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: cliPath,
    logLevel: "silent",
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the CLI to completion and returns its exit status and output. */
function runToExit(args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [cliPath, ...args], {
        cwd: workDir,
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    },
  );
}

/** Collects lines of a stream and resolves waits for matching lines. */
function lineWatcher(stream: NodeJS.ReadableStream) {
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> =
    [];
  createInterface({ input: stream }).on("line", (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  return {
    lines,
    waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No output line matched ${pattern}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("close", resolve));
}

describe("dropsync ingest command", () => {
  it("logs uploads and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [cliPath, "ingest", "--port", "0", "--dir", "uploads"],
      { cwd: workDir },
    );
    const exited = exitOf(child);
    const stdout = lineWatcher(child.stdout);
    const stderr = lineWatcher(child.stderr);
    try {
      const token = (await stdout.waitFor(/^UPLOADTHING_TOKEN=/)).slice(
        "UPLOADTHING_TOKEN=".length,
      );
      const ingestUrl = (
        await stdout.waitFor(/^UPLOADTHING_INGEST_URL=/)
      ).slice("UPLOADTHING_INGEST_URL=".length);
      const utapi = new UTApi({ token, ingestUrl, logLevel: "Error" });

      const uploaded = await utapi.uploadFiles(
        new UTFile(["hello"], "hello.txt", { type: "text/plain" }),
      );
      const key = uploaded.data?.key ?? "";
      const storedLine = await stdout.waitFor(/stored /);
      await fetch(`${ingestUrl}/f/missingKey`);
      const errorLine = await stderr.waitFor(/rejected GET/);
      child.kill("SIGTERM");
      const status = await exited;

      expect(storedLine).toBe(
        `[ingest] stored ${key} "hello.txt" 5 bytes, route (server upload), ${ingestUrl}/f/${key}`,
      );
      expect(errorLine).toBe(
        "[ingest] rejected GET /f/missingKey with 404 NOT_FOUND: File key missingKey " +
          "not found. Use the ufsUrl returned by an upload to this emulator.",
      );
      expect(stdout.lines).toContain(
        `[ingest] storing files in ${join(workDir, "uploads")}`,
      );
      expect(stdout.lines.at(-1)).toBe("[ingest] stopped");
      expect(status).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("rejects unknown flag with status 2", async () => {
    const result = await runToExit(["ingest", "--colour"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^dropsync: Unknown option '--colour'\. Options: --port, --host, --dir, --api-key, --app-id, --help\.\n/,
    );
  });

  const usageErrors: Array<{ args: string[]; message: string }> = [
    {
      args: ["--port", "http"],
      message:
        'Invalid --port "http": pass an integer from 0 to 65535 (0 picks a free port).',
    },
    {
      args: ["--port", "-1"],
      message:
        'Invalid --port "-1": pass an integer from 0 to 65535 (0 picks a free port).',
    },
    {
      args: ["--port", "65536"],
      message:
        'Invalid --port "65536": pass an integer from 0 to 65535 (0 picks a free port).',
    },
    {
      args: ["--port"],
      message:
        "Missing value for --port: pass it as --port <value> or --port=<value>.",
    },
    {
      args: ["--dir", "--port", "0"],
      message:
        "Missing value for --dir: pass it as --dir <value> or --dir=<value>.",
    },
    {
      args: ["--host", "999.1.1.1", "--port", "0"],
      message:
        'Invalid --host "999.1.1.1": it does not resolve to an address. Pass a ' +
        "local address or a hostname that resolves to one, such as 127.0.0.1.",
    },
    {
      args: ["--host", "", "--port", "0"],
      message:
        'Invalid --host "": pass a local address or a hostname that resolves ' +
        "to one, such as 127.0.0.1.",
    },
    {
      args: ["--dir", "a-file", "--port", "0"],
      message:
        'Invalid --dir "a-file": WORK/a-file is a file, not a folder. Pass ' +
        "the path of a folder, which is created if missing.",
    },
    {
      args: ["--dir", "a-file/uploads", "--port", "0"],
      message:
        'Invalid --dir "a-file/uploads": a parent of WORK/a-file/uploads is a ' +
        "file, not a folder. Pass a path whose parents are all folders.",
    },
    {
      args: ["--api-key", "pk_live_123", "--port", "0"],
      message:
        'Invalid --api-key "pk_liv…": UploadThing rejects API keys that do not ' +
        'start with "sk_". Pass a key such as "sk_local_dropsync_ingest_emulator".',
    },
    {
      args: ["--app-id", "my app", "--port", "0"],
      message:
        "Invalid --app-id \"my app\": pass letters, digits, '.', '_', '~' or " +
        "'-' only, or leave it out to use \"dropsync-local\".",
    },
    {
      args: ["uploads"],
      message:
        'Unexpected argument "uploads": dropsync ingest takes options only. ' +
        "Put a value after its flag, as in --dir uploads.",
    },
    {
      args: ["--help=yes"],
      message: "Option --help takes no value. Pass --help alone.",
    },
  ];

  it.each(usageErrors)(
    "rejects $args with status 2",
    async ({ args, message }) => {
      await writeFile(join(workDir, "a-file"), "not a folder");
      const result = await runToExit(["ingest", ...args]);

      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `dropsync: ${message.replaceAll("WORK", workDir)}\n` +
          'Run "dropsync --help" or "dropsync ingest --help" for usage.\n',
      );
      expect(result.stdout).toBe("");
    },
  );

  it("rejects unknown command with status 2", async () => {
    const result = await runToExit(["ingst"]);

    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'dropsync: Unknown command "ingst": the only command is ingest, as in ' +
        '"dropsync ingest --port 4599".\n' +
        'Run "dropsync --help" or "dropsync ingest --help" for usage.\n',
    );
  });

  it("prints help with units", async () => {
    const result = await runToExit(["ingest", "--help"]);

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--port <number> {3}TCP port, 0 to 65535/);
  });

  it("reports port in use with status 1", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(0, "127.0.0.1", resolve),
    );
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await runToExit(["ingest", "--port", String(port)]);

      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `dropsync: Port ${port} on 127.0.0.1 is already in use. Stop the ` +
          "process that uses it, or pick another --port (0 picks a free one).\n",
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
