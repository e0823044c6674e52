import type {
  DropzoneEndpointMetadata,
  DropzoneRouteConfig,
  DropzoneRouteConfigInput,
} from "./types";

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
    const message = await readJsonMessage(response);
    throw new Error(
      `GET returned ${response.status} ${response.statusText}${message ? `: ${message}` : ""}`,
    );
  }
  const body: unknown = await response.json();
  if (!Array.isArray(body)) {
    throw new Error("GET did not return a list of routes");
  }
  return body as DropzoneEndpointMetadata;
}

/** Returns the `message` of a JSON error body, as UploadThing's handler sends. */
async function readJsonMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const message = (body as { message?: unknown } | null)?.message;
    return typeof message === "string" ? message : "";
  } catch {
    return "";
  }
}

/** Resolves a relative route handler URL against the page, as UploadThing does. */
export function resolveUrl(url: string): string {
  const base = globalThis.location?.href;
  return base ? new URL(url, base).href : url;
}

/** Picks one route's config from a config prop or a GET body, with defaults filled in. */
export function selectRouteConfig(
  source: DropzoneRouteConfigInput | DropzoneEndpointMetadata,
  endpoint: string,
): DropzoneRouteConfig | undefined {
  if (!Array.isArray(source)) return fillRouteConfig(source);
  if (source.length > 0 && source.every((item) => typeof item === "string")) {
    return fillRouteConfig(source);
  }
  const route = (source as DropzoneEndpointMetadata).find(
    (item) => item.slug === endpoint,
  );
  return route && fillRouteConfig(route.config);
}

// UploadThing's defaults from @uploadthing/shared 7.1 getDefaultSizeForType.
const DEFAULT_SIZES: Record<string, string> = {
  image: "4MB",
  video: "16MB",
  audio: "8MB",
  blob: "8MB",
  pdf: "4MB",
  text: "64KB",
};

function fillRouteConfig(input: DropzoneRouteConfigInput): DropzoneRouteConfig {
  const entries = Array.isArray(input)
    ? input.map((type) => [type, undefined] as const)
    : Object.entries(input);
  const config: DropzoneRouteConfig = {};
  for (const [type, limits] of entries) {
    config[type] = {
      ...limits,
      maxFileSize: limits?.maxFileSize ?? DEFAULT_SIZES[type] ?? "4MB",
      maxFileCount: limits?.maxFileCount ?? 1,
      minFileCount: limits?.minFileCount ?? 1,
    };
  }
  return config;
}
