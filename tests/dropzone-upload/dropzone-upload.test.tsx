import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import userEvent from "@testing-library/user-event";
import { rowMessages } from "../../src/dropzone/row-messages";
import type { ClientUploadedFileData } from "uploadthing/types";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { generateDropzone, type DropzoneUploadError } from "../../src";
import {
  dropFiles,
  dropzoneRoot,
  fileRow,
  fileRows,
  makeFile,
} from "../client/dropzone-helpers";
import {
  createTestRouter,
  startUploadStack,
  USER_HEADER,
  type UploadStack,
} from "./upload-stack";

const routerState: { closed: string | false } = { closed: false };
const router = createTestRouter(routerState);
const Dropzone = generateDropzone<typeof router>();

type Uploaded = ClientUploadedFileData<{ storedName: string } | null>;

let stack: UploadStack;

beforeAll(async () => {
  stack = await startUploadStack(router);
});

afterAll(async () => {
  await stack.close();
});

beforeEach(() => {
  routerState.closed = false;
  stack.emulator.clearFaults();
  stack.emulator.setThrottle(null);
});

afterEach(() => {
  stack.releaseRouteConfig();
  vi.restoreAllMocks();
});

const signedIn = { [USER_HEADER]: "user_1" };

/** Waits until restrictions matching `text` show, so the route config loaded. */
async function waitForLimits(text: RegExp): Promise<void> {
  await waitFor(() => expect(screen.getByText(text)).toBeInTheDocument());
}

/** Waits up to `timeoutMs` for the row of `name` to reach `state`. */
async function waitForRowState(
  name: string,
  state: string,
  timeoutMs = 5000,
): Promise<void> {
  await waitFor(() => expect(fileRow(name).dataset.state).toBe(state), {
    timeout: timeoutMs,
  });
}

/**
 * Records the names of the files whose transfer to the emulator started,
 * until `unsubscribe` is called.
 */
function recordStartedTransfers(): {
  started: string[];
  unsubscribe: () => void;
} {
  const started: string[] = [];
  const unsubscribe = stack.emulator.subscribe((event) => {
    if (event.type === "transfer-started") started.push(event.name);
  });
  return { started, unsubscribe };
}

