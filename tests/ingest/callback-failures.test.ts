// @vitest-environment jsdom
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo } from "node:net";

import { genUploader } from "uploadthing/client";
import { createUploadthing, type FileRouter } from "uploadthing/server";
import { describe, expect, it } from "vitest";

import { startIngestEmulator } from "../../src/testing/ingest";
import { patternBytes } from "./helpers/files";
import { startRouteServer } from "./helpers/route-server";

const f = createUploadthing();

/** Starts a server on 127.0.0.1 that responds to every request with 500. */
async function startFailingApp() {
  const server = createHttpServer((_request, response) => {
    response.writeHead(500, { "content-type": "application/json" });
    response.end('{"message":"app is down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/uploadthing`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Returns a port that had a listener a moment ago and has none now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const router = {
  broken: f({ blob: { maxFileSize: "1MB" } }).onUploadComplete(() => {
    throw new Error("database unavailable");
  }),
  fireAndForget: f({ blob: { maxFileSize: "1MB" } }, { awaitServerData: false })
    .middleware(() => ({ userId: "user_async" }))
    .onUploadComplete(({ metadata }) => ({ seenBy: metadata.userId })),
} satisfies FileRouter;

/** Uploads `file` to `slug` and returns the rejection, or null on success. */
async function uploadRejection(
  url: string,
  slug: keyof typeof router,
  file: File,
): Promise<{ code: string; message: string } | null> {
  const { uploadFiles } = genUploader<typeof router>({
    url,
    package: "dropsync-tests",
  });
  return uploadFiles(slug, { files: [file] }).then(
    () => null,
    (rejection: { code: string; message: string }) => rejection,
  );
}

describe.each([
  { mode: "production", isDev: false },
  { mode: "dev", isDev: true },
])("callbacks in $mode mode", ({ isDev }) => {
  it("fails upload when onUploadComplete throws", async () => {
    const emulator = await startIngestEmulator({ callbackTimeoutMs: 300 });
    const routeServer = await startRouteServer(router, {
      token: emulator.token,
      ingestUrl: emulator.url,
      isDev,
      logLevel: "None",
    });
    try {
      const file = new File([patternBytes(100, 41)], "a.bin");

      const error = await uploadRejection(routeServer.url, "broken", file);
      const [stored] = emulator.uploads();

      expect(error?.code).toBe("UPLOAD_FAILED");
      expect(error?.message).toBe(
        `No /callback-result for ${stored?.key} within 300 ms after the callback. ` +
          "onUploadComplete probably threw or hangs; check the app's server log.",
      );
    } finally {
      await routeServer.close();
      await emulator.close();
    }
  });

  it("responds at once without awaitServerData", async () => {
    const emulator = await startIngestEmulator();
    const routeServer = await startRouteServer(router, {
      token: emulator.token,
      ingestUrl: emulator.url,
      isDev,
    });
    try {
      const file = new File([patternBytes(100, 42)], "b.bin");
      const callbackResult = emulator.waitFor("callback-result");
      const { uploadFiles } = genUploader<typeof router>({
        url: routeServer.url,
        package: "dropsync-tests",
      });

      const [result] = await uploadFiles("fireAndForget", { files: [file] });
      const { serverData } = await callbackResult;

      expect(result?.serverData).toBeNull();
      expect(serverData).toEqual({ seenBy: "user_async" });
    } finally {
      await routeServer.close();
      await emulator.close();
    }
  });
});

describe("callbacks to an unreachable app", () => {
  it("fails upload with callback address", async () => {
    const emulator = await startIngestEmulator();
    const callbackUrl = `http://127.0.0.1:${await closedPort()}/api/uploadthing`;
    const routeServer = await startRouteServer(router, {
      token: emulator.token,
      ingestUrl: emulator.url,
      callbackUrl,
    });
    try {
      const file = new File([patternBytes(10, 43)], "c.bin");
      const callbackFailed = emulator.waitFor("callback-failed");

      const error = await uploadRejection(routeServer.url, "broken", file);

      expect(error?.code).toBe("UPLOAD_FAILED");
      expect(error?.message).toBe(
        `The callback hook to ${callbackUrl}?slug=broken failed: fetch failed (ECONNREFUSED). ` +
          "Check that the app is running at that address.",
      );
      expect((await callbackFailed).message).toBe(error?.message);
    } finally {
      await routeServer.close();
      await emulator.close();
    }
  });

  it("reports dev stream forwarding failure", async () => {
    const emulator = await startIngestEmulator();
    const failingApp = await startFailingApp();
    const routeServer = await startRouteServer(router, {
      token: emulator.token,
      ingestUrl: emulator.url,
      callbackUrl: failingApp.url,
      isDev: true,
      logLevel: "None",
    });
    try {
      const file = new File([patternBytes(10, 44)], "d.bin");

      const error = await uploadRejection(routeServer.url, "broken", file);

      expect(error?.code).toBe("UPLOAD_FAILED");
      expect(error?.message).toMatch(
        /^Failed to forward callback request from dev stream: /,
      );
    } finally {
      await routeServer.close();
      await failingApp.close();
      await emulator.close();
    }
  });
});
