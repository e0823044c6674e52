import { act, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { Profiler, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  Dropzone,
  DropzoneArea,
  DropzoneFileItem,
  DropzoneRoot,
  useDropzoneContext,
  useDropzoneFileIds,
  useDropzoneTotalProgress,
  type DropzoneRejection,
  type DropzoneController,
} from "../../src";
import { FileStoreWriter } from "../../src/dropzone/store-writer";
import {
  dropArea,
  dropFiles,
  fileRow,
  fileRows,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

/**
 * Renders a manual Dropzone whose route allows `count` blobs, then drops
 * `count` 16-byte files named file-0.bin, file-1.bin, and so on.
 */
async function dropManyBlobs(count: number): Promise<void> {
  render(
    <Dropzone
      endpoint="uploader"
      mode="manual"
      routeConfig={{
        blob: { maxFileSize: "1MB", maxFileCount: count, minFileCount: 1 },
      }}
    />,
  );
  const files = Array.from({ length: count }, (_, index) =>
    makeFile(`file-${index}.bin`, "application/octet-stream", 16),
  );
  await dropFiles(files);
}

function ProfiledRows({ renders }: { renders: Map<string, number> }) {
  const ids = useDropzoneFileIds();
  return (
    <ul>
      {ids.map((id) => (
        <Profiler
          key={id}
          id={id}
          onRender={() => renders.set(id, (renders.get(id) ?? 0) + 1)}
        >
          <DropzoneFileItem fileId={id} />
        </Profiler>
      ))}
    </ul>
  );
}

function ControllerProbe({
  onController,
}: {
  onController: (controller: DropzoneController) => void;
}): ReactNode {
  onController(useDropzoneContext().controller);
  return null;
}

describe("Dropzone render counts", () => {
  it("re-renders only the progressing row", async () => {
    const renders = new Map<string, number>();
    let controller: DropzoneController | undefined;
    render(
      <DropzoneRoot
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      >
        <Profiler
          id="area"
          onRender={() => renders.set("area", (renders.get("area") ?? 0) + 1)}
        >
          <DropzoneArea />
        </Profiler>
        <ProfiledRows renders={renders} />
        <ControllerProbe onController={(c) => (controller = c)} />
      </DropzoneRoot>,
    );
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.png", "image/png"),
      makeFile("c.png", "image/png"),
    ]);
    const [first, second, third] = controller!.store.getIds();
    const before = new Map(renders);

    act(() =>
      new FileStoreWriter(controller!.store).update(second!, { progress: 40 }),
    );
    await waitForFrame();

    expect(renders.get(second!)).toBe(before.get(second!)! + 1);
    expect(renders.get(first!)).toBe(before.get(first!));
    expect(renders.get(third!)).toBe(before.get(third!));
  });

  it("coalesces progress events per frame", async () => {
    const renders = new Map<string, number>();
    let controller: DropzoneController | undefined;
    render(
      <DropzoneRoot
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      >
        <DropzoneArea />
        <ProfiledRows renders={renders} />
        <ControllerProbe onController={(c) => (controller = c)} />
      </DropzoneRoot>,
    );
    await dropFiles([makeFile("a.png", "image/png")]);
    const [id] = controller!.store.getIds();
    const before = renders.get(id!)!;

    act(() => {
      for (const progress of [10, 20, 30, 40, 50]) {
        new FileStoreWriter(controller!.store).update(id!, { progress });
      }
    });
    await waitForFrame();

    expect(renders.get(id!)).toBe(before + 1);
    expect(
      fileRow("a.png").querySelector('[role="progressbar"]'),
    ).toHaveAttribute("aria-valuenow", "50");
  });
});

/** Waits past the next animation frame, when progress notifications go out. */
async function waitForFrame(): Promise<void> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

describe("Dropzone total progress", () => {
  function TotalProgress() {
    return <output aria-label="Total">{useDropzoneTotalProgress()}</output>;
  }

  it("weights the total by bytes", async () => {
    let controller: DropzoneController | undefined;
    render(
      <DropzoneRoot
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      >
        <DropzoneArea />
        <TotalProgress />
        <ControllerProbe onController={(c) => (controller = c)} />
      </DropzoneRoot>,
    );
    await dropFiles([
      makeFile("small.png", "image/png", 1000),
      makeFile("large.png", "image/png", 3000),
    ]);
    const [small, large] = controller!.store.getIds();

    act(() =>
      new FileStoreWriter(controller!.store).update(small!, { progress: 100 }),
    );
    await waitForFrame();
    expect(screen.getByLabelText("Total")).toHaveTextContent("25");

    act(() =>
      new FileStoreWriter(controller!.store).update(large!, { progress: 50 }),
    );
    await waitForFrame();
    expect(screen.getByLabelText("Total")).toHaveTextContent("63");
  });
});

