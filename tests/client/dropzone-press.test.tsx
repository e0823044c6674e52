import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Dropzone } from "../../src";
import {
  dropFiles,
  fileRow,
  fileRows,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

function renderManual() {
  return render(
    <Dropzone
      endpoint="uploader"
      mode="manual"
      routeConfig={imageAndTextConfig}
    />,
  );
}

function button(name: string): HTMLElement {
  return screen.getByRole("button", { name });
}

describe("Dropzone row buttons", () => {
  it("ignores Remove pressed as Cancel", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    fireEvent.pointerDown(button("Cancel photo.png"));
    // The row changes state between the press and the click.
    fireEvent.click(button("Cancel all"));
    fireEvent.click(button("Remove photo.png"), { detail: 1 });
    expect(fileRows()).toHaveLength(1);
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
  });

  it("ignores Cancel double-clicked from Retry", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    fireEvent.click(button("Cancel photo.png"));
    fireEvent.pointerDown(button("Retry photo.png"));
    fireEvent.click(button("Retry photo.png"), { detail: 1 });
    fireEvent.pointerDown(button("Cancel photo.png"));
    fireEvent.click(button("Cancel photo.png"), { detail: 2 });
    expect(fileRow("photo.png").dataset.state).toBe("queued");
  });

  it("runs a pointer press on one button", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    fireEvent.pointerDown(button("Cancel photo.png"));
    fireEvent.click(button("Cancel photo.png"), { detail: 1 });
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
  });

  it("runs a keyboard click at once", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    fireEvent.click(button("Cancel photo.png"), { detail: 0 });
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
  });

  it("keeps focus in the row after Cancel", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    button("Cancel photo.png").focus();
    await user.keyboard("{Enter}");
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
    expect(document.activeElement).toBe(
      screen.getByRole("group", { name: "photo.png" }),
    );
  });

  it("reaches Retry with Tab after Cancel", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    button("Cancel photo.png").focus();
    await user.keyboard("{Enter}");
    await user.tab();
    expect(document.activeElement).toBe(button("Retry photo.png"));
  });

  it("ignores Cancel all pressed earlier", async () => {
    renderManual();
    await dropFiles([makeFile("a.png", "image/png")]);
    fireEvent.pointerDown(button("Cancel all"));
    fireEvent.click(button("Cancel a.png"));
    fireEvent.click(button("Retry a.png"));
    // A fresh Cancel all button: the press began on the previous one.
    fireEvent.click(button("Cancel all"), { detail: 1 });
    expect(fileRow("a.png").dataset.state).toBe("queued");
  });
});
