import type { ExpandedFileRouteConfig, FileRouteConfig } from "./types";

/** The limits of one file type in a route, with defaults filled in. */
export interface FileTypeLimits {
  maxFileSize: string;
  maxFileCount: number;
  minFileCount: number;
}

// UploadThing 7's defaults for a file type that a route config lists without
// limits (getDefaultSizeForType in @uploadthing/shared).
const defaultSizes: Record<string, string> = {
  image: "4MB",
  video: "16MB",
  audio: "8MB",
  blob: "8MB",
  pdf: "4MB",
  text: "64KB",
};

function defaultLimits(fileType: string): FileTypeLimits {
  return {
    maxFileSize: defaultSizes[fileType] ?? "4MB",
    maxFileCount: 1,
    minFileCount: 1,
  };
}

/**
 * Fills in the limits UploadThing applies when a route config leaves them
 * out, so that dropsync validates with the same numbers.
 */
export function expandRouteConfig(
  config: FileRouteConfig | ExpandedFileRouteConfig,
): Record<string, FileTypeLimits> {
  const expanded: Record<string, FileTypeLimits> = {};

  if (Array.isArray(config)) {
    for (const fileType of config) expanded[fileType] = defaultLimits(fileType);
    return expanded;
  }

  for (const [fileType, limits] of Object.entries(config)) {
    expanded[fileType] = {
      ...defaultLimits(fileType),
      ...(limits as Partial<FileTypeLimits>),
    };
  }

  return expanded;
}