describe("Dropzone large drops", () => {
  it("checks a large drop in slices", async () => {
    let controller: DropzoneController | undefined;
    const onReject = vi.fn<(rejections: DropzoneRejection[]) => void>();
    // Each reason takes 0.2 ms to build, so one task checking all 290
    // rejected files would run for about 60 ms.
    const tooManyFiles = (name: string) => {
      const end = performance.now() + 0.2;
      while (performance.now() < end);
      return `${name} is one too many`;
    };
    render(
      <DropzoneRoot
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
        messages={{ tooManyFiles }}
        onReject={onReject}
      >
        <ControllerProbe onController={(c) => (controller = c)} />
      </DropzoneRoot>,
    );
    const files = Array.from({ length: 300 }, (_, index) =>
      makeFile(`note-${String(index + 1).padStart(3, "0")}.txt`, "text/plain"),
    );

    act(() => controller!.addFiles(files));
    const summary = controller!.store.getSummary();

    expect(summary.queued).toBe(300 - summary.rejected);
    expect(summary.rejected).toBeLessThan(290);
    await waitFor(() =>
      expect(controller!.store.getSummary().rejected).toBe(290),
    );
    expect(controller!.store.getSummary().queued).toBe(10);
    expect(onReject).toHaveBeenCalledTimes(1);
    const rejected = onReject.mock.calls[0]![0].map((r) => r.file.name);
    expect(rejected).toEqual(files.slice(10).map((file) => file.name));
  });

  it("windows a 2,000-file drop", async () => {
    await dropManyBlobs(2000);

    const list = document.querySelector('[data-slot="dropzone-file-list"]')!;
    expect(list).toHaveAttribute("data-windowed");
    expect(fileRows().length).toBeLessThan(40);
    expect(fileRows()[0]).toHaveAttribute("aria-setsize", "2000");
    expect(
      screen.getByRole("button", { name: "Upload 2000 files" }),
    ).toBeInTheDocument();
  });

  it("renders later rows after scrolling", async () => {
    await dropManyBlobs(500);
    const viewport = document.querySelector<HTMLElement>(
      '[data-slot="dropzone-file-viewport"]',
    )!;

    act(() => {
      viewport.scrollTop = 64 * 300;
      viewport.dispatchEvent(new Event("scroll"));
    });

    const names = fileRows().map(
      (row) =>
        row.querySelector('[data-slot="dropzone-file-name"]')!.textContent,
    );
    expect(names).toContain("file-300.bin");
    expect(names).not.toContain("file-0.bin");
  });
});

describe("Dropzone accessibility", () => {
  it("passes axe with rows listed", async () => {
    const { container } = render(
      <main>
        <Dropzone
          endpoint="uploader"
          mode="manual"
          routeConfig={imageAndTextConfig}
        />
      </main>,
    );
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("a.mp4", "video/mp4"),
    ]);
    const result = await axe.run(container, {
      rules: { "color-contrast": { enabled: false } },
    });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it("nests no controls in the drop area", async () => {
    render(
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      />,
    );
    await dropFiles([makeFile("a.png", "image/png")]);
    const nested = dropArea().querySelectorAll(
      "button, a[href], [tabindex]:not([tabindex='-1']), input:not([type=file])",
    );
    expect(nested).toHaveLength(0);
  });

  it("keeps the file input inside the root", () => {
    render(
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      />,
    );
    const root = document.querySelector('[data-slot="dropzone"]')!;
    expect(root.querySelector('input[type="file"]')).not.toBeNull();
  });

  it("has a polite live region", () => {
    render(
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      />,
    );
    expect(screen.getByRole("status")).toHaveAttribute("aria-live", "polite");
  });
});

describe("Dropzone server rendering", () => {
  it("renders to a string", () => {
    const html = renderToString(
      <Dropzone endpoint="uploader" routeConfig={imageAndTextConfig} />,
    );
    expect(html).toContain('data-slot="dropzone"');
    expect(html).toContain('data-state="idle"');
    expect(html).toContain(
      "Images up to 4MB, at most 4; text files up to 64KB, at most 10",
    );
  });
});
