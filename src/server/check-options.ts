import type { AnyFileRoute } from "uploadthing/types";
import { parseFileSize } from "./file-size";
import { presetNames, type PresetName } from "./presets";
import type { FileTypeLimits } from "./route-config";

/**
 * Throws a TypeError that names the route when its limits are invalid, so a
 * typo such as "4 MEGS" surfaces at startup, not at the first upload.
 */
export function checkLimits(
  route: string,
  limits: Record<string, FileTypeLimits>,
) {
  if (Object.keys(limits).length === 0) {
    throw new TypeError(
      `The ${route} route accepts no file types. Give it at least one, such as { image: {} }.`,
    );
  }
  for (const [fileType, limit] of Object.entries(limits)) {
    try {
      parseFileSize(limit.maxFileSize);
    } catch {
      throw new TypeError(
        `Invalid maxFileSize "${limit.maxFileSize}" for ${fileType} files on the ${route} route. Use a number and a unit, such as "4MB".`,
      );
    }
    if (limit.minFileCount > limit.maxFileCount) {
      throw new TypeError(
        `The ${route} route has minFileCount ${limit.minFileCount} above maxFileCount ${limit.maxFileCount} for ${fileType} files.`,
      );
    }
  }
}

function isFileRoute(value: unknown): value is AnyFileRoute {
  const route = value as Partial<AnyFileRoute> | null;

  return (
    typeof route?.middleware === "function" &&
    typeof route.onUploadComplete === "function" &&
    typeof route.routerConfig === "object"
  );
}

/** Throws a TypeError when `createFileRouter`'s options are invalid. */
export function checkOptions(options: { auth?: unknown; routes?: unknown }) {
  if (typeof options?.auth !== "function") {
    throw new TypeError(
      "createFileRouter needs an auth function that returns { userId } or null, such as auth: clerkAuth().",
    );
  }
  const routes = options.routes ?? {};
  for (const [name, route] of Object.entries(routes)) {
    if (!isFileRoute(route)) {
      throw new TypeError(
        `The custom route ${name} is not an UploadThing file route. Build it with createUploadthing() and finish it with .onUploadComplete().`,
      );
    }
    if (presetNames.includes(name as PresetName)) {
      throw new TypeError(
        `The route ${name} is both a preset and a custom route. Rename the custom route or leave the preset out with presets: { ${name}: false }.`,
      );
    }
  }
}
