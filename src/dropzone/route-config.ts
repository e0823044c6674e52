import type { DropzoneEndpointMetadata, DropzoneRouteConfig } from "./types";

/** Loading state of a Dropzone's route config. */
export type RouteConfigState =
  | { status: "loading" }
  | { status: "ready"; config: DropzoneRouteConfig }
  | { status: "error"; message: string };

/**
 * Reads the config of every route from the UploadThing route handler: its GET
 * returns `[{ slug, config }]`.
 */
export async function fetchEndpointMetadata(
  url: string,
  signal: AbortSignal,
): Promise<DropzoneEndpointMetadata> {
  const response = await fetch(resolveUrl(url), {
    headers: { accept: "application/json" },
    signal,
  });
  if (!response.ok) {
    throw new Error(`GET returned ${response.status} ${response.statusText}`);
  }
  const body: unknown = await response.json();
  if (!Array.isArray(body)) {
    throw new Error("GET did not return a list of routes");
  }
  return body as DropzoneEndpointMetadata;
}

/** Resolves a relative route handler URL against the page, as UploadThing does. */
export function resolveUrl(url: string): string {
  const base = globalThis.location?.href;
  return base ? new URL(url, base).href : url;
}

/** Picks one route's config from a config prop or a GET body. */
export function selectRouteConfig(
  source: DropzoneRouteConfig | DropzoneEndpointMetadata,
  endpoint: string,
): DropzoneRouteConfig | undefined {
  if (!Array.isArray(source)) return source;
  return source.find((route) => route.slug === endpoint)?.config;
}
