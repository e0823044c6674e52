import { waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DropzoneRejection } from "../../src";
import { hasInvalidName } from "../../src/dropzone/file-rules";
import {
  dropFiles,
  fileRow,
  fileRows,
  makeFile,
  renderManualDropzone,
} from "./dropzone-helpers";

describe("Dropzone bidirectional control names", () => {
  it("rejects a right-to-left override", async () => {
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    renderManualDropzone({ onReject });
    await dropFiles([makeFile("invoice\u202Efdp.exe", "")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRows()[0]!.dataset.state).toBe("rejected");
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(onReject.mock.calls[0]![0][0]!.code).toBe("file-invalid-name");
    expect(onReject.mock.calls[0]![0][0]!.file.name).toBe(
      "invoice\u202Efdp.exe",
    );
  });

  it("shows the override escaped in its row", async () => {
    renderManualDropzone();
    await dropFiles([makeFile("invoice\u202Efdp.exe", "")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    const name = fileRows()[0]!.querySelector(
      '[data-slot="dropzone-file-name"]',
    );
    expect(name).toHaveTextContent("invoice\\u202efdp.exe");
    expect(name).toHaveAttribute("title", "invoice\\u202efdp.exe");
  });

  it("queues the other files of the drop", async () => {
    renderManualDropzone();
    await dropFiles([
      makeFile("photo\u2067gnp.txt", "text/plain"),
      makeFile("photo.png", "image/png"),
    ]);
    await waitFor(() => expect(fileRows()).toHaveLength(2));
    expect(fileRows()[0]!.dataset.state).toBe("rejected");
    expect(fileRow("photo.png").dataset.state).toBe("queued");
  });

  it.each([
    ["LRE", "a\u202Ab.txt"],
    ["RLE", "a\u202Bb.txt"],
    ["PDF", "a\u202Cb.txt"],
    ["LRO", "a\u202Db.txt"],
    ["RLO", "a\u202Eb.txt"],
    ["LRI", "a\u2066b.txt"],
    ["RLI", "a\u2067b.txt"],
    ["FSI", "a\u2068b.txt"],
    ["PDI", "a\u2069b.txt"],
    ["LRM", "a\u200Eb.txt"],
    ["RLM", "a\u200Fb.txt"],
    ["ALM", "a\u061Cb.txt"],
    ["C1 control NEL", "a\u0085b.txt"],
  ])("hasInvalidName rejects %s", (_label, name) => {
    expect(hasInvalidName(name)).toBe(true);
  });

  it.each([
    ["Arabic", "تقرير.pdf"],
    ["Hebrew", "דוח שנתי.txt"],
    ["emoji with joiner", "\u{1F469}\u200D\u{1F4BB}.png"],
    ["non-breaking space", "a\u00A0b.txt"],
    ["Latin-1 letters", "café ÿ.txt"],
  ])("hasInvalidName accepts %s", (_label, name) => {
    expect(hasInvalidName(name)).toBe(false);
  });
});
