import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteHandler as createNextHandler } from "uploadthing/next";
import { createFileRouter, withUploadCors } from "../../src/server";
import {
  startRequestRecorder,
  type RequestRecorder,
} from "./support/request-recorder";
import {
  createTestRouteHandler,
  uploadThingToken,
} from "./support/uploadthing";

const appOrigin = "https://app.example.com";
const router = createFileRouter({
  auth: (request) => {
    const userId = request.headers.get("x-user-id");
    return userId ? { userId } : null;
  },
});

let ingest: RequestRecorder;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  ingest = await startRequestRecorder();
  handler = withUploadCors(createTestRouteHandler(router, ingest.origin), {
    origins: [appOrigin],
  });
});

afterAll(async () => {
  await ingest.close();
});

const uploadUrl =
  "https://uploads.example.com/api/uploadthing?actionType=upload&slug=avatar";

function preflight(origin: string) {
  return handler(
    new Request(uploadUrl, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers":
          "authorization,content-type,x-uploadthing-version",
      },
    }),
  );
}

function presign(headers: Record<string, string>) {
  return handler(
    new Request(uploadUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        files: [{ name: "me.png", size: 100, type: "image/png" }],
        input: undefined,
      }),
    }),
  );
}

describe("withUploadCors preflight", () => {
  it("allows a listed origin", async () => {
    const response = await preflight(appOrigin);

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(appOrigin);
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "authorization,content-type,x-uploadthing-version",
    );
    expect(response.headers.get("access-control-allow-methods")).toBe(
      "GET, POST, OPTIONS",
    );
  });

  it("rejects an unlisted origin", async () => {
    const response = await preflight("https://evil.example");

    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("withUploadCors responses", () => {
  it("marks responses to a listed origin", async () => {
    const response = await presign({ origin: appOrigin, "x-user-id": "u1" });

    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(appOrigin);
  });

  it("marks error responses too", async () => {
    const response = await presign({ origin: appOrigin });

    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBe(appOrigin);
  });

  it("leaves other origins unmarked", async () => {
    const response = await presign({ origin: "https://evil.example" });

    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("passes requests without an origin", async () => {
    const response = await presign({ "x-user-id": "u1" });

    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("wraps the Next.js handlers", async () => {
    const { POST } = createNextHandler({
      router,
      config: {
        token: uploadThingToken,
        ingestUrl: ingest.origin,
        isDev: false,
        handleDaemonPromise: "void",
        logLevel: "None",
      },
    });
    const OPTIONS = withUploadCors(POST, { origins: "*" });
    const response = await OPTIONS(
      new Request(uploadUrl, {
        method: "OPTIONS",
        headers: { origin: appOrigin },
      }) as Parameters<typeof POST>[0],
    );

    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
