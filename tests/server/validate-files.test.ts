import { describe, expect, it } from "vitest";
import { expandRouteConfig } from "../../src/server/route-config";
import { hasInvalidName } from "../../src/dropzone/file-rules";
import { matchTypeKey } from "../../src/dropzone/validation";
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

describe("findFileRejections bidirectional controls", () => {
  const textLimits = expandRouteConfig({ text: {}, blob: {} });

  it("rejects a right-to-left override", () => {
    const rejections = findFileRejections(
      [{ name: "invoice\u202Efdp.exe", size: 1, type: "" }],
      "uploads",
      textLimits,
    );

    expect(rejections).toEqual([
      {
        name: "invoice\u202Efdp.exe",
        code: "BAD_REQUEST",
        reason:
          'The file name "invoice\\u202efdp.exe" contains a path separator or a control character.',
      },
    ]);
  });

  it.each([
    ["a\u202Ab.txt", '"a\\u202ab.txt"'],
    ["a\u202Bb.txt", '"a\\u202bb.txt"'],
    ["a\u202Cb.txt", '"a\\u202cb.txt"'],
    ["a\u202Db.txt", '"a\\u202db.txt"'],
    ["a\u2066b.txt", '"a\\u2066b.txt"'],
    ["a\u2067b.txt", '"a\\u2067b.txt"'],
    ["a\u2068b.txt", '"a\\u2068b.txt"'],
    ["a\u2069b.txt", '"a\\u2069b.txt"'],
    ["a\u200Eb.txt", '"a\\u200eb.txt"'],
    ["a\u200Fb.txt", '"a\\u200fb.txt"'],
    ["a\u061Cb.txt", '"a\\u061cb.txt"'],
    ["a\u0085b.txt", '"a\\u0085b.txt"'],
    ["a\u007Fb.txt", '"a\\u007fb.txt"'],
    ["a\u0007b.txt", '"a\\u0007b.txt"'],
  ])("rejects %j with the name escaped", (name, quoted) => {
    const rejections = findFileRejections(
      [{ name, size: 1, type: "text/plain" }],
      "uploads",
      textLimits,
    );

    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      `The file name ${quoted} contains a path separator or a control character.`,
    ]);
  });

  it.each([
    "تقرير.txt",
    "דוח שנתי.txt",
    "\u{1F469}\u200D\u{1F4BB}.txt",
    "a\u00A0b.txt",
  ])("accepts %j", (name) => {
    const rejections = findFileRejections(
      [{ name, size: 1, type: "text/plain" }],
      "uploads",
      textLimits,
    );

    expect(rejections).toEqual([]);
  });

  it.each([
    "invoice\u202Efdp.exe",
    "a\u2066b.txt",
    "a\u200Fb.txt",
    "a\u0085b.txt",
    "a/b.txt",
    "a\\b.txt",
    "a\u0000b.txt",
    "תקין.txt",
    "\u{1F469}\u200D\u{1F4BB}.txt",
    "plain.txt",
  ])("matches the browser rule for %j", (name) => {
    const rejections = findFileRejections(
      [{ name, size: 1, type: "text/plain" }],
      "uploads",
      textLimits,
    );

    expect(rejections.length > 0).toBe(hasInvalidName(name));
  });
});

describe("checkUploadFiles MIME type case", () => {
  it.each([
    ["image/png", "a.png", "IMAGE/PNG", "image/png"],
    ["image/png", "a.png", "Image/Png", "image/png"],
    ["Image/PNG", "a.png", "image/png", "Image/PNG"],
    ["Image/PNG", "a.png", "", "Image/PNG"],
    ["Image/PNG", "a.png", "application/octet-stream", "Image/PNG"],
    ["image", "a.png", "IMAGE/PNG", "image/png"],
    ["Text/CSV", "data.csv", "application/vnd.ms-excel", "Text/CSV"],
    ["pdf", "a.pdf", "APPLICATION/PDF", "application/pdf"],
  ])("key %s takes %s declared %j", (key, name, type, resolvedType) => {
    const check = checkUploadFiles(
      [{ name, size: 1000, type }],
      "uploads",
      expandRouteConfig({ [key]: {} } as never),
    );

    expect(check.rejections).toEqual([]);
    expect(check.resolvedTypes.get(0)).toBe(resolvedType);
  });

  it("keeps a type spelled like its key", () => {
    const check = checkUploadFiles(
      [{ name: "a.png", size: 1000, type: "image/png" }],
      "uploads",
      expandRouteConfig({ "image/png": {} }),
    );

    expect(check.resolvedTypes.size).toBe(0);
  });

  it("applies the exact key's size limit", () => {
    const limits = expandRouteConfig({
      "image/png": { maxFileSize: "1MB" },
      image: { maxFileSize: "8MB" },
    });
    const check = checkUploadFiles(
      [{ name: "a.png", size: 2 * megabyte, type: "IMAGE/PNG" }],
      "uploads",
      limits,
    );

    expect(check.rejections.map((rejection) => rejection.reason)).toEqual([
      "a.png is 2 MB, but the limit for image/png files is 1 MB.",
    ]);
  });

  it("counts both spellings against one key", () => {
    const check = checkUploadFiles(
      [
        { name: "a.png", size: 1000, type: "image/png" },
        { name: "b.png", size: 1000, type: "IMAGE/PNG" },
      ],
      "uploads",
      expandRouteConfig({ "image/png": { maxFileCount: 1 } }),
    );

    expect(check.rejections.map((rejection) => rejection.reason)).toEqual([
      "The uploads route takes at most 1 image/png file per upload, but the request has 2.",
    ]);
  });

  it("rejects another type in upper case", () => {
    const check = checkUploadFiles(
      [{ name: "a.gif", size: 1000, type: "IMAGE/GIF" }],
      "uploads",
      expandRouteConfig({ "image/png": {} }),
    );

    expect(check.rejections.map((rejection) => rejection.reason)).toEqual([
      "a.gif has the type IMAGE/GIF. The uploads route accepts image/png files.",
    ]);
  });
});

describe("checkUploadFiles browser parity", () => {
  const keySets: string[][] = [
    ["image/png"],
    ["Image/PNG"],
    ["image"],
    ["image/png", "blob"],
    ["text/csv"],
    ["pdf"],
  ];
  const files: [string, string][] = [
    ["a.png", "image/png"],
    ["a.png", "IMAGE/PNG"],
    ["a.png", "Image/Png"],
    ["a.png", ""],
    ["a.gif", "IMAGE/GIF"],
    ["data.csv", "application/vnd.ms-excel"],
    ["data.csv", "TEXT/CSV"],
    ["a.pdf", "APPLICATION/PDF"],
    ["a.bin", "application/octet-stream"],
  ];
  const cases = keySets.flatMap((keys) =>
    files.map(([name, type]) => [keys.join(","), name, type] as const),
  );

  it.each(cases)("keys %s agree on %s %j", (keyList, name, type) => {
    const keys = keyList.split(",");
    const limits = expandRouteConfig(
      Object.fromEntries(keys.map((key) => [key, {}])) as never,
    );
    const serverAccepts =
      checkUploadFiles([{ name, size: 1000, type }], "uploads", limits)
        .rejections.length === 0;
    const browserAccepts = matchTypeKey(name, type, keys) !== undefined;

    expect(serverAccepts).toBe(browserAccepts);
  });
});
