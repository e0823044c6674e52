import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Dropzone, DropzoneArea, DropzoneRoot } from "../../src";
import {
  dropArea,
  dropzoneRoot,
  fireDrag,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

const restrictions =
  "Images up to 4MB, at most 4; text files up to 64KB, at most 10";

function renderManual(props: Partial<Parameters<typeof Dropzone>[0]> = {}) {
  return render(
    <Dropzone
      endpoint="uploader"
      mode="manual"
      routeConfig={imageAndTextConfig}
      {...props}
    />,
  );
}

describe("Dropzone area accessible name", () => {
  it("takes the name from the hint", () => {
    renderManual();
    expect(dropArea()).toHaveAccessibleName(
      "Drag files here or click to browse",
    );
  });

  it("takes the description from restrictions", () => {
    renderManual();
    expect(dropArea()).toHaveAccessibleDescription(restrictions);
  });

  it("points aria-labelledby at the hint", () => {
    renderManual();
    const hint = dropArea().querySelector('[data-slot="dropzone-hint"]')!;
    expect(dropArea().getAttribute("aria-labelledby")).toBe(hint.id);
  });

  it("finds the area by role and name", () => {
    renderManual();
    expect(
      screen.getByRole("button", {
        name: "Drag files here or click to browse",
        description: restrictions,
      }),
    ).toBe(dropArea());
  });

  it("names a disabled area by its message", () => {
    renderManual({ disabled: true, disabledMessage: "Sign in to upload" });
    expect(dropArea()).toHaveAccessibleName("Sign in to upload");
  });

  it("describes a disabled area by restrictions", () => {
    renderManual({ disabled: true, disabledMessage: "Sign in to upload" });
    expect(dropArea()).toHaveAccessibleDescription(restrictions);
  });

  it("names a dragged-over area by the drag hint", async () => {
    renderManual();
    fireDrag(dropArea(), "dragEnter", [makeFile("a.png", "image/png")]);
    await waitFor(() =>
      expect(dropzoneRoot().dataset.state).toBe("drag-accept"),
    );
    expect(dropArea()).toHaveAccessibleName("Drop to add these files");
  });

  it("keeps an aria-label of the caller", () => {
    render(
      <DropzoneRoot endpoint="uploader" routeConfig={imageAndTextConfig}>
        <DropzoneArea aria-label="Upload an avatar" />
      </DropzoneRoot>,
    );
    expect(dropArea()).toHaveAccessibleName("Upload an avatar");
  });

  it("names the areas of two Dropzones apart", () => {
    render(
      <div>
        <Dropzone
          endpoint="uploader"
          routeConfig={imageAndTextConfig}
          messages={{ dropHint: "Add invoices" }}
        />
        <Dropzone
          endpoint="uploader"
          routeConfig={imageAndTextConfig}
          messages={{ dropHint: "Add receipts" }}
        />
      </div>,
    );
    const areas = document.querySelectorAll<HTMLElement>(
      '[data-slot="dropzone-area"]',
    );
    expect(areas[0]!).toHaveAccessibleName("Add invoices");
    expect(areas[1]!).toHaveAccessibleName("Add receipts");
  });
});
