import { render, screen, waitFor } from "@testing-library/react";
import { createRouteHandler } from "uploadthing/server";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { generateDropzone } from "../../src";
import { useClerkUploadAuth } from "../../src/clerk";
import { clerkAuth, createFileRouter } from "../../src/server";
import { startIngestEmulator, type IngestEmulator } from "../../src/testing";
import { dropFiles, fileRow, makeFile } from "../client/dropzone-helpers";
import {
  appOrigin,
  generateSigningKey,
  signSessionToken,
} from "../server/support/clerk-tokens";
import { serveFetch, type LocalServer } from "../server/support/serve-fetch";
import { testHandlerConfig } from "../server/support/uploadthing";
import { clerkState } from "./clerk-mock";

vi.mock("@clerk/react", async () =>
  (await import("./clerk-mock")).mockClerkReact(),
);

const clerkKey = generateSigningKey();
const router = createFileRouter({
  auth: clerkAuth({
    jwtKey: clerkKey.publicKeyPem,
    authorizedParties: [appOrigin],
  }),
  onUploadComplete: ({ userId }) => ({ uploadedBy: userId }),
});
const Dropzone = generateDropzone<typeof router>();

function AvatarUpload({ url }: { url: string }) {
  const uploadAuth = useClerkUploadAuth();
  return <Dropzone endpoint="avatar" url={url} {...uploadAuth} />;
}

let ingest: IngestEmulator;
let server: LocalServer;
let url: string;

beforeAll(async () => {
  ingest = await startIngestEmulator();
  server = await serveFetch(
    createRouteHandler({
      router,
      config: testHandlerConfig(ingest.url, ingest.token),
    }),
  );
  url = `${server.origin}/api/uploadthing`;
});

afterAll(async () => {
  await server.close();
  await ingest.close();
});

beforeEach(() => {
  clerkState.current = {
    isLoaded: true,
    isSignedIn: false,
    getToken: async () => null,
  };
});

describe("Dropzone with useClerkUploadAuth", () => {
  it("shows the signed-out message", () => {
    render(<AvatarUpload url={url} />);

    expect(screen.getByText("Sign in to upload files.")).toBeInTheDocument();
  });

  it("uploads with the session token", async () => {
    const getToken = vi.fn(async () => signSessionToken(clerkKey));
    clerkState.current = { isLoaded: true, isSignedIn: true, getToken };
    const storedBefore = ingest.uploads().length;
    render(<AvatarUpload url={url} />);
    await waitFor(() =>
      expect(screen.getByText(/Images up to 4MB/)).toBeInTheDocument(),
    );
    await dropFiles([makeFile("me.png", "image/png", 2048)]);
    await waitFor(
      () => expect(fileRow("me.png").dataset.state).toBe("complete"),
      { timeout: 5000 },
    );
    const stored = ingest.uploads().slice(storedBefore);

    expect(getToken).toHaveBeenCalled();
    expect(stored.map((upload) => upload.metadata)).toEqual([
      { userId: "user_2abc" },
    ]);
  });
});
