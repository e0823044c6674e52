import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Dropzone,
  DropzoneArea,
  DropzoneFileList,
  DropzoneRoot,
} from "../../src";
import {
  dropArea,
  dropFiles,
  dropzoneRoot,
  fileRow,
  fileRows,
  fireDrag,
  imageAndTextConfig,
  makeFile,
  uploadedFile,
} from "./dropzone-helpers";

function renderManual(props: Partial<Parameters<typeof Dropzone>[0]> = {}) {
  return render(
    <div>
      <button type="button">Before</button>
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
        {...props}
      />
      <textarea aria-label="Elsewhere" />
    </div>,
  );
}

function pasteFiles(target: Element, files: File[]) {
  fireEvent.paste(target, { clipboardData: { files, items: [], types: [] } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Dropzone states", () => {
  it("starts idle", () => {
    renderManual();
    expect(dropzoneRoot().dataset.state).toBe("idle");
  });

  it("shows drag-accept for allowed types", async () => {
    renderManual();
    fireDrag(dropArea(), "dragEnter", [makeFile("a.png", "image/png")]);
    await waitFor(() =>
      expect(dropzoneRoot().dataset.state).toBe("drag-accept"),
    );
    expect(screen.getByText("Drop to add these files")).toBeInTheDocument();
  });

  it.each([
    ["data.csv", "application/vnd.ms-excel"],
    ["notes.md", "application/octet-stream"],
    ["notes.md", "text/x-markdown"],
  ])("shows drag-accept for %s as %s", async (name, type) => {
    renderManual({
      routeConfig: {
        "text/csv": { maxFileSize: "1MB", maxFileCount: 2, minFileCount: 1 },
        "text/markdown": {
          maxFileSize: "1MB",
          maxFileCount: 2,
          minFileCount: 1,
        },
      },
    });
    fireDrag(dropArea(), "dragEnter", [makeFile(name, type)]);
    await waitFor(() =>
      expect(dropzoneRoot().dataset.state).toBe("drag-accept"),
    );
  });

  it("shows drag-reject for other types", async () => {
    renderManual();
    fireDrag(dropArea(), "dragEnter", [makeFile("a.mp4", "video/mp4")]);
    await waitFor(() =>
      expect(dropzoneRoot().dataset.state).toBe("drag-reject"),
    );
    expect(
      screen.getByText("Some of these files are not allowed"),
    ).toBeInTheDocument();
  });

  it("shows drag-reject beyond free slots", async () => {
    renderManual();
    const files = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((n) =>
      makeFile(`${n}.png`, "image/png"),
    );
    fireDrag(dropArea(), "dragEnter", files);
    await waitFor(() =>
      expect(dropzoneRoot().dataset.state).toBe("drag-reject"),
    );
  });

  it("returns to idle after a drop", async () => {
    renderManual();
    await dropFiles([makeFile("a.png", "image/png")]);
    expect(dropzoneRoot().dataset.state).toBe("idle");
  });

  it("shows disabled state and message", async () => {
    renderManual({ disabled: true, disabledMessage: "Sign in to upload" });
    expect(dropzoneRoot().dataset.state).toBe("disabled");
    expect(screen.getByText("Sign in to upload")).toBeInTheDocument();
    expect(dropArea()).toHaveAttribute("aria-disabled", "true");
    expect(dropArea()).not.toHaveAttribute("tabindex");
    await dropFiles([makeFile("a.png", "image/png")]);
    expect(fileRows()).toHaveLength(0);
  });

  it("ignores pastes while disabled", () => {
    renderManual({ disabled: true });
    pasteFiles(dropArea(), [makeFile("a.png", "image/png")]);
    expect(fileRows()).toHaveLength(0);
  });
});

describe("Dropzone keyboard", () => {
  it("reaches the drop area with Tab", async () => {
    const user = userEvent.setup();
    renderManual();
    await user.tab();
    expect(screen.getByRole("button", { name: "Before" })).toHaveFocus();
    await user.tab();
    expect(dropArea()).toHaveFocus();
  });

  it.each([
    ["Enter", "{Enter}"],
    ["Space", " "],
  ])("opens the picker once on %s", async (_key, keys) => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLInputElement.prototype, "click");
    renderManual();
    dropArea().focus();
    await user.keyboard(keys);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("opens the picker once on held Enter", async () => {
    const click = vi.spyOn(HTMLInputElement.prototype, "click");
    renderManual();
    dropArea().focus();
    fireEvent.keyDown(dropArea(), { key: "Enter" });
    fireEvent.keyDown(dropArea(), { key: "Enter", repeat: true });
    fireEvent.keyDown(dropArea(), { key: "Enter", repeat: true });
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("runs an onClick prop and the picker", async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLInputElement.prototype, "click");
    const onClick = vi.fn();
    render(
      <DropzoneRoot endpoint="uploader" routeConfig={imageAndTextConfig}>
        <DropzoneArea onClick={onClick} />
      </DropzoneRoot>,
    );
    await user.click(dropArea());
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("skips the picker when onClick prevents it", async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLInputElement.prototype, "click");
    render(
      <DropzoneRoot endpoint="uploader" routeConfig={imageAndTextConfig}>
        <DropzoneArea onClick={(event) => event.preventDefault()} />
      </DropzoneRoot>,
    );
    await user.click(dropArea());
    expect(click).not.toHaveBeenCalled();
  });

  it("runs an onDrop prop and adds the files", async () => {
    const onDrop = vi.fn();
    render(
      <DropzoneRoot
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
      >
        <DropzoneArea onDrop={onDrop} />
        <DropzoneFileList />
      </DropzoneRoot>,
    );
    await dropFiles([makeFile("photo.png", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(onDrop).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      "concurrency",
      { concurrency: 0 },
      "Invalid Dropzone concurrency: 0. Use a whole number of 1 or more.",
    ],
    [
      "concurrency",
      { concurrency: Number.NaN },
      "Invalid Dropzone concurrency: NaN. Use a whole number of 1 or more.",
    ],
    [
      "stallTimeout",
      { stallTimeout: -1 },
      "Invalid Dropzone stallTimeout: -1. Use milliseconds as a finite number, or 0 to turn it off.",
    ],
  ])("rejects an invalid %s", (_name, props, message) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => renderManual(props)).toThrow(message);
  });

  it("opens the picker once on click", async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLInputElement.prototype, "click");
    renderManual();
    await user.click(dropArea());
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("adds files chosen in the picker", async () => {
    const user = userEvent.setup();
    renderManual();
    const input = document.querySelector<HTMLInputElement>(
      '[data-slot="dropzone-input"]',
    )!;
    await user.upload(input, [makeFile("picked.png", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("picked.png").dataset.state).toBe("queued");
  });
});

describe("Dropzone drops outside the area", () => {
  it("adds files dropped on a row", async () => {
    renderManual();
    await dropFiles([makeFile("first.png", "image/png")]);
    fireDrag(fileRow("first.png"), "dragOver", [
      makeFile("x.png", "image/png"),
    ]);
    fireDrag(fileRow("first.png"), "drop", [
      makeFile("second.png", "image/png"),
    ]);
    expect(fileRows()).toHaveLength(2);
    expect(fileRow("second.png").dataset.state).toBe("queued");
  });

  it("adds a drop on the area once", async () => {
    renderManual();
    await dropFiles([makeFile("once.png", "image/png")]);
    expect(fileRows()).toHaveLength(1);
  });
});

describe("Dropzone paste", () => {
  it("appends files pasted inside", async () => {
    renderManual();
    await dropFiles([makeFile("first.png", "image/png")]);
    pasteFiles(dropArea(), [makeFile("pasted.png", "image/png")]);
    expect(fileRows()).toHaveLength(2);
    expect(fileRow("first.png").dataset.state).toBe("queued");
    expect(fileRow("pasted.png").dataset.state).toBe("queued");
  });

  it("ignores pastes elsewhere", () => {
    renderManual();
    pasteFiles(screen.getByRole("textbox", { name: "Elsewhere" }), [
      makeFile("pasted.png", "image/png"),
    ]);
    expect(fileRows()).toHaveLength(0);
  });

  it("leaves text pastes alone", () => {
    renderManual();
    const event = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "clipboardData", {
      value: { files: [], items: [], types: ["text/plain"] },
    });
    dropArea().dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(fileRows()).toHaveLength(0);
  });
});

describe("Dropzone rows", () => {
  it("shows name, size and status", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png", 1536 * 1024)]);
    const row = fileRow("photo.png");
    expect(row).toHaveTextContent("1.5 MB");
    expect(row).toHaveTextContent("Waiting");
  });

  it("shows a progress bar at zero", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    const bar = screen.getByRole("progressbar", {
      name: "photo.png upload progress",
    });
    expect(bar).toHaveAttribute("aria-valuenow", "0");
  });

  it("cancels a queued file", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    await user.click(screen.getByRole("button", { name: "Cancel photo.png" }));
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
  });

  it("removes a row and frees its slot", async () => {
    const user = userEvent.setup();
    renderManual();
    const images = [1, 2, 3, 4].map((n) => makeFile(`${n}.png`, "image/png"));
    await dropFiles(images);
    await user.click(screen.getByRole("button", { name: "Cancel 1.png" }));
    await user.click(screen.getByRole("button", { name: "Remove 1.png" }));
    expect(fileRows()).toHaveLength(3);
    await dropFiles([makeFile("5.png", "image/png")]);
    expect(fileRow("5.png").dataset.state).toBe("queued");
  });

  it("cancels every queued file", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.png", "image/png"),
    ]);
    await user.click(screen.getByRole("button", { name: "Cancel all" }));
    expect(fileRows().map((row) => row.dataset.state)).toEqual([
      "canceled",
      "canceled",
    ]);
  });

  it("labels the Upload button with the count", async () => {
    renderManual();
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.png", "image/png"),
    ]);
    expect(
      screen.getByRole("button", { name: "Upload 2 files" }),
    ).toBeInTheDocument();
  });

  it("shows no Upload button when all are rejected", async () => {
    renderManual();
    await dropFiles([makeFile("a.mp4", "video/mp4")]);
    expect(screen.queryByRole("button", { name: /upload/i })).toBeNull();
  });

  it("holds uploads below minFileCount", async () => {
    renderManual({
      routeConfig: {
        image: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 2 },
      },
    });
    await dropFiles([makeFile("a.png", "image/png")]);
    expect(screen.getByText("Add at least 2 images")).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Upload 1 file" }),
    ).toBeDisabled();
  });
});

