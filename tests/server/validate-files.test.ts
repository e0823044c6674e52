import { describe, expect, it } from "vitest";
import { expandRouteConfig } from "../../src/server/route-config";
import { presetRouteConfigs } from "../../src/server/presets";
import {
  checkUploadFiles,
  findFileRejections,
} from "../../src/server/validate-files";

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

  it("accepts octet-stream with an image extension", () => {
    const rejections = findFileRejections(
      [{ name: "a.png", size: 1000, type: "application/octet-stream" }],
      "avatar",
      imageLimits,
    );

    expect(rejections).toEqual([]);
  });

  it("rejects octet-stream with an unknown extension", () => {
    const rejections = findFileRejections(
      [{ name: "a.bin", size: 1000, type: "application/octet-stream" }],
      "avatar",
      imageLimits,
    );

    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      "a.bin has the type application/octet-stream. The avatar route accepts image files.",
    ]);
  });
});

const documentLimits = expandRouteConfig(presetRouteConfigs.documents);

describe("checkUploadFiles generic declared types", () => {
  it.each([
    ["data.csv", "application/vnd.ms-excel", "text/csv"],
    ["data.csv", "application/octet-stream", "text/csv"],
    ["data.csv", "text/x-csv", "text/csv"],
    ["notes.md", "application/octet-stream", "text/markdown"],
    ["notes.md", "", "text/markdown"],
    ["notes.md", "text/x-markdown", "text/markdown"],
    ["NOTES.MARKDOWN", "", "text/markdown"],
    ["report.pdf", "", "application/pdf"],
  ])("accepts %s declared as %j", (name, type, resolvedType) => {
    const check = checkUploadFiles(
      [{ name, size: 1000, type }],
      "documents",
      documentLimits,
    );

    expect(check.rejections).toEqual([]);
    expect(check.resolvedTypes.get(0)).toBe(resolvedType);
  });

  it("keeps an accepted declared type", () => {
    const check = checkUploadFiles(
      [{ name: "data.csv", size: 1000, type: "text/csv" }],
      "documents",
      documentLimits,
    );

    expect(check.rejections).toEqual([]);
    expect(check.resolvedTypes.size).toBe(0);
  });

  it("prefers a listed alias type", () => {
    const limits = expandRouteConfig({
      "text/csv": { maxFileSize: "1MB" },
      "application/vnd.ms-excel": { maxFileSize: "16MB" },
    });
    const check = checkUploadFiles(
      [
        {
          name: "data.csv",
          size: 2 * megabyte,
          type: "application/vnd.ms-excel",
        },
      ],
      "documents",
      limits,
    );

    expect(check.rejections).toEqual([]);
    expect(check.resolvedTypes.size).toBe(0);
  });

  it.each([
    [
      "sheet.xls",
      "application/vnd.ms-excel",
      "sheet.xls has the type application/vnd.ms-excel. The documents route accepts pdf, text/plain, text/markdown, text/csv files.",
    ],
    [
      "notes.md",
      "application/vnd.ms-excel",
      "notes.md has the type application/vnd.ms-excel. The documents route accepts pdf, text/plain, text/markdown, text/csv files.",
    ],
    [
      "setup.exe",
      "application/octet-stream",
      "setup.exe has the type application/octet-stream. The documents route accepts pdf, text/plain, text/markdown, text/csv files.",
    ],
    [
      "cat.exe",
      "text/csv",
      "cat.exe is declared as text/csv, but its extension belongs to application/x-msdownload or application/vnd.microsoft.portable-executable files.",
    ],
  ])("rejects %s declared as %s", (name, type, reason) => {
    const check = checkUploadFiles(
      [{ name, size: 1000, type }],
      "documents",
      documentLimits,
    );

    expect(check.rejections.map((rejection) => rejection.reason)).toEqual([
      reason,
    ]);
  });

  it("rejects an image extension declared as png", () => {
    const check = checkUploadFiles(
      [{ name: "cat.exe", size: 1000, type: "image/png" }],
      "avatar",
      imageLimits,
    );

    expect(check.rejections.map((rejection) => rejection.code)).toEqual([
      "BAD_REQUEST",
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
