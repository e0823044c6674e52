import { describe, expect, it } from "vitest";
import { requestFromAdapterArgs } from "../../src/server/adapter-request";

const fetchRequest = new Request("http://localhost:3000/api/uploadthing", {
  headers: { authorization: "Bearer abc" },
});

// Node's IncomingMessage as Express, Fastify and h3 1 expose it.
const nodeRequest = {
  url: "/api/uploadthing?slug=avatar",
  originalUrl: "/uploads/api/uploadthing?slug=avatar",
  headers: {
    host: "example.com",
    "x-forwarded-proto": "https",
    cookie: ["a=1", "b=2"],
    authorization: "Bearer abc",
  },
};

describe("requestFromAdapterArgs", () => {
  it("returns a Fetch request as is", () => {
    expect(requestFromAdapterArgs({ req: fetchRequest })).toBe(fetchRequest);
  });

  it("converts a Node request's headers", () => {
    const request = requestFromAdapterArgs({ req: nodeRequest, res: {} });

    expect(request.headers.get("authorization")).toBe("Bearer abc");
    expect(request.headers.get("cookie")).toBe("a=1; b=2");
  });

  it("builds the URL of a Node request", () => {
    const request = requestFromAdapterArgs({ req: nodeRequest, res: {} });

    expect(request.url).toBe(
      "https://example.com/uploads/api/uploadthing?slug=avatar",
    );
  });

  it("reads an h3 1 event", () => {
    const request = requestFromAdapterArgs({
      event: { node: { req: nodeRequest } },
    });

    expect(request.headers.get("authorization")).toBe("Bearer abc");
  });

  it("reads an h3 2 event", () => {
    expect(requestFromAdapterArgs({ event: { req: fetchRequest } })).toBe(
      fetchRequest,
    );
  });

  it("reads Remix arguments", () => {
    expect(
      requestFromAdapterArgs({ event: { request: fetchRequest, params: {} } }),
    ).toBe(fetchRequest);
  });

  it("names the keys it found", () => {
    expect(() =>
      requestFromAdapterArgs({ input: undefined, files: [] }),
    ).toThrow(
      "Cannot find the request in the UploadThing middleware arguments (keys: input, files).",
    );
  });
});
