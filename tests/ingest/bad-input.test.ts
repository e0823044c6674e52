import {
  createUploadthing,
  UTApi,
  UTFile,
  type FileRouter,
} from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";
import { patternBytes, sha256, sha256OfFile } from "./helpers/files";
import { multipartBody, requestPresignedUrls } from "./helpers/presign";
import { startRouteServer, type RouteServer } from "./helpers/route-server";

const f = createUploadthing();
const uploadErrors = new Map<string, (message: string) => void>();

const router = {
  documents: f({ blob: { maxFileSize: "8MB", maxFileCount: 5 } })
    .middleware(() => ({ userId: "user_bad_input" }))
    .onUploadError(({ error, fileKey }) => {
      uploadErrors.get(fileKey)?.(error.message);
    })
    .onUploadComplete(() => ({ ok: true })),
} satisfies FileRouter;

let emulator: IngestEmulator;
let routeServer: RouteServer;
let clockOffsetMs = 0;

beforeAll(async () => {
  emulator = await startIngestEmulator({
    now: () => Date.now() + clockOffsetMs,
  });
  routeServer = await startRouteServer(router, {
    token: emulator.token,
    ingestUrl: emulator.url,
  });
});

afterAll(async () => {
  await routeServer.close();
  await emulator.close();
});

/** Resolves with the message `onUploadError` receives for `key`. */
function waitForUploadError(key: string): Promise<string> {
  return new Promise((resolve) => uploadErrors.set(key, resolve));
}

async function presignOne(size: number, name = "report.bin") {
  const [presigned] = await requestPresignedUrls(routeServer.url, "documents", [
    { name, size, type: "application/octet-stream" },
  ]);
  if (presigned === undefined) throw new Error("No presigned URL returned");
  return presigned;
}

async function putMultipart(url: string, content: Uint8Array) {
  return fetch(url, {
    method: "PUT",
    headers: {
      "content-type": "multipart/form-data; boundary=test-boundary",
      range: "bytes=0-",
    },
    body: multipartBody(content, "test-boundary"),
  });
}

