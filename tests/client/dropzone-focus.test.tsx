import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  createRouteHandler,
  createUploadthing,
  type FileRouter,
} from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dropzone } from "../../src";
import { startIngestEmulator, type IngestEmulator } from "../../src/testing";
import { serveFetch, type LocalServer } from "../server/support/serve-fetch";
import { testHandlerConfig } from "../server/support/uploadthing";
import {
  dropArea,
  dropFiles,
  fileRow,
  imageAndTextConfig,
  makeFile,
} from "./dropzone-helpers";

const f = createUploadthing();
const router = {
  uploader: f({ image: { maxFileSize: "4MB", maxFileCount: 4 } })
    .middleware(() => ({}))
    .onUploadComplete(() => {}),
} satisfies FileRouter;

let ingest: IngestEmulator;
let server: LocalServer;

beforeAll(async () => {
  ingest = await startIngestEmulator();
  server = await serveFetch(
    createRouteHandler({
      router,
      config: testHandlerConfig(ingest.url, ingest.token),
    }),
  );
});

afterAll(async () => {
  await server.close();
  await ingest.close();
});

function renderManual(props: Partial<Parameters<typeof Dropzone>[0]> = {}) {
  return render(
    <div>
      <textarea aria-label="Elsewhere" />
      <Dropzone
        endpoint="uploader"
        mode="manual"
        routeConfig={imageAndTextConfig}
        {...props}
      />
    </div>,
  );
}

function button(name: string): HTMLElement {
  return screen.getByRole("button", { name });
}

describe("Dropzone batch button focus", () => {
  it.each(["{Enter}", " "])(
    "moves focus to area after %j on Cancel all",
    async (key) => {
      const user = userEvent.setup();
      renderManual();
      await dropFiles([makeFile("photo.png", "image/png")]);
      button("Cancel all").focus();
      await user.keyboard(key);
      expect(fileRow("photo.png").dataset.state).toBe("canceled");
      expect(screen.queryByRole("button", { name: "Cancel all" })).toBeNull();
      expect(document.activeElement).toBe(dropArea());
    },
  );

  it("moves focus after assistive Cancel all", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    button("Cancel all").focus();
    fireEvent.click(button("Cancel all"), { detail: 0 });
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
    expect(document.activeElement).toBe(dropArea());
  });

  it("reaches the file row with Tab after Cancel all", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    button("Cancel all").focus();
    await user.keyboard("{Enter}");
    await user.tab();
    expect(document.activeElement).toBe(button("Retry photo.png"));
  });

  it("leaves focus elsewhere in place", async () => {
    renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    const elsewhere = screen.getByRole("textbox", { name: "Elsewhere" });
    elsewhere.focus();
    fireEvent.click(button("Cancel all"), { detail: 0 });
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
    expect(document.activeElement).toBe(elsewhere);
  });

  it("focuses the area of its own Dropzone", async () => {
    const user = userEvent.setup();
    render(
      <div>
        <Dropzone
          endpoint="uploader"
          mode="manual"
          routeConfig={imageAndTextConfig}
          messages={{ dropHint: "First" }}
        />
        <Dropzone
          endpoint="uploader"
          mode="manual"
          routeConfig={imageAndTextConfig}
          messages={{ dropHint: "Second" }}
        />
      </div>,
    );
    const cancelButtons = () =>
      document.querySelectorAll<HTMLElement>(
        '[data-slot="dropzone-cancel-all"]',
      );
    const secondArea = screen.getByRole("button", { name: /^Second/ });
    const file = makeFile("photo.png", "image/png");
    await user.upload(
      secondArea.querySelector<HTMLInputElement>(
        '[data-slot="dropzone-input"]',
      )!,
      [file],
    );
    expect(cancelButtons()).toHaveLength(1);
    cancelButtons()[0]!.focus();
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(secondArea);
  });

  it("focuses the row group while disabled", async () => {
    const user = userEvent.setup();
    const view = renderManual();
    await dropFiles([makeFile("photo.png", "image/png")]);
    view.rerender(
      <div>
        <textarea aria-label="Elsewhere" />
        <Dropzone
          endpoint="uploader"
          mode="manual"
          routeConfig={imageAndTextConfig}
          disabled
        />
      </div>,
    );
    button("Cancel all").focus();
    await user.keyboard("{Enter}");
    expect(fileRow("photo.png").dataset.state).toBe("canceled");
    expect(document.activeElement).toBe(
      screen.getByRole("group", { name: "photo.png" }),
    );
  });

  it("moves focus to area after Upload starts", async () => {
    const user = userEvent.setup();
    renderManual({ url: `${server.origin}/api/uploadthing` });
    await dropFiles([makeFile("photo.png", "image/png")]);
    button("Upload 1 file").focus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(
        screen.queryByRole("button", { name: "Upload 1 file" }),
      ).toBeNull(),
    );
    expect(document.activeElement).toBe(dropArea());
    await waitFor(() =>
      expect(fileRow("photo.png").dataset.state).toBe("complete"),
    );
    await act(async () => {});
  });
});

describe("Dropzone focus after Remove", () => {
  function actionsOf(name: string) {
    return fileRow(name).querySelector('[data-slot="dropzone-file-actions"]');
  }

  it("moves to the next row's buttons", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([
      makeFile("a.mp4", "video/mp4"),
      makeFile("b.mp4", "video/mp4"),
    ]);
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Remove a.mp4" })).toBeTruthy(),
    );
    screen.getByRole("button", { name: "Remove a.mp4" }).focus();

    await user.keyboard("{Enter}");

    expect(document.activeElement).toBe(actionsOf("b.mp4"));
  });

  it("moves to the drop area after the last row", async () => {
    const user = userEvent.setup();
    renderManual();
    await dropFiles([makeFile("a.mp4", "video/mp4")]);
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Remove a.mp4" })).toBeTruthy(),
    );
    screen.getByRole("button", { name: "Remove a.mp4" }).focus();

    await user.keyboard("{Enter}");

    expect(document.activeElement).toBe(dropArea());
  });
});