describe("Dropzone route config loading", () => {
  it("shows the restrictions text", () => {
    renderManual();
    expect(dropArea()).toHaveAccessibleDescription(
      "Images up to 4MB, at most 4; text files up to 64KB, at most 10",
    );
  });

  it("fills defaults for a type list", () => {
    renderManual({ routeConfig: ["image", "text"] });
    expect(dropArea()).toHaveAccessibleDescription(
      "Images up to 4MB, 1 file; text files up to 64KB, 1 file",
    );
  });

  it("fills missing limits with defaults", async () => {
    renderManual({ routeConfig: { image: { maxFileSize: "2MB" } } });
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.png", "image/png"),
    ]);
    expect(fileRow("a.png").dataset.state).toBe("queued");
    expect(fileRow("b.png").dataset.state).toBe("rejected");
  });

  it("names an unknown endpoint", () => {
    renderManual({ endpoint: "missing", routeConfig: [] });
    expect(dropArea()).toHaveAccessibleDescription(
      'No route named "missing" in the route config from /api/uploadthing',
    );
  });

  it("restores controlled value rows", async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const uploaded = {
      key: "key-1",
      name: "kept.png",
      size: 2048,
      type: "image/png",
      lastModified: 1,
      ufsUrl: "http://127.0.0.1/f/key-1",
      fileHash: "abc",
      customId: null,
      serverData: null,
    } as never;
    renderManual({ value: [uploaded], onValueChange });
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("kept.png").dataset.state).toBe("complete");
    expect(
      fileRow("kept.png").querySelector('[data-slot="dropzone-file-preview"]'),
    ).toHaveAttribute("src", "http://127.0.0.1/f/key-1");
    await act(async () => {});
    await user.click(screen.getByRole("button", { name: "Remove kept.png" }));
    expect(onValueChange).toHaveBeenLastCalledWith([]);
  });

  it("keeps a row its parent keeps", async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderManual({ value: [uploadedFile("kept.png")], onValueChange });
    await waitFor(() => expect(fileRows()).toHaveLength(1));

    await user.click(screen.getByRole("button", { name: "Remove kept.png" }));

    expect(onValueChange).toHaveBeenLastCalledWith([]);
    expect(fileRow("kept.png").dataset.state).toBe("complete");
  });

  it("removes a row its parent drops", async () => {
    const user = userEvent.setup();
    function Form() {
      const [value, setValue] = useState([
        uploadedFile("kept.png"),
        uploadedFile("gone.png"),
      ]);
      return (
        <Dropzone
          endpoint="uploader"
          mode="manual"
          routeConfig={imageAndTextConfig}
          value={value}
          onValueChange={setValue}
        />
      );
    }
    render(<Form />);
    await waitFor(() => expect(fileRows()).toHaveLength(2));

    await user.click(screen.getByRole("button", { name: "Remove gone.png" }));

    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("kept.png").dataset.state).toBe("complete");
  });
});

