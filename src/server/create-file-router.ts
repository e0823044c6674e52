import { createUploadthing } from "uploadthing/server";
import type { AnyFileRoute, FileRoute, FileRouter } from "uploadthing/types";
import { checkLimits, checkOptions, checkRouteCount } from "./check-options";
import { presetNames, presetRouteConfigs, type PresetName } from "./presets";
import { expandRouteConfig } from "./route-config";
import { guardMiddleware, type RouteGuardOptions } from "./route-guard";
import type {
  CreateFileRouterOptions,
  EnabledPresetName,
  JsonObject,
  PresetOptions,
  PresetOverride,
  UploadAuth,
  UploadCompleteEvent,
  UploadErrorEvent,
  UploadMetadata,
} from "./router-options";
import type { FileRouteConfig } from "./types";
import { formatUploadError, type UploadErrorShape } from "./upload-error";

type ServerDataOutput<TServerData> = TServerData extends void | undefined
  ? null
  : TServerData;

/** A preset route: no input, and the server data of `onUploadComplete`. */
export type PresetFileRoute<TServerData extends JsonObject | void> = FileRoute<{
  input: undefined;
  output: ServerDataOutput<TServerData>;
  errorShape: UploadErrorShape;
}>;

/** A custom route as the router exposes it, with dropsync's error shape. */
export type GuardedFileRoute<TRoute extends AnyFileRoute> = FileRoute<{
  input: TRoute["$types"]["input"];
  output: TRoute["$types"]["output"];
  errorShape: UploadErrorShape;
}>;

/**
 * The router that `createFileRouter` returns: one key per kept preset and
 * per custom route, each with its input and output types.
 */
export type DropsyncFileRouter<
  TPresets extends PresetOptions,
  TRoutes extends FileRouter,
  TServerData extends JsonObject | void,
> = {
  [K in EnabledPresetName<TPresets>]: PresetFileRoute<TServerData>;
} & { [K in keyof TRoutes]: GuardedFileRoute<TRoutes[K]> };

function presetConfig(name: PresetName, override: PresetOverride | undefined) {
  const preset = presetRouteConfigs[name] as FileRouteConfig;
  const config = override?.config;
  if (config === undefined) return preset;
  if (typeof config === "function") return config(preset);
  // A list of file types has no limits to merge, so it replaces the preset.
  if (Array.isArray(config)) return config;

  const merged: Record<string, unknown> = { ...preset };
  for (const [fileType, limits] of Object.entries(config)) {
    const presetLimits = (preset as Record<string, object | undefined>)[
      fileType
    ];
    merged[fileType] = { ...presetLimits, ...limits };
  }
  return merged as FileRouteConfig;
}

/**
 * Creates an UploadThing file router whose routes reject anonymous uploads
 * with 403 FORBIDDEN and check file types, sizes and counts before any
 * upload URL is signed. It contains the `avatar`, `gallery`, `documents` and
 * `attachment` presets, unless `presets` leaves them out, and the custom
 * `routes`. Pass it to `createRouteHandler` from `uploadthing/next`,
 * `uploadthing/server` or `uploadthing/express`.
 *
 * @example
 * ```ts
 * export const uploadRouter = createFileRouter({
 *   auth: clerkAuth({ authorizedParties: ["https://example.com"] }),
 *   onUploadComplete: ({ userId, file }) => ({ url: file.ufsUrl, userId }),
 * });
 * export type UploadRouter = typeof uploadRouter;
 * ```
 */
export function createFileRouter<
  TAuth extends UploadAuth,
  const TPresets extends PresetOptions = Record<never, never>,
  TRoutes extends FileRouter = Record<never, never>,
  TMetadata extends JsonObject = Record<never, never>,
  TServerData extends JsonObject | void = void,
>(
  options: CreateFileRouterOptions<
    TAuth,
    TPresets,
    TRoutes,
    TMetadata,
    TServerData
  >,
): DropsyncFileRouter<TPresets, TRoutes, TServerData> {
  checkOptions(options);

  const guard = options as unknown as RouteGuardOptions<TAuth>;
  const router: Record<string, AnyFileRoute> = {};
  const f = createUploadthing({ errorFormatter: formatUploadError });

  for (const name of presetNames) {
    const setting = options.presets?.[name];
    if (setting === false) continue;

    const override = typeof setting === "object" ? setting : undefined;
    const config = presetConfig(name, override);
    const limits = expandRouteConfig(config);
    checkLimits(name, limits);

    router[name] = f(config, override?.routeOptions)
      .middleware(guardMiddleware(name, limits, guard))
      .onUploadError(async ({ error, fileKey }) => {
        const report = options.onUploadError as
          ((event: UploadErrorEvent<PresetName>) => unknown) | undefined;
        await report?.({ route: name, fileKey, error });
      })
      .onUploadComplete(async ({ metadata, file }) => {
        const uploadMetadata = metadata as UploadMetadata<TMetadata>;
        const event: UploadCompleteEvent<TMetadata, PresetName> = {
          userId: uploadMetadata.userId,
          route: name,
          file,
          metadata: uploadMetadata,
        };
        const complete = options.onUploadComplete as
          | ((event: UploadCompleteEvent<TMetadata, PresetName>) => unknown)
          | undefined;
        const serverData = await complete?.(event);
        return (serverData ?? undefined) as JsonObject | undefined;
      });
  }

  for (const [name, route] of Object.entries(options.routes ?? {})) {
    const limits = expandRouteConfig(route.routerConfig);
    checkLimits(name, limits);

    router[name] = {
      ...route,
      middleware: guardMiddleware(name, limits, guard, route.middleware),
      errorFormatter: formatUploadError,
    };
  }

  checkRouteCount(Object.keys(router));
  return router as DropsyncFileRouter<TPresets, TRoutes, TServerData>;
}
