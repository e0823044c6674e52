import type { NextRequest } from "next/server";
import { createRouteHandler } from "uploadthing/next";
import { loadSettings } from "@/lib/settings";
import { uploadRouter } from "./core";

type Handlers = ReturnType<typeof createRouteHandler>;
let handlers: Handlers | undefined;

// Built on the first request, because the token and the ingest URL come
// from the running server's environment: the local emulator's, or the
// UPLOADTHING_TOKEN of a real UploadThing app.
function getHandlers(): Handlers {
  if (!handlers) {
    const { uploads } = loadSettings();
    handlers = createRouteHandler({
      router: uploadRouter,
      config:
        uploads.target === "emulator"
          ? { token: uploads.token, ingestUrl: uploads.ingestUrl }
          : { token: uploads.token },
    });
  }
  return handlers;
}

export function GET(request: NextRequest) {
  return getHandlers().GET(request);
}

export function POST(request: NextRequest) {
  return getHandlers().POST(request);
}
