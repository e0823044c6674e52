import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DropzoneRejection } from "../../src";
import {
  dropFiles,
  fileRow,
  fileRows,
  makeFile,
  renderManualDropzone,
  uploadedFile,
} from "./dropzone-helpers";

describe("Dropzone validation", () => {
  it("queues an allowed image", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("photo.png", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("photo.png").dataset.state).toBe("queued");
  });

  it.each(["notes.md", "data.csv", "IMG_0001.HEIC"])(
    "matches empty type of %s by extension",
    async (name) => {
      renderManualDropzone();
      await dropFiles([makeFile(name, "")]);
      await waitFor(() => expect(fileRows()).toHaveLength(1));
      expect(fileRow(name).dataset.state).toBe("queued");
    },
  );

  it("matches MIME types case-insensitively", async () => {
    renderManualDropzone({
      routeConfig: {
        "image/png": { maxFileSize: "4MB", maxFileCount: 2, minFileCount: 1 },
      },
    });
    await dropFiles([
      makeFile("upper.png", "IMAGE/PNG"),
      makeFile("LOUD.PNG", ""),
    ]);
    await waitFor(() => expect(fileRows()).toHaveLength(2));
    expect(fileRow("upper.png").dataset.state).toBe("queued");
    expect(fileRow("LOUD.PNG").dataset.state).toBe("queued");
  });

  it("rejects a disallowed type with reason", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile("movie.mp4", "video/mp4")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    const row = fileRow("movie.mp4");
    expect(row.dataset.state).toBe("rejected");
    expect(row).toHaveTextContent(
      "movie.mp4 is not an allowed file type; allowed: images, text files",
    );
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-invalid-type");
  });

  it("passes invalid type details", async () => {
    const invalidType = vi.fn(() => "rejected type");
    renderManualDropzone({ messages: { invalidType } });
    await dropFiles([makeFile("Movie.MP4", "video/mp4")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(invalidType).toHaveBeenCalledWith("Movie.MP4", {
      type: "video/mp4",
      extension: "mp4",
      allowedTypes: ["image", "text"],
      allowedDescription: "images, text files",
      impliedTypes: [],
    });
    expect(fileRow("Movie.MP4")).toHaveTextContent("rejected type");
  });

  it("names the extension's types on mismatch", async () => {
    renderManualDropzone({
      routeConfig: {
        blob: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 1 },
      },
    });
    await dropFiles([makeFile("report.exe", "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("report.exe").dataset.state).toBe("rejected");
    expect(fileRow("report.exe")).toHaveTextContent(
      "report.exe is declared as text/plain, but its extension belongs to application/x-msdownload or application/vnd.microsoft.portable-executable files",
    );
  });

  it("rejects an oversized file naming limit", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile("photo.jpg", "image/jpeg", 10 * 1024 * 1024)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("photo.jpg").dataset.state).toBe("rejected");
    expect(fileRow("photo.jpg")).toHaveTextContent(
      "photo.jpg is 10 MB; the limit is 4 MB",
    );
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-too-large");
  });

  it("shows bytes when sizes round alike", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("over.png", "image/png", 4 * 1024 * 1024 + 1)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("over.png")).toHaveTextContent(
      "over.png is 4194305 B; the limit is 4194304 B",
    );
  });

  it("rejects a file whose minimum cannot be met", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    // Two uploads in `value` take two of the three slots, and a new upload
    // request needs two files.
    renderManualDropzone({
      routeConfig: {
        image: { maxFileSize: "4MB", maxFileCount: 3, minFileCount: 2 },
      },
      value: [uploadedFile("m1.png"), uploadedFile("m2.png")],
      onReject,
    });
    await waitFor(() => expect(fileRows()).toHaveLength(2));

    await dropFiles([makeFile("m3.png", "image/png")]);

    await waitFor(() => expect(fileRows()).toHaveLength(3));
    expect(fileRow("m3.png").dataset.state).toBe("rejected");
    expect(fileRow("m3.png")).toHaveTextContent(
      "m3.png was not added: this route uploads at least 2 files at once, and only 1 more fits",
    );
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("too-many-files");
  });

  it("admits a pair that meets the minimum", async () => {
    renderManualDropzone({
      routeConfig: {
        image: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 2 },
      },
      value: [uploadedFile("m1.png"), uploadedFile("m2.png")],
    });
    await waitFor(() => expect(fileRows()).toHaveLength(2));

    await dropFiles([
      makeFile("m3.png", "image/png"),
      makeFile("m4.png", "image/png"),
    ]);

    await waitFor(() => expect(fileRows()).toHaveLength(4));
    expect(fileRow("m3.png").dataset.state).toBe("queued");
    expect(fileRow("m4.png").dataset.state).toBe("queued");
  });

  it("accepts a file exactly at the size limit", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("exact.png", "image/png", 4 * 1024 * 1024)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("exact.png").dataset.state).toBe("queued");
  });

  it("counts files across drops", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([1, 2, 3].map((n) => makeFile(`a${n}.png`, "image/png")));
    await waitFor(() => expect(fileRows()).toHaveLength(3));
    await dropFiles([4, 5, 6].map((n) => makeFile(`a${n}.png`, "image/png")));
    await waitFor(() => expect(fileRows()).toHaveLength(6));
    expect(fileRow("a4.png").dataset.state).toBe("queued");
    expect(fileRow("a5.png").dataset.state).toBe("rejected");
    expect(fileRow("a6.png").dataset.state).toBe("rejected");
    expect(fileRow("a5.png")).toHaveTextContent(
      "a5.png was not added: the limit is 4 files",
    );
    const codes = onReject.mock.calls[0]![0].map((r) => r.code);
    expect(codes).toEqual(["too-many-files", "too-many-files"]);
  });

  it("counts limits per file type", async () => {
    renderManualDropzone();
    const images = [1, 2, 3, 4].map((n) => makeFile(`i${n}.png`, "image/png"));
    await dropFiles([...images, makeFile("readme.txt", "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(5));
    expect(fileRow("readme.txt").dataset.state).toBe("queued");
  });

  it("rejects a duplicate file", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile("same.png", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    await dropFiles([makeFile("same.png", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(2));
    expect(fileRows()[1]!.dataset.state).toBe("rejected");
    expect(fileRows()[1]).toHaveTextContent("same.png is already in the list");
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("duplicate-file");
  });

  it("keeps a same-name file with another time", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("same.png", "image/png", 10, 1)]);
    await dropFiles([makeFile("same.png", "image/png", 10, 2)]);
    await waitFor(() => expect(fileRows()).toHaveLength(2));
    expect(fileRows().map((row) => row.dataset.state)).toEqual([
      "queued",
      "queued",
    ]);
  });

  it("replaces messages for localisation", async () => {
    renderManualDropzone({
      messages: {
        dropHint: "Dateien hierher ziehen",
        fileTooLarge: (name, size, limit) =>
          `${name} ist ${size} groß; erlaubt sind ${limit}`,
        status: { rejected: "Abgelehnt" } as never,
      },
    });
    expect(screen.getByText("Dateien hierher ziehen")).toBeInTheDocument();
    await dropFiles([makeFile("foto.jpg", "image/jpeg", 5 * 1024 * 1024)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("foto.jpg")).toHaveTextContent(
      "foto.jpg ist 5 MB groß; erlaubt sind 4 MB",
    );
  });
});

describe("Dropzone file name check", () => {
  it.each([
    ["../../etc/passwd", "../../etc/passwd"],
    ["back\\slash.txt", "back\\\\slash.txt"],
    ["bell\u0007.txt", "bell\\u0007.txt"],
    ["tab\t.txt", "tab\\t.txt"],
    ["delete\u007f.txt", "delete\\u007f.txt"],
    ["invoice\u202efdp.exe", "invoice\\u202efdp.exe"],
  ])("rejects the name %j", async (name, shown) => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile(name, "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRows()[0]!.dataset.state).toBe("rejected");
    expect(fileRows()[0]).toHaveTextContent(
      `The file name "${shown}" contains a path separator or a control character; rename the file and add it again`,
    );
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-invalid-name");
  });

  it.each(["", "   "])("rejects the empty name %j", async (name) => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile(name, "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRows()[0]!.dataset.state).toBe("rejected");
    expect(fileRows()[0]).toHaveTextContent(
      "A file without a name cannot be uploaded; rename it and add it again",
    );
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-invalid-name");
  });

  it("replaces the invalid name message", async () => {
    renderManualDropzone({
      messages: { invalidName: (name) => `Ungültig: ${name}` },
    });
    await dropFiles([makeFile("a/b.txt", "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRows()[0]).toHaveTextContent("Ungültig: a/b.txt");
  });

  it("accepts dots and spaces in names", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("..hidden notes.v2.txt", "text/plain")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRows()[0]!.dataset.state).toBe("queued");
  });
});

describe("Dropzone declared type check", () => {
  it.each([
    ["notes.md", "application/octet-stream"],
    ["notes.md", "text/x-markdown"],
    ["data.csv", "application/vnd.ms-excel"],
    ["DATA.CSV", "APPLICATION/VND.MS-EXCEL"],
    ["data.csv", "text/x-csv"],
    ["data.csv", "application/csv"],
    ["photo.png", "application/octet-stream"],
  ])("matches %s sent as %s by extension", async (name, type) => {
    renderManualDropzone();
    await dropFiles([makeFile(name, type)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow(name).dataset.state).toBe("queued");
  });

  it.each([
    ["cat.exe", "image/png"],
    ["photo.png", "text/x-markdown"],
    ["report.xls", "application/vnd.ms-excel"],
    ["unknown.bin", "application/octet-stream"],
  ])("rejects %s sent as %s", async (name, type) => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile(name, type)]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow(name).dataset.state).toBe("rejected");
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-invalid-type");
  });

  it("matches an aliased type to an exact key", async () => {
    renderManualDropzone({
      routeConfig: {
        "text/markdown": {
          maxFileSize: "1MB",
          maxFileCount: 1,
          minFileCount: 1,
        },
      },
    });
    await dropFiles([makeFile("notes.md", "text/x-markdown")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("notes.md").dataset.state).toBe("queued");
  });

  it("rejects cat.exe as image/png on blob routes", async () => {
    renderManualDropzone({
      routeConfig: {
        blob: { maxFileSize: "8MB", maxFileCount: 1, minFileCount: 1 },
      },
    });
    await dropFiles([makeFile("cat.exe", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("cat.exe").dataset.state).toBe("rejected");
  });
});
