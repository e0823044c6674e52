// @vitest-environment jsdom
import { readdir } from "node:fs/promises";

import { genUploader } from "uploadthing/client";
import { createUploadthing, type FileRouter } from "uploadthing/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";
import { patternBytes, sha256, sha256OfFile } from "./helpers/files";
import { startRouteServer, type RouteServer } from "./helpers/route-server";

const f = createUploadthing();
const uploadErrors = new Map<string, (message: string) => void>();

const router = {
  documents: f({ blob: { maxFileSize: "16MB", maxFileCount: 3 } })
    .middleware(() => ({ userId: "user_faults" }))
    .onUploadError(({ error, fileKey }) => {
      uploadErrors.get(fileKey)?.(error.message);
    })
    .onUploadComplete(({ file }) => ({ storedAs: file.key })),
} satisfies FileRouter;

let emulator: IngestEmulator;
let routeServer: RouteServer;

beforeAll(async () => {
  emulator = await startIngestEmulator();
  routeServer = await startRouteServer(router, {
    token: emulator.token,
    ingestUrl: emulator.url,
  });
});

afterEach(() => {
  emulator.clearFaults();
  emulator.setThrottle(null);
});

afterAll(async () => {
  await routeServer.close();
  await emulator.close();
});

function makeFile(size: number, seed: number, name = `file-${seed}.bin`) {
  const bytes = patternBytes(size, seed);
  return {
    bytes,
    file: new File([bytes], name, { type: "application/octet-stream" }),
  };
}

/** Captures the rejection of an upload promise. */
async function rejectionOf(promise: Promise<unknown>): Promise<{
  name: string;
  code?: string;
  message: string;
  data?: { code?: string; message?: string };
}> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error("The upload succeeded, but a failure was expected");
}

function uploader(fetchImplementation?: typeof fetch) {
  return genUploader<typeof router>({
    url: routeServer.url,
    package: "dropsync-tests",
    ...(fetchImplementation === undefined
      ? {}
      : { fetch: fetchImplementation }),
  });
}

/** A fetch that rewrites the presigned URLs the route handler returns. */
function rewritingPresignedUrls(
  rewrite: (url: string) => string,
): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).includes("actionType=upload")) return response;
    const presigneds = (await response.json()) as Array<{ url: string }>;
    const rewritten = presigneds.map((presigned) => ({
      ...presigned,
      url: rewrite(presigned.url),
    }));
    return new Response(JSON.stringify(rewritten), {
      status: response.status,
      headers: { "content-type": "application/json" },
    });
  };
}

describe("client pause and resume", () => {
  it("resumes paused upload at offset", async () => {
    const { bytes, file } = makeFile(8 * 1024 * 1024, 21);
    // The stall stops reading after 256 KiB, so the pause cuts the body
    // before the client can hand all of it to the socket. Loopback socket
    // buffers hold a few MiB, hence the 8 MiB file.
    const stall = emulator.stallNthPut(1, { afterBytes: 256 * 1024 });
    const interrupted = emulator.waitFor("transfer-interrupted");
    const resumed = emulator.waitFor(
      "transfer-started",
      (event) => event.offset > 0,
    );

    const upload = await uploader().createUpload("documents", {
      files: [file],
    });
    await stall.triggered;
    upload.pauseUpload(file);
    stall.release();
    const { received } = await interrupted;
    upload.resumeUpload(file);
    const result = await upload.done(file);
    const stored = emulator.uploads().find((u) => u.key === result.key);

    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(bytes.length);
    expect((await resumed).offset).toBe(received);
    expect(result.serverData).toEqual({ storedAs: result.key });
    expect(await sha256OfFile(stored?.path ?? "")).toBe(sha256(bytes));
  });
});

