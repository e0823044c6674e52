import { createRouteHandler } from "uploadthing/server";
import type { FileRouter } from "uploadthing/types";

/**
 * A token that passes UploadThing's format check. The route handler signs
 * upload URLs with its API key and sends them to the local ingest server,
 * never to UploadThing.
 */
export const uploadThingToken = Buffer.from(
  JSON.stringify({
    apiKey: "sk_test_dropsync",
    appId: "app_dropsync",
    regions: ["local"],
  }),
).toString("base64");

/**
 * Route handler config that sends UploadThing's requests to a local ingest.
 * The handler runs its background requests without awaiting them and logs
 * nothing.
 */
export function testHandlerConfig(ingestUrl: string, token = uploadThingToken) {
  return {
    token,
    ingestUrl,
    isDev: false,
    handleDaemonPromise: "void" as const,
    logLevel: "None" as const,
  };
}

/** Creates UploadThing's own route handler for a router and a local ingest. */
export function createTestRouteHandler(router: FileRouter, ingestUrl: string) {
  return createRouteHandler({ router, config: testHandlerConfig(ingestUrl) });
}

/** A file as a client describes it when it requests upload URLs. */
export interface PresignFile {
  name: string;
  size: number;
  type: string;
  lastModified?: number;
}

/**
 * Sends the request that UploadThing's client sends for upload URLs, so a
 * test can forge any field of it.
 */
export async function requestPresignedUrls(
  handlerUrl: string,
  slug: string,
  files: PresignFile[],
  options: { headers?: Record<string, string>; input?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const url = new URL(handlerUrl);
  url.searchParams.set("actionType", "upload");
  url.searchParams.set("slug", slug);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ files, input: options.input }),
  });

  return { status: response.status, body: await response.json() };
}