describe("Dropzone announcements", () => {
  function liveRegion() {
    return document.querySelector('[data-slot="dropzone-live-region"]');
  }

  it("announces a few rejections in full", async () => {
    renderManual();
    await dropFiles([
      makeFile("a.mp4", "video/mp4"),
      makeFile("b.mp4", "video/mp4"),
    ]);
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent(
        "a.mp4 is not an allowed file type; allowed: images, text files. b.mp4 is not an allowed file type; allowed: images, text files",
      ),
    );
  });

  it("counts rejections past the fourth", async () => {
    renderManual();
    await dropFiles(
      ["a", "b", "c", "d", "e", "f", "g"].map((name) =>
        makeFile(`${name}.mp4`, "video/mp4"),
      ),
    );
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent(
        "a.mp4 is not an allowed file type; allowed: images, text files. b.mp4 is not an allowed file type; allowed: images, text files. c.mp4 is not an allowed file type; allowed: images, text files. d.mp4 is not an allowed file type; allowed: images, text files. 3 more updates",
      ),
    );
  });
});

describe("Dropzone picker filter", () => {
  function pickerInput() {
    return document.querySelector<HTMLInputElement>(
      '[data-slot="dropzone-input"]',
    )!;
  }

  it("filters images including HEIC", () => {
    render(
      <Dropzone
        endpoint="uploader"
        routeConfig={{
          image: { maxFileSize: "4MB", maxFileCount: 1, minFileCount: 1 },
        }}
      />,
    );
    expect(pickerInput()).toHaveAttribute(
      "accept",
      "image/*,.heic,.heif,.avif",
    );
    expect(pickerInput().multiple).toBe(false);
  });

  it("leaves text routes unfiltered", () => {
    render(<Dropzone endpoint="uploader" routeConfig={imageAndTextConfig} />);
    expect(pickerInput()).not.toHaveAttribute("accept");
    expect(pickerInput().multiple).toBe(true);
  });
});
