import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genUploader } from "uploadthing/client";
import { UploadThingError } from "uploadthing/server";
import { clerkAuth, createFileRouter } from "../../src/server";
import { startIngestEmulator, type IngestEmulator } from "../../src/testing";
import {
  appOrigin,
  generateSigningKey,
  signSessionToken,
} from "./support/clerk-tokens";
import { serveFetch, type LocalServer } from "./support/serve-fetch";
import { testHandlerConfig } from "./support/uploadthing";
import { createRouteHandler } from "uploadthing/server";

const clerkKey = generateSigningKey();
const otherKey = generateSigningKey();
const now = Math.floor(Date.now() / 1000);

const reportedErrors: { route: string; fileKey: string; message: string }[] =
  [];

const router = createFileRouter({
  auth: clerkAuth({
    jwtKey: clerkKey.publicKeyPem,
    authorizedParties: [appOrigin],
    audience: ["uploads"],
  }),
  onUploadComplete: ({ userId, file, route }) => ({
    uploadedBy: userId,
    route,
    size: file.size,
  }),
  onUploadError: ({ route, fileKey, error }) => {
    reportedErrors.push({ route, fileKey, message: error.message });
  },
});

let ingest: IngestEmulator;
let server: LocalServer;
let uploader: ReturnType<typeof genUploader<typeof router>>;

beforeAll(async () => {
  ingest = await startIngestEmulator();
  const handler = createRouteHandler({
    router,
    config: testHandlerConfig(ingest.url, ingest.token),
  });
  server = await serveFetch(handler);
  uploader = genUploader<typeof router>({
    url: `${server.origin}/api/uploadthing`,
    package: "dropsync-tests",
  });
});

afterAll(async () => {
  await server.close();
  await ingest.close();
});

function pngFile(name = "me.png", bytes = 2048) {
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

async function uploadError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as UploadThingError;
  }
  throw new Error("Expected the upload to fail.");
}

describe("upload round trip", () => {
  it("stores the file of a signed-in user", async () => {
    const before = ingest.uploads().length;
    const token = signSessionToken(clerkKey, { aud: "uploads" });
    const [result] = await uploader.uploadFiles("avatar", {
      files: [pngFile()],
      headers: () => bearer(token),
    });
    const stored = ingest.uploads().slice(before);

    expect(result?.serverData).toEqual({
      uploadedBy: "user_2abc",
      route: "avatar",
      size: 2048,
    });
    expect(stored.length).toBe(1);
    expect(stored[0]?.metadata).toEqual({ userId: "user_2abc" });
  });

  const rejected: {
    name: string;
    headers: () => Record<string, string>;
    message: string;
  }[] = [
    {
      name: "missing token",
      headers: () => ({}),
      message: "You must be signed in to upload files.",
    },
    {
      name: "expired token",
      headers: () =>
        bearer(
          signSessionToken(clerkKey, {
            aud: "uploads",
            iat: now - 600,
            nbf: now - 610,
            exp: now - 540,
          }),
        ),
      message:
        "Your session token has expired. Refresh the page or sign in again, then retry the upload.",
    },
    {
      name: "forged token",
      headers: () => bearer(signSessionToken(otherKey, { aud: "uploads" })),
      message:
        "Your session token is invalid. Sign in again, then retry the upload.",
    },
    {
      name: "wrong audience",
      headers: () => bearer(signSessionToken(clerkKey, { aud: "billing" })),
      message:
        "Your session token was issued for another audience than this upload route accepts.",
    },
    {
      name: "wrong authorized party",
      headers: () =>
        bearer(
          signSessionToken(clerkKey, {
            aud: "uploads",
            azp: "https://evil.example",
          }),
        ),
      message:
        "Your session token was issued to an origin that this upload route does not accept.",
    },
  ];

  for (const testCase of rejected) {
    describe(testCase.name, () => {
      let error: UploadThingError;
      let storedBefore: number;

      beforeAll(async () => {
        storedBefore = ingest.uploads().length;
        error = await uploadError(
          uploader.uploadFiles("avatar", {
            files: [pngFile()],
            headers: testCase.headers(),
          }),
        );
      });

      it("fails with FORBIDDEN", () => {
        expect(error.code).toBe("FORBIDDEN");
      });

      it("passes the reason to the client", () => {
        expect(error.message).toBe(testCase.message);
      });

      it("stores nothing", () => {
        expect(ingest.uploads().length).toBe(storedBefore);
      });
    });
  }

  it("reports a failed transfer", async () => {
    ingest.failNthPut(1, 500);
    const token = signSessionToken(clerkKey, { aud: "uploads" });
    const error = await uploadError(
      uploader.uploadFiles("gallery", {
        files: [pngFile("broken.png")],
        headers: bearer(token),
      }),
    );
    const deadline = Date.now() + 2000;
    while (reportedErrors.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect(error).toBeInstanceOf(UploadThingError);
    expect(reportedErrors.map(({ route }) => route)).toEqual(["gallery"]);
    expect(reportedErrors[0]?.fileKey).toBeTypeOf("string");
  });

  it("passes a size rejection to the client", async () => {
    const token = signSessionToken(clerkKey, { aud: "uploads" });
    const error = await uploadError(
      uploader.uploadFiles("avatar", {
        files: [pngFile("huge.png", 5 * 1024 * 1024)],
        headers: bearer(token),
      }),
    );

    expect(error.message).toBe(
      "huge.png is 5 MB, but the limit for image files is 4 MB.",
    );
  });
});
