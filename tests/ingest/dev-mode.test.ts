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
const completedKeys: string[] = [];

const router = {
  avatars: f({ image: { maxFileSize: "1MB", maxFileCount: 2 } })
    .middleware(() => ({ userId: "user_dev" }))
    .onUploadComplete(({ metadata, file }) => {
      completedKeys.push(file.key);
      return { owner: metadata.userId, name: file.name };
    }),
} satisfies FileRouter;

let emulator: IngestEmulator;
let routeServer: RouteServer;

beforeAll(async () => {
  emulator = await startIngestEmulator();
  routeServer = await startRouteServer(router, {
    token: emulator.token,
    ingestUrl: emulator.url,
    isDev: true,
  });
});

afterAll(async () => {
  await routeServer.close();
  await emulator.close();
});

describe("ingest emulator in dev mode", () => {
  it("streams callbacks to the route handler", async () => {
    const bytes = [patternBytes(2_048, 7), patternBytes(5_000, 8)];
    const files = bytes.map(
      (content, index) =>
        new File([content], `avatar-${index}.png`, { type: "image/png" }),
    );
    const registered = emulator.waitFor("metadata-registered");
    const streamClosed = emulator.waitFor("dev-stream-closed");
    const { uploadFiles } = genUploader<typeof router>({
      url: routeServer.url,
      package: "dropsync-tests",
    });

    const results = await uploadFiles("avatars", { files });

    expect((await registered).isDev).toBe(true);
    expect((await streamClosed).fileKeys.sort()).toEqual(
      results.map((result) => result.key).sort(),
    );
    expect(results.map((result) => result.serverData)).toEqual([
      { owner: "user_dev", name: "avatar-0.png" },
      { owner: "user_dev", name: "avatar-1.png" },
    ]);
    expect([...completedKeys].sort()).toEqual(
      results.map((result) => result.key).sort(),
    );
    for (const [index, result] of results.entries()) {
      const stored = emulator.uploads().find((u) => u.key === result.key);
      expect(stored?.metadata).toEqual({ userId: "user_dev" });
      expect(await sha256OfFile(stored?.path ?? "")).toBe(
        sha256(bytes[index] ?? new Uint8Array()),
      );
    }
  });
});
