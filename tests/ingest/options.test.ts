import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  IngestOptionError,
  startIngestEmulator,
  type IngestEmulatorOptions,
} from "../../src/testing/ingest";

let workDir: string;
let filePath: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "dropsync-ingest-options-"));
  filePath = join(workDir, "a-file");
  await writeFile(filePath, "not a folder");
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Starts an emulator that must fail, and returns its error. */
async function startError(
  options: IngestEmulatorOptions,
): Promise<IngestOptionError> {
  const error: unknown = await startIngestEmulator(options).then(
    async (emulator) => {
      await emulator.close();
      return new Error("The emulator started.");
    },
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof IngestOptionError)) throw error;
  return error;
}

const timeoutFix =
  "pass a number of milliseconds from 1 to 2147483647, or leave it out for";

const invalidCases: Array<{
  name: string;
  options: () => IngestEmulatorOptions;
  option: string;
  message: () => string;
}> = [
  {
    name: "negative port",
    options: () => ({ port: -1 }),
    option: "port",
    message: () =>
      "Invalid port -1: pass an integer from 0 to 65535 (0 picks a free port).",
  },
  {
    name: "port as string",
    options: () => ({ port: "4599" as unknown as number }),
    option: "port",
    message: () =>
      'Invalid port "4599": pass an integer from 0 to 65535 (0 picks a free port).',
  },
  {
    name: "unresolvable host",
    options: () => ({ host: "999.1.1.1" }),
    option: "host",
    message: () =>
      'Invalid host "999.1.1.1": it does not resolve to an address. Pass a ' +
      "local address or a hostname that resolves to one, such as 127.0.0.1.",
  },
  {
    name: "host of no interface",
    // 198.51.100.0/24 is reserved for documentation (RFC 5737).
    options: () => ({ host: "198.51.100.254" }),
    option: "host",
    message: () =>
      'Invalid host "198.51.100.254": no network interface of this machine has ' +
      "that address (EADDRNOTAVAIL). Pass a local address such as 127.0.0.1.",
  },
  {
    name: "empty host",
    options: () => ({ host: "" }),
    option: "host",
    message: () =>
      'Invalid host "": pass a local address or a hostname that resolves to ' +
      "one, such as 127.0.0.1.",
  },
  {
    name: "dir is file",
    options: () => ({ dir: filePath }),
    option: "dir",
    message: () =>
      `Invalid dir ${JSON.stringify(filePath)}: ${filePath} is a file, not a ` +
      "folder. Pass the path of a folder, which is created if missing.",
  },
  {
    name: "dir under file",
    options: () => ({ dir: join(filePath, "uploads") }),
    option: "dir",
    message: () =>
      `Invalid dir ${JSON.stringify(join(filePath, "uploads"))}: a parent of ` +
      `${join(filePath, "uploads")} is a file, not a folder. Pass a path ` +
      "whose parents are all folders.",
  },
  {
    name: "empty dir",
    options: () => ({ dir: "" }),
    option: "dir",
    message: () => 'Invalid dir "": pass a folder path, or leave it out.',
  },
  {
    name: "api key without prefix",
    options: () => ({ apiKey: "pk_live_123" }),
    option: "apiKey",
    message: () =>
      'Invalid apiKey "pk_liv…": UploadThing rejects API keys that do not ' +
      'start with "sk_". Pass a key such as "sk_local_dropsync_ingest_emulator".',
  },
  {
    name: "app id with slash",
    options: () => ({ appId: "team/app" }),
    option: "appId",
    message: () =>
      "Invalid appId \"team/app\": pass letters, digits, '.', '_', '~' or " +
      "'-' only, or leave it out to use \"dropsync-local\".",
  },
  {
    name: "zero metadata timeout",
    options: () => ({ metadataTimeoutMs: 0 }),
    option: "metadataTimeoutMs",
    message: () => `Invalid metadataTimeoutMs 0: ${timeoutFix} 10000.`,
  },
  {
    name: "callback timeout past setTimeout",
    options: () => ({ callbackTimeoutMs: 3_000_000_000 }),
    option: "callbackTimeoutMs",
    message: () => `Invalid callbackTimeoutMs 3000000000: ${timeoutFix} 60000.`,
  },
  {
    name: "infinite dev stream timeout",
    options: () => ({ devStreamTimeoutMs: Infinity }),
    option: "devStreamTimeoutMs",
    message: () =>
      `Invalid devStreamTimeoutMs Infinity: ${timeoutFix} 3600000.`,
  },
  {
    name: "negative throttle",
    options: () => ({ throttleBytesPerSecond: -5 }),
    option: "throttleBytesPerSecond",
    message: () =>
      "Invalid throttleBytesPerSecond -5: pass a positive number of bytes " +
      "per second, or null for no limit.",
  },
  {
    name: "relative public URL",
    options: () => ({ publicUrl: "/uploads" }),
    option: "publicUrl",
    message: () =>
      'Invalid publicUrl "/uploads": pass an http or https URL such as ' +
      "http://localhost:8080, or leave it out to use the emulator's own url.",
  },
  {
    name: "unknown fault kind",
    options: () => ({
      faults: [{ fault: { kind: "crash" } as unknown as { kind: "fail" } }],
    }),
    option: "fault",
    message: () =>
      'Invalid fault {"kind":"crash"}: pass { kind: "fail" }, { kind: ' +
      '"stall" } or { kind: "drop" }.',
  },
  {
    name: "fault status below 400",
    options: () => ({ faults: [{ fault: { kind: "fail", status: 200 } }] }),
    option: "fault status",
    message: () =>
      "Invalid fault status 200: pass an HTTP error status from 400 to 599, " +
      "or leave it out for 500.",
  },
  {
    name: "misspelt option name",
    options: () => ({ ports: 4599 }) as IngestEmulatorOptions,
    option: "option name",
    message: () =>
      'Invalid option name "ports": startIngestEmulator accepts port, host, ' +
      "dir, apiKey, appId, publicUrl, metadataTimeoutMs, callbackTimeoutMs, " +
      "devStreamTimeoutMs, faults, throttleBytesPerSecond, now, onEvent.",
  },
];

describe("startIngestEmulator options", () => {
  it.each(invalidCases)("rejects $name", async (testCase) => {
    const error = await startError(testCase.options());

    expect(error.message).toBe(testCase.message());
    expect(error.option).toBe(testCase.option);
    expect(error.problem).toBe("invalid");
  });

  it("reports port in use as unavailable", async () => {
    const running = await startIngestEmulator();
    const port = Number(new URL(running.url).port);
    try {
      const error = await startError({ port });

      expect(error.message).toBe(
        `Port ${port} on 127.0.0.1 is already in use. Stop the process that ` +
          "uses it, or pick another port (0 picks a free one).",
      );
      expect(error.option).toBe("port");
      expect(error.problem).toBe("unavailable");
    } finally {
      await running.close();
    }
  });

  it("describes error under flag name", async () => {
    const error = await startError({ port: 70000 });

    expect(error.describe("--port")).toBe(
      "Invalid --port 70000: pass an integer from 0 to 65535 (0 picks a free port).",
    );
  });

  it("creates missing dir with parents", async () => {
    const dir = join(workDir, "new", "uploads");
    const emulator = await startIngestEmulator({ dir });
    await emulator.close();

    expect(emulator.dir).toBe(dir);
  });
});
