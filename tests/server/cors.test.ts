import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteHandler as createNextHandler } from "uploadthing/next";
import { createFileRouter, withUploadCors } from "../../src/server";
import {
  startRequestRecorder,
  type RequestRecorder,
} from "./support/request-recorder";
import {
  createTestRouteHandler,
  testHandlerConfig,
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

  it("rejects with the error shape", async () => {
    const response = await preflight("https://evil.example");

    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      code: "FORBIDDEN",
      message:
        "The origin https://evil.example may not upload here. Add it to the origins option of withUploadCors.",
    });
  });
});

describe("withUploadCors origins", () => {
  const echo = async (_request: Request) => new Response("ok");

  async function allowOrigin(listed: string, requestOrigin: string) {
    const wrapped = withUploadCors(echo, { origins: [listed] });
    const response = await wrapped(
      new Request(uploadUrl, {
        method: "OPTIONS",
        headers: { origin: requestOrigin },
      }),
    );
    return response.headers.get("access-control-allow-origin");
  }

  it.each([
    ["https://app.example.com/", "https://app.example.com"],
    ["HTTPS://APP.EXAMPLE.COM", "https://app.example.com"],
    ["https://app.example.com:443", "https://app.example.com"],
    ["http://localhost:3000/", "http://localhost:3000"],
    ["capacitor://LOCALHOST", "capacitor://localhost"],
  ])("normalizes %s", async (listed, requestOrigin) => {
    expect(await allowOrigin(listed, requestOrigin)).toBe(requestOrigin);
  });

  it.each([
    ["app.example.com", "it has no scheme, such as https://."],
    ["localhost:3000", "it has no scheme, such as https://."],
    [
      "https://app.example.com/upload",
      "an origin has no path, query or fragment.",
    ],
    [
      "https://app.example.com?x=1",
      "an origin has no path, query or fragment.",
    ],
    ["https://user@app.example.com", "an origin has no user name or password."],
    ["*", 'to allow any origin, pass origins: "*" instead of a list.'],
  ])("rejects the entry %s", (entry, reason) => {
    expect(() => withUploadCors(echo, { origins: [entry] })).toThrow(
      new TypeError(
        `withUploadCors: invalid origin ${JSON.stringify(entry)}: ${reason} Write an origin as scheme://host[:port], such as "https://app.example.com".`,
      ),
    );
  });

  it("rejects an empty list", () => {
    expect(() => withUploadCors(echo, { origins: [] })).toThrow(
      new TypeError(
        'withUploadCors: origins is empty, so no page could upload. List the origins of the pages that upload, such as ["https://app.example.com"], or pass "*".',
      ),
    );
  });

  it("rejects a single string", () => {
    const origins = "https://app.example.com" as unknown as string[];

    expect(() => withUploadCors(echo, { origins })).toThrow(
      new TypeError(
        'withUploadCors: origins must be a list of origins or "*", not "https://app.example.com". Pass origins: ["https://app.example.com"].',
      ),
    );
  });

  it("rejects a negative max age", () => {
    expect(() =>
      withUploadCors(echo, { origins: "*", maxAgeSeconds: -1 }),
    ).toThrow(
      new TypeError(
        "withUploadCors: maxAgeSeconds must be a whole number of seconds of at least 0, not -1.",
      ),
    );
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
      config: testHandlerConfig(ingest.origin),
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
