import type { AnyFileRoute } from "uploadthing/types";
import { describeValue } from "./describe-value";
import { formatFileSize, parseFileSize } from "./file-size";
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
    checkFileSize(route, fileType, limit.maxFileSize);
    checkFileCount(route, fileType, "maxFileCount", limit.maxFileCount, 1);
    checkFileCount(route, fileType, "minFileCount", limit.minFileCount, 0);
    if (limit.minFileCount > limit.maxFileCount) {
      throw new TypeError(
        `The ${route} route has minFileCount ${limit.minFileCount} above maxFileCount ${limit.maxFileCount} for ${fileType} files. Lower minFileCount or raise maxFileCount.`,
      );
    }
  }
}

function checkFileSize(route: string, fileType: string, maxFileSize: unknown) {
  let valid = typeof maxFileSize === "string";
  if (valid) {
    try {
      parseFileSize(maxFileSize as string);
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw new TypeError(
      `Invalid maxFileSize ${describeValue(maxFileSize)} for ${fileType} files on the ${route} route. Use a number and a unit, such as "4MB".`,
    );
  }

  const size = maxFileSize as string;
  if (size.includes(".")) {
    const bytes = parseFileSize(size);
    console.warn(
      `dropsync: maxFileSize "${size}" for ${fileType} files on the ${route} route is ${formatFileSize(bytes)}, because UploadThing drops the fraction. Use a smaller unit for the exact limit, such as "1536KB" for 1.5 MB.`,
    );
  }
}

function checkFileCount(
  route: string,
  fileType: string,
  option: "maxFileCount" | "minFileCount",
  value: unknown,
  minimum: number,
) {
  if (Number.isSafeInteger(value) && (value as number) >= minimum) return;

  throw new TypeError(
    `Invalid ${option} ${describeValue(value)} for ${fileType} files on the ${route} route. ${option} must be a whole number of at least ${minimum}.`,
  );
}

function isFileRoute(value: unknown): value is AnyFileRoute {
  const route = value as Partial<AnyFileRoute> | null;

  return (
    typeof route?.middleware === "function" &&
    typeof route.onUploadComplete === "function" &&
    typeof route.routerConfig === "object"
  );
}

function checkPresets(presets: unknown) {
  if (presets === undefined) return;
  if (typeof presets !== "object" || presets === null) {
    throw new TypeError(
      `The presets option must be an object such as { gallery: false }, not ${String(presets)}.`,
    );
  }

  for (const [name, setting] of Object.entries(presets)) {
    if (!presetNames.includes(name as PresetName)) {
      throw new TypeError(
        `Unknown preset ${JSON.stringify(name)} in the presets option. The presets are ${presetNames.join(", ")}. Add other routes with the routes option.`,
      );
    }
    const validSetting =
      setting === undefined ||
      typeof setting === "boolean" ||
      (typeof setting === "object" && setting !== null);
    if (!validSetting) {
      throw new TypeError(
        `Invalid setting ${describeValue(setting)} for the ${name} preset. Use false to leave it out, true to keep it, or an object such as { config: { ... } }.`,
      );
    }
  }
}

/** Throws a TypeError when `createFileRouter`'s options are invalid. */
export function checkOptions(options: {
  auth?: unknown;
  presets?: unknown;
  routes?: unknown;
}) {
  if (typeof options?.auth !== "function") {
    throw new TypeError(
      "createFileRouter needs an auth function that returns { userId } or null, such as auth: clerkAuth().",
    );
  }
  checkPresets(options.presets);

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

/** Throws a TypeError when a router would have no routes at all. */
export function checkRouteCount(routeNames: readonly string[]) {
  if (routeNames.length > 0) return;

  throw new TypeError(
    "createFileRouter needs at least one route, but every preset is left out and the routes option is empty. Keep a preset or add a custom route.",
  );
}
