import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { UTApi, UTFile } from "uploadthing/server";
import { afterEach, describe, expect, it } from "vitest";

import {
  createIngestToken,
  DEFAULT_INGEST_API_KEY,
  DEFAULT_INGEST_APP_ID,
  DEFAULT_INGEST_TOKEN,
  startIngestEmulator,
} from "../../src/testing/ingest";

const folders: string[] = [];

afterEach(async () => {
  for (const folder of folders.splice(0)) {
    await rm(folder, { recursive: true, force: true });
  }
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "dropsync-ingest-test-"));
  folders.push(folder);
  return folder;
}

describe("createIngestToken", () => {
  it("encodes default key and app", () => {
    const token = createIngestToken();
    const decoded: unknown = JSON.parse(
      Buffer.from(token, "base64").toString("utf8"),
    );

    expect(decoded).toEqual({
      apiKey: DEFAULT_INGEST_API_KEY,
      appId: DEFAULT_INGEST_APP_ID,
      regions: ["local"],
    });
  });

  it("rejects key without sk_ prefix", () => {
    expect(() => createIngestToken({ apiKey: "pk_test" })).toThrow(
      'Invalid apiKey "pk_tes…": UploadThing rejects API keys that do not start with "sk_".',
    );
  });

  it("matches emulator token", async () => {
    const emulator = await startIngestEmulator();
    await emulator.close();

    expect(emulator.token).toBe(createIngestToken());
    expect(emulator.token).toBe(DEFAULT_INGEST_TOKEN);
  });
});

describe("ingest emulator storage", () => {
  it("keeps uploads across restarts", async () => {
    const dir = await tempFolder();
    const first = await startIngestEmulator({ dir });
    const utapi = new UTApi({
      token: first.token,
      ingestUrl: first.url,
      logLevel: "Error",
    });
    const uploaded = await utapi.uploadFiles(
      new UTFile(["kept"], "kept.txt", { type: "text/plain" }),
    );
    await first.close();

    const second = await startIngestEmulator({ dir });
    try {
      const [stored] = second.uploads();
      const served = await fetch(stored?.ufsUrl ?? "");

      expect(stored?.key).toBe(uploaded.data?.key);
      expect(await served.text()).toBe("kept");
    } finally {
      await second.close();
    }
  });

  it("writes file and record only", async () => {
    const dir = await tempFolder();
    const emulator = await startIngestEmulator({ dir });
    try {
      const utapi = new UTApi({
        token: emulator.token,
        ingestUrl: emulator.url,
        logLevel: "Error",
      });
      const uploaded = await utapi.uploadFiles(new UTFile(["x"], "x.txt"));
      const key = uploaded.data?.key ?? "";

      expect((await readdir(dir)).sort()).toEqual([key, `${key}.json`]);
    } finally {
      await emulator.close();
    }
  });

  it("deletes its temporary folder on close", async () => {
    const emulator = await startIngestEmulator();
    await emulator.close();

    await expect(readdir(emulator.dir)).rejects.toThrow("ENOENT");
  });

  it("rejects port already in use", async () => {
    const emulator = await startIngestEmulator();
    const port = Number(new URL(emulator.url).port);
    try {
      await expect(startIngestEmulator({ port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use.`,
      );
    } finally {
      await emulator.close();
    }
  });
});

describe("fault arming", () => {
  it("rejects second fault for same PUT", async () => {
    const emulator = await startIngestEmulator();
    try {
      emulator.failNthPut(1);

      expect(() => emulator.dropNthPut(1)).toThrow(
        "A fault is already armed for the PUT that nth 1 names.",
      );
    } finally {
      await emulator.close();
    }
  });

  it("rejects nth below one", async () => {
    const emulator = await startIngestEmulator();
    try {
      expect(() => emulator.failNthPut(0)).toThrow(
        "Invalid nth 0: pass a whole number from 1 (the next PUT) upwards.",
      );
    } finally {
      await emulator.close();
    }
  });
});
