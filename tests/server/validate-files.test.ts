import { describe, expect, it } from "vitest";
import { expandRouteConfig } from "../../src/server/route-config";
import { findFileRejections } from "../../src/server/validate-files";

const megabyte = 1024 * 1024;
const imageLimits = expandRouteConfig({ image: { maxFileSize: "4MB" } });
const mediaLimits = expandRouteConfig({
  video: { maxFileCount: 5 },
  audio: { maxFileCount: 5 },
});

describe("findFileRejections sizes", () => {
  it("accepts a file at the limit", () => {
    const rejections = findFileRejections(
      [{ name: "a.png", size: 4 * megabyte, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(rejections).toEqual([]);
  });

  it("names bytes just over the limit", () => {
    const rejections = findFileRejections(
      [{ name: "a.png", size: 4 * megabyte + 1, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      "a.png is 4194305 bytes, but the limit for image files is 4194304 bytes.",
    ]);
  });

  it("accepts an empty file", () => {
    const rejections = findFileRejections(
      [{ name: "a.png", size: 0, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(rejections).toEqual([]);
  });
});

describe("findFileRejections types", () => {
  it("accepts audio in an mp4 file", () => {
    const rejections = findFileRejections(
      [{ name: "talk.mp4", size: 1000, type: "audio/mp4" }],
      "media",
      mediaLimits,
    );

    expect(rejections).toEqual([]);
  });

  it("looks up an untyped HEIC photo", () => {
    const rejections = findFileRejections(
      [{ name: "IMG_0001.HEIC", size: 1000, type: "" }],
      "avatar",
      imageLimits,
    );

    expect(rejections).toEqual([]);
  });

  it("accepts an unknown extension", () => {
    const rejections = findFileRejections(
      [{ name: "photo.jfif", size: 1000, type: "image/jpeg" }],
      "avatar",
      imageLimits,
    );

    expect(rejections).toEqual([]);
  });

  it("rejects HTML declared as SVG", () => {
    const rejections = findFileRejections(
      [{ name: "page.html", size: 1000, type: "image/svg+xml" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.code)).toEqual([
      "BAD_REQUEST",
    ]);
  });

  it("rejects octet-stream on an image route", () => {
    const rejections = findFileRejections(
      [{ name: "a.png", size: 1000, type: "application/octet-stream" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      "a.png has the type application/octet-stream. The avatar route accepts image files.",
    ]);
  });
});

describe("findFileRejections names", () => {
  it("rejects an empty name", () => {
    const rejections = findFileRejections(
      [{ name: " ", size: 1, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      "A file in the upload request has no name.",
    ]);
  });

  it("rejects a control character", () => {
    const rejections = findFileRejections(
      [{ name: "a\u0000.png", size: 1, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.code)).toEqual([
      "BAD_REQUEST",
    ]);
  });
});
