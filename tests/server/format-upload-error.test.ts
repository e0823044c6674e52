import { describe, expect, it } from "vitest";
import { UploadThingError } from "uploadthing/server";
import { formatUploadError } from "../../src/server";

describe("formatUploadError", () => {
  it("sends UploadThing's file reason", () => {
    const error = new UploadThingError({
      code: "BAD_REQUEST",
      message: "Invalid config: FileSizeMismatch",
      cause:
        "You uploaded a image file that was 10MB, but the limit for that type is 4MB",
    });

    expect(formatUploadError(error)).toEqual({
      code: "BAD_REQUEST",
      message:
        "You uploaded a image file that was 10MB, but the limit for that type is 4MB",
    });
  });

  it("names Standard Schema issue paths", () => {
    const error = new UploadThingError({
      code: "BAD_REQUEST",
      message: "Invalid input",
      cause: Object.assign(new Error("Input validation failed."), {
        cause: [
          { message: "Required", path: [{ key: "album" }, "id"] },
          { message: "Too long", path: ["title"] },
        ],
      }),
    });

    expect(formatUploadError(error).message).toBe(
      "Invalid input: album.id: Required; title: Too long",
    );
  });

  it("keeps other messages", () => {
    const error = new UploadThingError({
      code: "NOT_FOUND",
      message: "No file route found for slug videos",
    });

    expect(formatUploadError(error)).toEqual({
      code: "NOT_FOUND",
      message: "No file route found for slug videos",
    });
  });
});