describe("presigned URL checks", () => {
  it("rejects tampered file size", async () => {
    const presigned = await presignOne(10);
    const tampered = presigned.url.replace(
      "x-ut-file-size=10",
      "x-ut-file-size=20",
    );

    const response = await putMultipart(tampered, patternBytes(20, 1));
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(403);
    expect(body.code).toBe("FORBIDDEN");
    expect(body.message).toMatch(
      /^Invalid signature for the upload URL of key /,
    );
  });

  it("rejects missing signature", async () => {
    const presigned = await presignOne(10);
    const unsigned = presigned.url.replace(/&signature=[^&]*/, "");

    const response = await putMultipart(unsigned, patternBytes(10, 1));
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(400);
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.message).toMatch(/^Missing "signature" query parameter/);
  });

  it("rejects expired URL", async () => {
    const presigned = await presignOne(10);
    clockOffsetMs = 2 * 60 * 60 * 1000;
    try {
      const response = await putMultipart(presigned.url, patternBytes(10, 1));
      const body = (await response.json()) as { code: string; message: string };

      expect(response.status).toBe(403);
      expect(body.code).toBe("FORBIDDEN");
      expect(body.message).toMatch(
        new RegExp(`^Presigned URL for key ${presigned.key} expired at `),
      );
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("rejects HEAD with tampered URL", async () => {
    const presigned = await presignOne(10);
    const tampered = presigned.url.replace("expires=", "expires=9");

    const response = await fetch(tampered, { method: "HEAD" });

    expect(response.status).toBe(403);
    expect(response.headers.get("x-ut-range-start")).toBeNull();
  });
});

describe("body size checks", () => {
  it("rejects multipart body over announced size", async () => {
    const presigned = await presignOne(10);
    const uploadError = waitForUploadError(presigned.key);

    const response = await putMultipart(presigned.url, patternBytes(20, 2));
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(413);
    expect(body.code).toBe("TOO_LARGE");
    expect(body.message).toBe(
      `Body for key ${presigned.key} is larger than the announced x-ut-file-size ` +
        "of 10 bytes (at least 20 bytes arrived). Upload the file the presigned " +
        "URL was created for.",
    );
    expect(await uploadError).toBe(
      `Upload failed for ${presigned.key}: ${body.message}`,
    );
    expect(emulator.uploads().map((upload) => upload.key)).not.toContain(
      presigned.key,
    );
    expect(emulator.partialUploads()).toEqual([]);
  });

  it("rejects raw body over announced size", async () => {
    const presigned = await presignOne(10);

    const response = await fetch(presigned.url, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: patternBytes(11, 3),
    });
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(413);
    expect(body.message).toMatch(
      /has 11 bytes from offset 0, more than the announced/,
    );
  });

  it("rejects body shorter than announced", async () => {
    const presigned = await presignOne(10);

    const response = await putMultipart(presigned.url, patternBytes(5, 4));
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(400);
    expect(body.message).toBe(
      `Body for key ${presigned.key} ended after 5 of the 10 bytes announced in ` +
        "x-ut-file-size. Upload the whole file.",
    );
    expect(emulator.partialUploads()).toEqual([]);
  });
});

describe("multipart checks", () => {
  const cases = [
    {
      name: "no closing boundary",
      contentType: "multipart/form-data; boundary=b1",
      body: '--b1\r\nContent-Disposition: form-data; name="file"\r\n\r\n0123456789',
      message: /ended before the closing boundary/,
    },
    {
      name: "no file field",
      contentType: "multipart/form-data; boundary=b1",
      body: '--b1\r\nContent-Disposition: form-data; name="other"\r\n\r\n0123456789\r\n--b1--\r\n',
      message: /has no "file" field/,
    },
    {
      name: "no boundary parameter",
      contentType: "multipart/form-data",
      body: "0123456789",
      message: /has no valid boundary parameter/,
    },
    {
      name: "two file fields",
      contentType: "multipart/form-data; boundary=b1",
      body:
        '--b1\r\nContent-Disposition: form-data; name="file"\r\n\r\n01234\r\n' +
        '--b1\r\nContent-Disposition: form-data; name="file"\r\n\r\n56789\r\n--b1--\r\n',
      message: /more than one "file" field/,
    },
  ];

  for (const testCase of cases) {
    it(`rejects multipart with ${testCase.name}`, async () => {
      const presigned = await presignOne(10);

      const response = await fetch(presigned.url, {
        method: "PUT",
        headers: { "content-type": testCase.contentType },
        body: testCase.body,
      });
      const body = (await response.json()) as { code: string; message: string };

      expect(response.status).toBe(400);
      expect(body.code).toBe("BAD_REQUEST");
      expect(body.message).toMatch(testCase.message);
      expect(emulator.partialUploads()).toEqual([]);
    });
  }
});

describe("route handler endpoints", () => {
  it("rejects route metadata with wrong key", async () => {
    const response = await fetch(`${emulator.url}/route-metadata`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-uploadthing-api-key": "sk_wrong",
      },
      body: "{}",
    });
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(403);
    expect(body.message).toMatch(
      /^Invalid x-uploadthing-api-key on \/route-metadata/,
    );
  });

  it("rejects callback result for unknown key", async () => {
    const response = await fetch(`${emulator.url}/callback-result`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-uploadthing-api-key": emulator.apiKey,
      },
      body: JSON.stringify({ fileKey: "unknownKey", callbackData: null }),
    });
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(404);
    expect(body.code).toBe("NOT_FOUND");
  });

  it("rejects file URL of unknown key", async () => {
    const response = await fetch(`${emulator.url}/f/unknownKey`);
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(404);
    expect(body.message).toBe(
      "File key unknownKey not found. Use the ufsUrl returned by an upload to this emulator.",
    );
  });
});

describe("raw uploads and resume", () => {
  it("resumes raw body after drop", async () => {
    const content = patternBytes(10, 5);
    const presigned = await presignOne(10);
    emulator.dropNthPut(1, { afterBytes: 4 });

    await expect(
      fetch(presigned.url, {
        method: "PUT",
        headers: { "content-type": "application/octet-stream" },
        body: content,
      }),
    ).rejects.toThrow("fetch failed");
    const probe = await fetch(presigned.url, { method: "HEAD" });
    const rangeStart = Number(probe.headers.get("x-ut-range-start"));
    const response = await fetch(presigned.url, {
      method: "PUT",
      headers: {
        "content-type": "application/octet-stream",
        range: `bytes=${rangeStart}-`,
      },
      body: content.slice(rangeStart),
    });
    const stored = emulator.uploads().find((u) => u.key === presigned.key);

    expect(rangeStart).toBe(4);
    expect(response.status).toBe(200);
    expect(await sha256OfFile(stored?.path ?? "")).toBe(sha256(content));
  });

  it("rejects range past stored bytes", async () => {
    const presigned = await presignOne(10);

    const response = await fetch(presigned.url, {
      method: "PUT",
      headers: {
        "content-type": "application/octet-stream",
        range: "bytes=6-",
      },
      body: patternBytes(4, 6),
    });
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(416);
    expect(body.message).toMatch(
      /^Range start 6 for key .* is past the 0 bytes/,
    );
  });

  it("stores UTApi server upload", async () => {
    const utapi = new UTApi({
      token: emulator.token,
      ingestUrl: emulator.url,
      logLevel: "Error",
    });

    const result = await utapi.uploadFiles(
      new UTFile(["hello from the server"], "hello.txt", {
        type: "text/plain",
      }),
    );
    const served = await fetch(result.data?.ufsUrl ?? "");

    expect(result.error).toBeNull();
    expect(served.headers.get("content-type")).toBe("text/plain");
    expect(await served.text()).toBe("hello from the server");
  });
});
