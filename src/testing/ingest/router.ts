import type { IncomingMessage, ServerResponse } from "node:http";

import type { CallbackHub } from "./callbacks";
import { IngestError } from "./errors";
import { readJson, requestOrigin, sendJson } from "./http-utils";
import { decodeKey, splitRawUrl, verifyPresignedUrl } from "./presigned-url";
import { parseCallbackResult, parseRouteMetadata } from "./route-metadata";
import { serveFile } from "./serve-file";
import { secretsEqual } from "./signature";
import type { StoredUpload, UploadStore } from "./store";
import {
  handleResumeProbe,
  handleUpload,
  type TransferContext,
} from "./transfer";
import type { IngestUpload } from "./types";

/** Path of the listing endpoint for other processes. */
export const UPLOADS_LISTING_PATH = "/__dropsync/uploads";

interface RouterContext {
  apiKey: string;
  appId: string;
  /** The emulator's own origin, such as `http://127.0.0.1:4599`. */
  selfOrigin: string;
  now: () => number;
  store: UploadStore;
  callbacks: CallbackHub;
  transfers: TransferContext;
  describe: (stored: StoredUpload) => IngestUpload;
}

/**
 * Dispatches one request. Endpoints:
 * - `POST /route-metadata` and `POST /callback-result` from the route handler;
 * - `HEAD` and `PUT` on `/<fileKey>?<presigned query>` from the client;
 * - `GET`/`HEAD` on `/f/<fileKey>` and `/a/<appId>/<fileKey>`: stored files;
 * - `GET /__dropsync/uploads`: the stored uploads as JSON;
 * - `GET /`: a status object.
 */
export async function routeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouterContext,
): Promise<void> {
  const method = request.method ?? "GET";
  const { path } = splitRawUrl(request.url ?? "/");
  const segments = path.split("/").filter((segment) => segment !== "");

  if (method === "POST" && path === "/route-metadata") {
    await registerRoute(request, response, context);
    return;
  }
  if (method === "POST" && path === "/callback-result") {
    await acceptCallbackResult(request, response, context);
    return;
  }
  const isRead = method === "GET" || method === "HEAD";
  if (isRead && path === "/") {
    sendJson(response, 200, {
      service: "dropsync ingest emulator",
      appId: context.appId,
      uploads: context.store.list().length,
    });
    return;
  }
  if (isRead && path === UPLOADS_LISTING_PATH) {
    sendJson(response, 200, {
      uploads: context.store.list().map(context.describe),
    });
    return;
  }
  if (isRead && segments[0] === "f" && segments.length === 2) {
    await serveFile(
      request,
      response,
      decodeKey(segments[1] ?? ""),
      context.store,
    );
    return;
  }
  if (isRead && segments[0] === "a" && segments.length === 3) {
    if (segments[1] !== context.appId) {
      throw new IngestError(
        "NOT_FOUND",
        `App "${segments[1]}" not found: this emulator serves app "${context.appId}".`,
      );
    }
    await serveFile(
      request,
      response,
      decodeKey(segments[2] ?? ""),
      context.store,
    );
    return;
  }
  if ((method === "HEAD" || method === "PUT") && segments.length >= 1) {
    const upload = verifyPresignedUrl({
      rawUrl: request.url ?? "/",
      origins: presignedOrigins(request, context.selfOrigin),
      apiKey: context.apiKey,
      appId: context.appId,
      now: context.now(),
    });
    if (method === "HEAD") {
      await handleResumeProbe(response, upload, context.transfers);
    } else {
      await handleUpload(request, response, upload, context.transfers);
    }
    return;
  }
  throw new IngestError(
    "NOT_FOUND",
    `No ingest endpoint for ${method} ${path}. Uploads use PUT on a presigned URL, ` +
      `files are served at /f/<fileKey>, and ${UPLOADS_LISTING_PATH} lists them.`,
  );
}

async function registerRoute(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouterContext,
): Promise<void> {
  checkApiKey(request, context.apiKey, "/route-metadata");
  const body = parseRouteMetadata(await readJson(request));
  const version = request.headers["x-uploadthing-version"];
  context.callbacks.register(
    body,
    requestOrigin(request) ?? context.selfOrigin,
    typeof version === "string" ? version : null,
    response,
  );
  if (!body.isDev) sendJson(response, 200, { ok: true });
}

async function acceptCallbackResult(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouterContext,
): Promise<void> {
  checkApiKey(request, context.apiKey, "/callback-result");
  const body = parseCallbackResult(await readJson(request));
  if (!context.callbacks.acceptResult(body)) {
    throw new IngestError(
      "NOT_FOUND",
      `No callback is waiting for file key ${body.fileKey}: the key is unknown, ` +
        "its result already arrived, or the wait timed out.",
    );
  }
  sendJson(response, 200, { ok: true });
}

function checkApiKey(
  request: IncomingMessage,
  apiKey: string,
  endpoint: string,
): void {
  const received = request.headers["x-uploadthing-api-key"];
  if (typeof received !== "string" || received === "") {
    throw new IngestError(
      "FORBIDDEN",
      `Missing x-uploadthing-api-key header on ${endpoint}. Set UPLOADTHING_TOKEN ` +
        "in the route handler to the ingest emulator's token.",
    );
  }
  if (!secretsEqual(received, apiKey)) {
    throw new IngestError(
      "FORBIDDEN",
      `Invalid x-uploadthing-api-key on ${endpoint}: the route handler's token ` +
        "carries another API key than this ingest emulator. Use the emulator's token.",
    );
  }
}

/**
 * Origins a presigned URL may have been signed with: the one the client
 * addressed (Host header) and the emulator's own.
 */
function presignedOrigins(
  request: IncomingMessage,
  selfOrigin: string,
): string[] {
  const origin = requestOrigin(request);
  return origin === null || origin === selfOrigin
    ? [selfOrigin]
    : [origin, selfOrigin];
}
