import {
  FetchError,
  InvalidJsonError,
  UploadThingError,
} from "@uploadthing/shared";
import { describe, expect, it } from "vitest";
import {
  readServerMessage,
  readTransferFailure,
} from "../../src/dropzone/upload-errors";

describe("readServerMessage", () => {
  it("reads the handler's JSON message", () => {
    const error = new UploadThingError({
      code: "FORBIDDEN",
      message: "Forbidden",
      cause: { message: "Sign in to upload", code: "FORBIDDEN" },
    });
    expect(readServerMessage(error)).toBe("Sign in to upload");
  });

  it("skips a response that is not JSON", () => {
    const error = new UploadThingError({
      code: "INTERNAL_CLIENT_ERROR",
      message: "Failed to parse response from UploadThing server",
      cause: new InvalidJsonError({
        error: new SyntaxError("Unexpected token '<'"),
        input: "http://127.0.0.1/api/uploadthing",
      }),
    });
    expect(readServerMessage(error)).toBe(undefined);
  });
});

describe("readTransferFailure", () => {
  it("reads the storage status", () => {
    const error = new UploadThingError({
      code: "UPLOAD_FAILED",
      message: "XHR failed 503 Service Unavailable",
    });
    expect(readTransferFailure(error)).toEqual({ status: 503 });
  });

  it("treats an unreachable storage server as no response", () => {
    const error = new FetchError({
      error: new TypeError("Failed to fetch"),
      input: {
        url: "http://127.0.0.1:9/f/key",
        method: "HEAD",
        body: undefined,
        headers: {},
      },
    });
    expect(readTransferFailure(error)).toEqual({ status: undefined });
  });

  it("ignores a route handler rejection", () => {
    const error = new UploadThingError({
      code: "BAD_REQUEST",
      message: "Invalid input",
    });
    expect(readTransferFailure(error)).toBe(undefined);
  });
});
