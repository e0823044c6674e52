import { render, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  dropFiles,
  fileRows,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

type SourceModule = typeof import("../../src");
type DropzoneController = import("../../src").DropzoneController;
type LoaderModule = typeof import("../../src/dropzone/deferred-loader");

let source: SourceModule;
let loader: LoaderModule;

// The setup file loads the deferred chunk for every test; fresh module
// instances here start as a page does, before the chunk has arrived.
beforeEach(async () => {
  vi.resetModules();
  source = await import("../../src");
  loader = await import("../../src/dropzone/deferred-loader");
});

function rowNames(): string[] {
  return fileRows().map(
    (row) =>
      row.querySelector('[data-slot="dropzone-file-name"]')?.textContent ?? "",
  );
}

describe("Dropzone before the deferred chunk", () => {
  it("renders the drop area without it", () => {
    const { Dropzone } = source;
    render(<Dropzone endpoint="uploader" routeConfig={imageAndTextConfig} />);

    expect(loader.deferredModule.get()).toBe(undefined);
    expect(
      document.querySelector('[data-slot="dropzone-restrictions"]'),
    ).toHaveTextContent(
      "Images up to 4MB, at most 4; text files up to 64KB, at most 10",
    );
  });

  it("adds files dropped before it loads", async () => {
    const { Dropzone, useDropzoneContext } = source;
    let controller: DropzoneController | undefined;
    function ControllerProbe() {
      controller = useDropzoneContext().controller;
      return null;
    }
    render(
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      >
        <ControllerProbe />
      </Dropzone>,
    );

    // The load started on mount cannot finish before this synchronous call.
    controller!.addFiles([
      makeFile("first.png", "image/png"),
      makeFile("second.txt", "text/plain"),
      makeFile("third.png", "image/png"),
    ]);
    expect(controller!.store.getIds()).toHaveLength(0);

    await waitFor(() => expect(fileRows()).toHaveLength(3));
    expect(rowNames()).toEqual(["first.png", "second.txt", "third.png"]);
  });

  it("forgets waiting files on unmount", async () => {
    const { Dropzone, useDropzoneContext } = source;
    const onFileComplete = vi.fn();
    let controller: DropzoneController | undefined;
    function ControllerProbe() {
      controller = useDropzoneContext().controller;
      return null;
    }
    const { unmount } = render(
      <Dropzone
        endpoint="uploader"
        routeConfig={imageAndTextConfig}
        onFileComplete={onFileComplete}
      >
        <ControllerProbe />
      </Dropzone>,
    );
    controller!.addFiles([makeFile("late.png", "image/png")]);

    unmount();
    await loader.loadDeferredModule();

    expect(controller!.store.getIds()).toEqual([]);
    expect(onFileComplete).not.toHaveBeenCalled();
  });

  it("checks files dropped before it loads", async () => {
    const { Dropzone } = source;
    const onReject = vi.fn();
    render(
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
        onReject={onReject}
      />,
    );

    await dropFiles([makeFile("clip.mp4", "video/mp4")]);

    await waitFor(() => expect(onReject).toHaveBeenCalledTimes(1));
    expect(fileRows()[0]).toHaveAttribute("data-state", "rejected");
  });

  it("starts one load for many Dropzones", async () => {
    const { Dropzone } = source;
    render(
      <>
        <Dropzone endpoint="uploader" routeConfig={imageAndTextConfig} />
        <Dropzone endpoint="uploader" routeConfig={imageAndTextConfig} />
      </>,
    );

    const first = loader.loadDeferredModule();
    const second = loader.loadDeferredModule();

    expect(second).toBe(first);
    await first;
    expect(loader.deferredModule.get()).toBe(await first);
  });
});
