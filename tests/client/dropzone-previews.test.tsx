import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dropzone } from "../../src";
import {
  dropFiles,
  fileRow,
  fileRows,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

// jsdom has no object URLs, so the tests count calls to stand-ins.
const created: string[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created.length = 0;
  revoked.length = 0;
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:http://localhost/${created.length + 1}`;
    created.push(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => {
    revoked.push(url);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function renderManual() {
  return render(
    <Dropzone
      endpoint="uploader"
      mode="manual"
      routeConfig={imageAndTextConfig}
    />,
  );
}

function preview(name: string): HTMLImageElement | null {
  return fileRow(name).querySelector('[data-slot="dropzone-file-preview"]');
}

describe("Dropzone previews", () => {
  it("shows an image from an object URL", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    await waitFor(() => expect(preview("photo.png")).not.toBeNull());
    expect(preview("photo.png")!.getAttribute("src")).toBe(created[0]);
    expect(created).toHaveLength(1);
  });

  it("creates no URL for non-images", async () => {
    renderManual();
    await dropFiles([makeFile("notes.txt", "text/plain")]);
    expect(created).toHaveLength(0);
    expect(
      fileRow("notes.txt").querySelector('[data-slot="dropzone-file-icon"]'),
    ).not.toBeNull();
  });

  it("revokes the URL on remove", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.png", "image/png"),
    ]);
    await user.click(screen.getByRole("button", { name: "Cancel a.png" }));
    await user.click(screen.getByRole("button", { name: "Remove a.png" }));
    expect(fileRows()).toHaveLength(1);
    expect(revoked).toEqual([created[0]]);
  });

  it("revokes and recreates on retry", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("a.png", "image/png")]);
    await user.click(screen.getByRole("button", { name: "Cancel a.png" }));
    await user.click(screen.getByRole("button", { name: "Retry a.png" }));
    expect(fileRow("a.png").dataset.state).toBe("queued");
    expect(created).toHaveLength(2);
    expect(revoked).toEqual([created[0]]);
    expect(preview("a.png")!.getAttribute("src")).toBe(created[1]);
  });

  it("revokes every URL on unmount", async () => {
    const view = renderManual();
    await dropFiles([
      makeFile("a.png", "image/png"),
      makeFile("b.jpg", "image/jpeg"),
      makeFile("c.heic", ""),
    ]);
    expect(created).toHaveLength(3);
    view.unmount();
    expect([...revoked].sort()).toEqual([...created].sort());
  });

  it("falls back to an icon for HEIC", async () => {
    renderManual();
    await dropFiles([makeFile("IMG_0001.HEIC", "")]);
    await waitFor(() => expect(preview("IMG_0001.HEIC")).not.toBeNull());
    fireEvent.error(preview("IMG_0001.HEIC")!);
    expect(preview("IMG_0001.HEIC")).toBeNull();
    expect(
      fileRow("IMG_0001.HEIC").querySelector(
        '[data-slot="dropzone-file-icon"]',
      ),
    ).not.toBeNull();
  });
});
