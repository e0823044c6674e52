// @vitest-environment jsdom
import { genUploader } from "uploadthing/client";
import { createUploadthing, type FileRouter } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startIngestEmulator,
  type IngestEmulator,
} from "../../src/testing/ingest";
import { patternBytes, sha256, sha256OfFile } from "./helpers/files";
import { startRouteServer, type RouteServer } from "./helpers/route-server";

const f = createUploadthing();
const completions: Array<{ metadata: unknown; key: string; ufsUrl: string }> =
  [];

const router = {
  documents: f({ blob: { maxFileSize: "8MB", maxFileCount: 5 } })
    .middleware(() => ({ userId: "user_123" }))
    .onUploadComplete(({ metadata, file }) => {
      completions.push({ metadata, key: file.key, ufsUrl: file.ufsUrl });
      return { uploadedBy: metadata.userId, size: file.size };
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
});