describe("client errors", () => {
  it("rejects tampered presigned URL", async () => {
    const { file } = makeFile(100, 22);
    const tamper = rewritingPresignedUrls((url) =>
      url.replace("x-ut-file-name=", "x-ut-file-name=renamed-"),
    );

    const error = await rejectionOf(
      uploader(tamper).uploadFiles("documents", { files: [file] }),
    );

    expect(error.code).toBe("UPLOAD_FAILED");
    expect(error.message).toBe("XHR failed 403 Forbidden");
    expect(error.data?.code).toBe("FORBIDDEN");
    expect(error.data?.message).toMatch(
      /^Invalid signature for the upload URL/,
    );
  });

  it("rejects body over announced size", async () => {
    const { file } = makeFile(4_000, 23);
    // A client that under-reports the size, as a modified browser could.
    const underReport: typeof fetch = (input, init) => {
      if (!String(input).includes("actionType=upload")) {
        return fetch(input, init);
      }
      const payload = JSON.parse(String(init?.body)) as {
        files: Array<{ size: number }>;
      };
      for (const entry of payload.files) entry.size = 1_000;
      return fetch(input, { ...init, body: JSON.stringify(payload) });
    };

    const error = await rejectionOf(
      uploader(underReport).uploadFiles("documents", { files: [file] }),
    );

    expect(error.code).toBe("UPLOAD_FAILED");
    expect(error.message).toBe("XHR failed 413 Payload Too Large");
    expect(error.data?.code).toBe("TOO_LARGE");
  });

  it("fails nth PUT with 500", async () => {
    const first = makeFile(1_000, 24);
    const second = makeFile(1_000, 25);
    const armed = emulator.failNthPut(2);

    const succeeded = await uploader().uploadFiles("documents", {
      files: [first.file],
    });
    const error = await rejectionOf(
      uploader().uploadFiles("documents", { files: [second.file] }),
    );
    const failedKey = await armed.triggered;
    const uploadError = await new Promise<string>((resolve) => {
      uploadErrors.set(failedKey, resolve);
    });

    expect(succeeded[0]?.serverData).toEqual({ storedAs: succeeded[0]?.key });
    expect(error.code).toBe("UPLOAD_FAILED");
    expect(error.message).toBe("XHR failed 500 Internal Server Error");
    expect(error.data?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(uploadError).toMatch(/Injected fault: the ingest emulator failed/);
    expect(emulator.uploads().map((u) => u.key)).not.toContain(failedKey);
  });

  it("drops connection mid-body", async () => {
    const { file } = makeFile(50_000, 26);
    const armed = emulator.dropNthPut(1, { afterBytes: 10_000 });

    const error = await rejectionOf(
      uploader().uploadFiles("documents", { files: [file] }),
    );
    const droppedKey = await armed.triggered;
    const partial = emulator
      .partialUploads()
      .find((upload) => upload.key === droppedKey);

    expect(error.code).toBe("UPLOAD_FAILED");
    expect(error.message).toBe("UPLOAD_FAILED");
    expect(partial?.received).toBeGreaterThan(9_000);
    expect(partial?.received).toBeLessThanOrEqual(10_000);
  });

  it("stalls transfer until released", async () => {
    const { bytes, file } = makeFile(20_000, 27);
    const armed = emulator.stallNthPut(1, { afterBytes: 5_000 });

    const uploadPromise = uploader().uploadFiles("documents", {
      files: [file],
    });
    const stalledKey = await armed.triggered;
    const partialDuringStall = emulator
      .partialUploads()
      .find((upload) => upload.key === stalledKey);
    armed.release();
    const [result] = await uploadPromise;
    const stored = emulator.uploads().find((u) => u.key === stalledKey);

    expect(partialDuringStall?.active).toBe(true);
    expect(partialDuringStall?.received).toBeLessThan(bytes.length);
    expect(result?.key).toBe(stalledKey);
    expect(await sha256OfFile(stored?.path ?? "")).toBe(sha256(bytes));
  });

  it("aborts stalled transfer on signal", async () => {
    const { file } = makeFile(20_000, 28);
    const armed = emulator.stallNthPut(1);
    const controller = new AbortController();
    const interrupted = emulator.waitFor("transfer-interrupted");

    const uploadPromise = uploader().uploadFiles("documents", {
      files: [file],
      signal: controller.signal,
    });
    const stalledKey = await armed.triggered;
    controller.abort();
    const error = await rejectionOf(uploadPromise);

    expect(error.name).toBe("UploadAborted");
    expect((await interrupted).key).toBe(stalledKey);
  });

  it("throttles transfer to limit", async () => {
    const { file } = makeFile(40_000, 29);
    emulator.setThrottle(100_000);

    const started = performance.now();
    await uploader().uploadFiles("documents", { files: [file] });
    const elapsedMs = performance.now() - started;

    // 40,000 file bytes at 100,000 bytes/s need at least 400 ms.
    expect(elapsedMs).toBeGreaterThanOrEqual(400);
  });
});

describe("aborted transfer", () => {
  it("leaves no file or record", async () => {
    const isolated = await startIngestEmulator();
    const isolatedRoute = await startRouteServer(router, {
      token: isolated.token,
      ingestUrl: isolated.url,
    });
    try {
      const { file } = makeFile(8 * 1024 * 1024, 30);
      const controller = new AbortController();
      const stall = isolated.stallNthPut(1, { afterBytes: 256 * 1024 });
      const interrupted = isolated.waitFor("transfer-interrupted");

      const uploadPromise = genUploader<typeof router>({
        url: isolatedRoute.url,
        package: "dropsync-tests",
      }).uploadFiles("documents", {
        files: [file],
        signal: controller.signal,
      });
      await stall.triggered;
      controller.abort();
      stall.release();
      const error = await rejectionOf(uploadPromise);
      const { received } = await interrupted;

      expect(error.name).toBe("UploadAborted");
      expect(received).toBeLessThan(file.size);
      expect(await readdir(isolated.dir)).toEqual([]);
      expect(isolated.uploads()).toEqual([]);
    } finally {
      await isolatedRoute.close();
      await isolated.close();
    }
  });
});