describe("Dropzone upload", () => {
  it("uploads a dropped file", async () => {
    const onFileComplete = vi.fn();
    const onBatchComplete = vi.fn<(results: Uploaded[]) => void>();
    const onValueChange = vi.fn<(value: Uploaded[]) => void>();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        onFileComplete={onFileComplete}
        onBatchComplete={onBatchComplete}
        onValueChange={onValueChange}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("photo.png", "image/png", 2048)]);

    await waitForRowState("photo.png", "complete");
    expect(
      screen.getByRole("progressbar", { name: "photo.png upload progress" }),
    ).toHaveAttribute("aria-valuenow", "100");
    expect(onFileComplete).toHaveBeenCalledTimes(1);
    expect(onBatchComplete).toHaveBeenCalledTimes(1);
    expect(onBatchComplete.mock.calls[0]![0][0]!.serverData).toEqual({
      storedName: "photo.png",
    });
    expect(onValueChange.mock.calls.at(-1)![0]).toHaveLength(1);
    expect(stack.emulator.uploads().map((upload) => upload.name)).toContain(
      "photo.png",
    );
    expect(screen.getByRole("status")).toHaveTextContent("photo.png uploaded");
    expect(dropzoneRoot().dataset.state).toBe("idle");
  });

  it("uploads a file with an empty type", async () => {
    render(
      <Dropzone endpoint="documents" url={stack.url} headers={signedIn} />,
    );
    await waitForLimits(/PDFs up to 16MB/);
    await dropFiles([makeFile("notes.md", "", 64)]);
    await waitForRowState("notes.md", "complete");
  });

  it("shows uploading while in flight", async () => {
    const stall = stack.emulator.stallNthPut(1);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("slow.png", "image/png", 4096)]);
    await waitFor(() => expect(dropzoneRoot().dataset.state).toBe("uploading"));
    expect(fileRow("slow.png").dataset.state).toBe("uploading");
    stall.release();
    await waitForRowState("slow.png", "complete");
  });

  it("fails without the user header", async () => {
    render(<Dropzone endpoint="gallery" url={stack.url} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("anon.png", "image/png")]);
    await waitForRowState("anon.png", "error");
  });

  it("accepts headers from a function", async () => {
    const headers = vi.fn(async () => signedIn);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={headers} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("fn.png", "image/png")]);
    await waitForRowState("fn.png", "complete");
    expect(headers).toHaveBeenCalled();
  });

  it("shows the server's message", async () => {
    routerState.closed = "Uploads are closed for maintenance";
    const onUploadError = vi.fn<(error: DropzoneUploadError) => void>();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        onUploadError={onUploadError}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("closed.png", "image/png")]);
    await waitForRowState("closed.png", "error");
    expect(fileRow("closed.png")).toHaveTextContent(
      "Uploads are closed for maintenance",
    );
    expect(onUploadError).toHaveBeenCalledTimes(1);
    expect(onUploadError.mock.calls[0]![0].code).toBe("upload-failed");
    expect(screen.getByRole("status")).toHaveTextContent(
      "closed.png failed: Uploads are closed for maintenance",
    );
  });

  it("offers no Retry for a 413", async () => {
    const onUploadError = vi.fn<(error: DropzoneUploadError) => void>();
    // A routeConfig prop looser than the server's lets the request through.
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        routeConfig={{ image: { maxFileSize: "64MB" } }}
        onUploadError={onUploadError}
      />,
    );
    await dropFiles([makeFile("big.png", "image/png", 17 * 1024 * 1024)]);
    await waitForRowState("big.png", "error");
    expect(fileRow("big.png")).toHaveTextContent(
      "big.png is 17 MB, but the limit for image files is 16 MB.",
    );
    expect(onUploadError.mock.calls[0]![0].code).toBe("upload-rejected");
    expect(
      screen.queryByRole("button", { name: "Retry big.png" }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Remove big.png" }),
    ).toBeInTheDocument();
  });

  it("offers no Retry for a 400", async () => {
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        routeConfig={["blob"]}
      />,
    );
    await dropFiles([makeFile("notes.txt", "text/plain")]);
    await waitForRowState("notes.txt", "error");
    expect(fileRow("notes.txt")).toHaveTextContent(
      "notes.txt has the type text/plain.",
    );
    expect(
      screen.queryByRole("button", { name: "Retry notes.txt" }),
    ).not.toBeInTheDocument();
  });

  it("keeps Retry after a 403", async () => {
    routerState.closed = "Uploads are closed for maintenance";
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("later.png", "image/png")]);
    await waitForRowState("later.png", "error");
    expect(
      screen.getByRole("button", { name: "Retry later.png" }),
    ).toBeInTheDocument();
  });

  it.each([
    ["notes.md", "application/octet-stream"],
    ["data.csv", "application/vnd.ms-excel"],
  ])("uploads %s sent as %s", async (name, type) => {
    render(
      <Dropzone endpoint="documents" url={stack.url} headers={signedIn} />,
    );
    await waitForLimits(/PDFs up to/);
    await dropFiles([makeFile(name, type)]);
    await waitForRowState(name, "complete");
  });

  it("rejects cat.exe sent as image/png", async () => {
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("cat.exe", "image/png")]);
    await waitFor(() => expect(fileRows()).toHaveLength(1));
    expect(fileRow("cat.exe").dataset.state).toBe("rejected");
  });

  it("retries a failed transfer", async () => {
    const user = userEvent.setup();
    stack.emulator.failNthPut(1, 500);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("flaky.png", "image/png")]);
    await waitForRowState("flaky.png", "error");
    await user.click(screen.getByRole("button", { name: "Retry flaky.png" }));
    await waitForRowState("flaky.png", "complete");
  });

  it("names the storage status on failure", async () => {
    stack.emulator.failNthPut(1, 500);
    const onUploadError = vi.fn<(error: DropzoneUploadError) => void>();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        onUploadError={onUploadError}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("photo.jpg", "image/jpeg")]);
    await waitForRowState("photo.jpg", "error");
    const reason =
      "photo.jpg failed to upload: the storage server returned 500. Retry to try again.";
    expect(fileRow("photo.jpg")).toHaveTextContent(reason);
    const error = onUploadError.mock.calls[0]![0];
    expect(error.message).toBe(reason);
    expect((error.cause as Error).message).toMatch(/^XHR failed 500/);
  });

  it("passes the stall timeout in milliseconds", async () => {
    const stall = stack.emulator.stallNthPut(1);
    const stalled = vi.fn(
      (name: string, timeoutMs: number) => `${name} stalled ${timeoutMs}`,
    );
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        stallTimeout={1500}
        messages={{ stalled }}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("slow.png", "image/png", 4096)]);
    await waitForRowState("slow.png", "error");
    expect(stalled).toHaveBeenCalledWith("slow.png", 1500);
    expect(fileRow("slow.png")).toHaveTextContent("slow.png stalled 1500");
    stall.release();
  });

  it("shows a 1.5 s stall exactly", () => {
    expect(rowMessages.stalled("slow.png", 1500)).toBe(
      "slow.png made no progress for 1.5 s; retry to start again",
    );
  });

  it("fails a stalled transfer with retry", async () => {
    const user = userEvent.setup();
    const stall = stack.emulator.stallNthPut(1);
    const onUploadError = vi.fn<(error: DropzoneUploadError) => void>();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        stallTimeout={300}
        onUploadError={onUploadError}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("stuck.png", "image/png", 4096)]);
    await waitForRowState("stuck.png", "error");
    expect(fileRow("stuck.png")).toHaveTextContent(
      "stuck.png made no progress for 0.3 s; retry to start again",
    );
    expect(onUploadError.mock.calls[0]![0].code).toBe("stalled");
    stall.release();
    await user.click(screen.getByRole("button", { name: "Retry stuck.png" }));
    await waitForRowState("stuck.png", "complete");
  });

  it("never starts a canceled queued file", async () => {
    const user = userEvent.setup();
    const stall = stack.emulator.stallNthPut(1);
    const { started, unsubscribe } = recordStartedTransfers();
    const onBatchComplete = vi.fn<(results: Uploaded[]) => void>();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        concurrency={1}
        onBatchComplete={onBatchComplete}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([
      makeFile("first.png", "image/png", 4096),
      makeFile("second.png", "image/png", 4096),
    ]);
    await waitFor(() =>
      expect(fileRow("first.png").dataset.state).toBe("uploading"),
    );
    expect(fileRow("second.png").dataset.state).toBe("queued");

    await user.click(screen.getByRole("button", { name: "Cancel second.png" }));
    stall.release();
    await waitForRowState("first.png", "complete");
    unsubscribe();

    expect(fileRow("second.png").dataset.state).toBe("canceled");
    expect(started).toEqual(["first.png"]);
    expect(onBatchComplete.mock.calls[0]![0]).toHaveLength(1);
  });

  it("cancels one upload in flight only", async () => {
    const user = userEvent.setup();
    const stall = stack.emulator.stallNthPut(1);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("held.png", "image/png", 4096)]);
    await stall.triggered;
    await dropFiles([makeFile("free.png", "image/png", 4096)]);

    await user.click(screen.getByRole("button", { name: "Cancel held.png" }));
    await waitForRowState("free.png", "complete");
    expect(fileRow("held.png").dataset.state).toBe("canceled");
    stall.release();
  });

  it("checks files once the config arrives", async () => {
    const release = stack.holdRouteConfig();
    const onReject = vi.fn();
    render(
      <Dropzone
        endpoint="avatar"
        url={stack.url}
        headers={signedIn}
        mode="manual"
        onReject={onReject}
      />,
    );
    expect(screen.getByText("Loading upload limits…")).toBeInTheDocument();
    await dropFiles([
      makeFile("me.png", "image/png"),
      makeFile("me-too.png", "image/png"),
    ]);
    expect(fileRows().map((row) => row.dataset.state)).toEqual([
      "queued",
      "queued",
    ]);
    expect(
      screen.getByRole("button", { name: "Upload 2 files" }),
    ).toBeDisabled();

    release();
    await waitFor(() =>
      expect(fileRow("me-too.png").dataset.state).toBe("rejected"),
    );
    expect(fileRow("me.png").dataset.state).toBe("queued");
    expect(onReject).toHaveBeenCalledTimes(1);
    expect(fileRow("me-too.png")).toHaveTextContent(
      "me-too.png was not added: the limit is 1 file",
    );
  });

  it("uploads only after Upload in manual mode", async () => {
    const user = userEvent.setup();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        mode="manual"
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("later.png", "image/png")]);
    expect(fileRow("later.png").dataset.state).toBe("queued");
    await user.click(screen.getByRole("button", { name: "Upload 1 file" }));
    await waitForRowState("later.png", "complete");
  });

  it("reports a route config failure", async () => {
    const user = userEvent.setup();
    const onUploadError = vi.fn<(error: DropzoneUploadError) => void>();
    stack.failNextRouteConfig();
    const release = stack.holdRouteConfig();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        onUploadError={onUploadError}
      />,
    );
    await dropFiles([
      makeFile("early.png", "image/png"),
      makeFile("second.png", "image/png"),
    ]);
    release();
    await waitFor(() =>
      expect(fileRow("second.png").dataset.state).toBe("error"),
    );
    const message = `Could not load the upload limits from ${stack.url}: GET returned 500 Internal Server Error`;
    expect(fileRow("early.png")).toHaveTextContent(message);
    expect(
      document.querySelector('[data-slot="dropzone-restrictions"]'),
    ).toHaveTextContent(message);
    expect(onUploadError.mock.calls.map(([error]) => error.code)).toEqual([
      "route-config-failed",
      "route-config-failed",
    ]);
    await waitFor(() =>
      expect(
        document.querySelector('[data-slot="dropzone-live-region"]'),
      ).toHaveTextContent(
        `early.png failed: ${message}. second.png failed: ${message}`,
      ),
    );

    // Retrying one row loads the config, which checks the other row too.
    await user.click(screen.getByRole("button", { name: "Retry early.png" }));
    await waitForRowState("early.png", "complete");
    await waitForRowState("second.png", "complete");
  });

  it("shows the server's message for the config", async () => {
    stack.failNextRouteConfig("The config store is offline");
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitFor(() =>
      expect(
        document.querySelector('[data-slot="dropzone-restrictions"]'),
      ).toHaveTextContent(
        `Could not load the upload limits from ${stack.url}: GET returned 500 Internal Server Error: The config store is offline`,
      ),
    );
  });

  it("waits for a route's minimum count", async () => {
    const onBatchComplete =
      vi.fn<(results: ClientUploadedFileData<{ paired: boolean }>[]) => void>();
    render(
      <Dropzone
        endpoint="pair"
        url={stack.url}
        headers={signedIn}
        onBatchComplete={onBatchComplete}
      />,
    );
    await waitForLimits(/at least 2/);
    await dropFiles([makeFile("left.png", "image/png")]);
    expect(screen.getByText("Add at least 2 images")).toBeInTheDocument();
    expect(fileRow("left.png").dataset.state).toBe("queued");

    await dropFiles([makeFile("right.png", "image/png")]);
    await waitForRowState("right.png", "complete");
    expect(fileRow("left.png").dataset.state).toBe("complete");
    expect(onBatchComplete.mock.calls[0]![0]).toHaveLength(2);
  });

  it("starts each file once on double Upload", async () => {
    const user = userEvent.setup();
    const { started, unsubscribe } = recordStartedTransfers();
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        mode="manual"
        concurrency={1}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([
      makeFile("one.png", "image/png"),
      makeFile("two.png", "image/png"),
    ]);
    const upload = screen.getByRole("button", { name: "Upload 2 files" });
    await user.dblClick(upload);
    await waitForRowState("two.png", "complete");
    unsubscribe();
    expect(started.sort()).toEqual(["one.png", "two.png"]);
  });

  it("removes an uploading file", async () => {
    const user = userEvent.setup();
    const stall = stack.emulator.stallNthPut(1);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("gone.png", "image/png", 4096)]);
    await stall.triggered;
    await user.click(screen.getByRole("button", { name: "Cancel gone.png" }));
    await user.click(screen.getByRole("button", { name: "Remove gone.png" }));
    expect(fileRows()).toHaveLength(0);
    expect(dropzoneRoot().dataset.state).toBe("idle");
    stall.release();
  });

  it("keeps a row completed after Cancel press", async () => {
    const stall = stack.emulator.stallNthPut(1);
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("huge.png", "image/png", 4096)]);
    await stall.triggered;
    fireEvent.pointerDown(
      screen.getByRole("button", { name: "Cancel huge.png" }),
    );
    stall.release();
    await waitForRowState("huge.png", "complete");
    fireEvent.click(screen.getByRole("button", { name: "Remove huge.png" }), {
      detail: 1,
    });
    expect(fileRows()).toHaveLength(1);
    expect(fileRow("huge.png").dataset.state).toBe("complete");
  });

  it("keeps uploads running after double Upload", async () => {
    render(
      <Dropzone
        endpoint="gallery"
        mode="manual"
        url={stack.url}
        headers={signedIn}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("twice.png", "image/png")]);
    const upload = screen.getByRole("button", { name: "Upload 1 file" });
    fireEvent.pointerDown(upload);
    fireEvent.click(upload, { detail: 1 });
    const cancelAll = screen.getByRole("button", { name: "Cancel all" });
    fireEvent.pointerDown(cancelAll);
    fireEvent.click(cancelAll, { detail: 2 });
    await waitForRowState("twice.png", "complete");
  });

  it("cancels all uploads and queued files", async () => {
    const user = userEvent.setup();
    const stall = stack.emulator.stallNthPut(1);
    render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        concurrency={1}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([
      makeFile("x.png", "image/png", 4096),
      makeFile("y.png", "image/png", 4096),
    ]);
    await stall.triggered;
    await user.click(screen.getByRole("button", { name: "Cancel all" }));
    expect(fileRows().map((row) => row.dataset.state)).toEqual([
      "canceled",
      "canceled",
    ]);
    expect(dropzoneRoot().dataset.state).toBe("idle");
    stall.release();
  });

  it("aborts the transfer on unmount", async () => {
    const stall = stack.emulator.stallNthPut(1);
    const onUploadError = vi.fn();
    const view = render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        onUploadError={onUploadError}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("left-behind.png", "image/png", 4096)]);
    const key = await stall.triggered;
    const interrupted = stack.emulator.waitFor(
      "transfer-interrupted",
      (event) => event.key === key,
    );
    view.unmount();
    await interrupted;
    stall.release();
    expect(onUploadError).not.toHaveBeenCalled();
  });

  it("starts no queued file after unmount", async () => {
    const stall = stack.emulator.stallNthPut(1);
    const { started, unsubscribe } = recordStartedTransfers();
    const onFileComplete = vi.fn();
    const onBatchComplete = vi.fn();
    const view = render(
      <Dropzone
        endpoint="gallery"
        url={stack.url}
        headers={signedIn}
        concurrency={1}
        onFileComplete={onFileComplete}
        onBatchComplete={onBatchComplete}
      />,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([
      makeFile("running.png", "image/png", 4096),
      makeFile("waiting.png", "image/png", 4096),
    ]);
    const key = await stall.triggered;
    const interrupted = stack.emulator.waitFor(
      "transfer-interrupted",
      (event) => event.key === key,
    );

    view.unmount();
    await interrupted;
    stall.release();
    // Long enough for a queued upload to have started: its presign and
    // transfer take a few milliseconds against the local servers.
    await new Promise((resolve) => setTimeout(resolve, 300));
    unsubscribe();

    expect(started).toEqual(["running.png"]);
    expect(onFileComplete).not.toHaveBeenCalled();
    expect(onBatchComplete).not.toHaveBeenCalled();
  });

  it("uploads under StrictMode", async () => {
    const onBatchComplete = vi.fn();
    render(
      <StrictMode>
        <Dropzone
          endpoint="gallery"
          url={stack.url}
          headers={signedIn}
          onBatchComplete={onBatchComplete}
        />
      </StrictMode>,
    );
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("strict.png", "image/png")]);
    await waitForRowState("strict.png", "complete");
    expect(onBatchComplete).toHaveBeenCalledTimes(1);
  });

  it("keeps progress in 0..100 and rising", async () => {
    stack.emulator.setThrottle(64 * 1024);
    const seen: number[] = [];
    const observer = new MutationObserver(() => {
      const bar = document.querySelector('[data-slot="dropzone-progress"]');
      const value = bar?.getAttribute("aria-valuenow");
      if (value) seen.push(Number(value));
    });
    observer.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    await dropFiles([makeFile("big.png", "image/png", 256 * 1024)]);
    await waitForRowState("big.png", "complete", 10_000);
    observer.disconnect();
    expect(Math.max(...seen)).toBe(100);
    expect(
      seen.every((value, index) => index === 0 || value >= seen[index - 1]!),
    ).toBe(true);
  });

  it("starts no upload for a rejected drop", async () => {
    render(<Dropzone endpoint="gallery" url={stack.url} headers={signedIn} />);
    await waitForLimits(/Images up to 16MB/);
    const postsBefore = stack.postCount();
    await dropFiles([
      makeFile("clip.mp4", "video/mp4"),
      makeFile("huge.png", "image/png", 17 * 1024 * 1024),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fileRows().map((row) => row.dataset.state)).toEqual([
      "rejected",
      "rejected",
    ]);
    expect(stack.postCount()).toBe(postsBefore);
    expect(screen.getByRole("status")).toHaveTextContent(
      "huge.png is 17 MB; the limit is 16 MB",
    );
  });

  it("uploads an empty file", async () => {
    render(
      <Dropzone endpoint="attachment" url={stack.url} headers={signedIn} />,
    );
    await waitForLimits(/Files up to 32MB/);
    await dropFiles([makeFile("empty.txt", "text/plain", 0)]);
    await waitForRowState("empty.txt", "complete");
    expect(
      screen.getByRole("progressbar", { name: "empty.txt upload progress" }),
    ).toHaveAttribute("aria-valuenow", "100");
  });
});
