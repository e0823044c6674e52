// @vitest-environment jsdom
import { genUploader } from "uploadthing/client";
import {
  createUploadthing,
  UTFiles,
  type FileRouter,
} from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";
import { patternBytes, sha256, sha256OfFile } from "./helpers/files";
import { startRouteServer, type RouteServer } from "./helpers/route-server";

const f = createUploadthing();
const completedCustomIds: Array<string | null> = [];
const completions: Array<{ metadata: unknown; key: string; ufsUrl: string }> =
  [];

const router = {
  documents: f({ blob: { maxFileSize: "8MB", maxFileCount: 5 } })
    .middleware(() => ({ userId: "user_123" }))
    .onUploadComplete(({ metadata, file }) => {
      completions.push({ metadata, key: file.key, ufsUrl: file.ufsUrl });
      return { uploadedBy: metadata.userId, size: file.size };
    }),
  withCustomId: f({ blob: { maxFileSize: "1MB" } })
    .middleware(({ files }) => ({
      [UTFiles]: files.map((file) => ({ ...file, customId: "invoice-42" })),
    }))
    .onUploadComplete(({ file }) => {
      completedCustomIds.push(file.customId);
    }),
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

afterAll(async () => {
  await routeServer.close();
  await emulator.close();
});

describe("ingest emulator round trip", () => {
  it("stores several files byte for byte", async () => {
    const contents = [
      patternBytes(1, 1),
      patternBytes(70_000, 2),
      patternBytes(300_001, 3),
    ];
    const files = contents.map(
      (bytes, index) =>
        new File([bytes], `file-${index}.bin`, {
          type: "application/octet-stream",
        }),
    );
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const results = await uploadFiles("documents", { files });

    expect(results).toHaveLength(3);
    for (const [index, result] of results.entries()) {
      const stored = emulator.uploads().find((u) => u.key === result.key);
      expect(stored?.name).toBe(`file-${index}.bin`);
      expect(stored?.size).toBe(contents[index]?.length);
      expect(await sha256OfFile(stored?.path ?? "")).toBe(
        sha256(contents[index] ?? new Uint8Array()),
      );
      expect(result.serverData).toEqual({
        uploadedBy: "user_123",
        size: contents[index]?.length,
      });
    }
  });

  it("runs onUploadComplete with middleware metadata", async () => {
    const file = new File([patternBytes(10, 4)], "note.txt", {
      type: "text/plain",
    });
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const completion = completions.find((entry) => entry.key === result?.key);

    expect(completion?.metadata).toEqual({ userId: "user_123" });
    expect(completion?.ufsUrl).toBe(`${emulator.url}/f/${result?.key}`);
    expect(result?.ufsUrl).toBe(`${emulator.url}/f/${result?.key}`);
  });

  it("serves file at its ufsUrl", async () => {
    const bytes = patternBytes(1_234, 5);
    const file = new File([bytes], "photo.png", { type: "image/png" });
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const response = await fetch(result?.ufsUrl ?? "");
    const body = new Uint8Array(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe("1234");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(sha256(body)).toBe(sha256(bytes));
  });

  it("serves byte range of file", async () => {
    const bytes = patternBytes(100, 6);
    const file = new File([bytes], "clip.bin");
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const response = await fetch(result?.ufsUrl ?? "", {
      headers: { range: "bytes=10-19" },
    });
    const body = new Uint8Array(await response.arrayBuffer());

    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 10-19/100");
    expect(Array.from(body)).toEqual(Array.from(bytes.slice(10, 20)));
  });

  it("lists uploads over HTTP", async () => {
    const file = new File([patternBytes(42, 7)], "listed.bin");
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const response = await fetch(`${emulator.url}/__dropsync/uploads`);
    const { uploads } = (await response.json()) as {
      uploads: Array<{ key: string; name: string; size: number; slug: string }>;
    };
    const listed = uploads.find((upload) => upload.key === result?.key);

    expect(listed?.name).toBe("listed.bin");
    expect(listed?.size).toBe(42);
    expect(listed?.slug).toBe("documents");
  });

  it("keeps special characters in names", async () => {
    const name = "Résumé 2024 (final) #1 & 50%.pdf";
    const file = new File([patternBytes(64, 8)], name, {
      type: "application/pdf",
    });
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const stored = emulator.uploads().find((u) => u.key === result?.key);
    const response = await fetch(result?.ufsUrl ?? "", { method: "HEAD" });

    expect(stored?.name).toBe(name);
    expect(response.headers.get("content-disposition")).toBe(
      'inline; filename="R_sum_ 2024 (final) #1 & 50%.pdf"; ' +
        "filename*=UTF-8''R%C3%A9sum%C3%A9%202024%20(final)%20%231%20%26%2050%25.pdf",
    );
  });

  it("stores empty file", async () => {
    const file = new File([], "empty.txt", { type: "text/plain" });
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const response = await fetch(result?.ufsUrl ?? "");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("0");
    expect(await response.text()).toBe("");
  });

  it("types untyped file by extension", async () => {
    const file = new File([patternBytes(16, 9)], "scan.heic");
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("documents", { files: [file] });
    const response = await fetch(result?.ufsUrl ?? "", { method: "HEAD" });

    expect(response.headers.get("content-type")).toBe("image/heic");
  });

  it("passes middleware custom id through", async () => {
    const file = new File([patternBytes(8, 10)], "invoice.pdf");
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const [result] = await uploadFiles("withCustomId", { files: [file] });
    const stored = emulator.uploads().find((u) => u.key === result?.key);

    expect(result?.customId).toBe("invoice-42");
    expect(stored?.customId).toBe("invoice-42");
    expect(completedCustomIds).toEqual(["invoice-42"]);
  });
});
