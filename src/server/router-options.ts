import type { UploadThingError } from "uploadthing/server";
import type { FileRouter, UploadedFileData } from "uploadthing/types";
import type { PresetName } from "./presets";
import type {
  FileRouteConfig,
  FileRouteOptions,
  MaybePromise,
  UploadRequestFile,
} from "./types";

// The same JSON types as @uploadthing/shared, so values pass its checks.
/** A JSON primitive. */
export type JsonPrimitive = string | number | boolean | null | undefined;

/** A JSON array, as UploadThing accepts it. */
export type JsonArray = (JsonPrimitive | JsonObject)[];

/** A JSON object, as UploadThing stores metadata and sends server data. */
export type JsonObject = {
  [key: string]: JsonPrimitive | JsonObject | JsonArray;
};

/** The signed-in user of an upload request. */
export interface UploadAuth {
  /** The user's id, such as Clerk's `user_...`. */
  userId: string;
}

/**
 * Authenticates an upload request. Returns the user, or `null` for an
 * anonymous request, which gets 403 FORBIDDEN. It may throw an
 * `UploadThingError` to reject the request with its own code and message.
 */
export type AuthFunction<TAuth extends UploadAuth> = (
  request: Request,
) => MaybePromise<TAuth | null | undefined>;

/** Information about an authenticated upload request, passed to hooks. */
export interface UploadRequestContext<
  TAuth extends UploadAuth,
  TRoute extends string = string,
> {
  /** The value that `auth` returned. */
  auth: TAuth;
  userId: string;
  /** The route (endpoint) name, such as `"avatar"`. */
  route: TRoute;
  /** The files as the client describes them, checked against the route. */
  files: readonly UploadRequestFile[];
  /** The route's parsed input, `undefined` for presets. */
  input: unknown;
  request: Request;
}

/** Storage left for a user. A missing field has no limit. */
export interface UploadQuota {
  /** Bytes the user may still upload. */
  remainingBytes?: number;
  /** Files the user may still upload. */
  remainingFiles?: number;
}

/** Changes to a preset route. */
export interface PresetOverride {
  /**
   * File types and limits. An object is merged into the preset's config per
   * file type, so it can change limits and add types. A function receives
   * the preset's config and returns the config to use.
   */
  config?: FileRouteConfig | ((preset: FileRouteConfig) => FileRouteConfig);
  /**
   * UploadThing route options, such as `{ awaitServerData: false }`.
   * NOTE: with `awaitServerData: false` the client receives `serverData:
   * null`, but the router type still shows `onUploadComplete`'s return type.
   */
  routeOptions?: FileRouteOptions;
}

/**
 * Preset settings by route name: `false` leaves a preset out, `true` or an
 * omitted key keeps its defaults, and an object overrides them.
 */
export type PresetOptions = { [K in PresetName]?: boolean | PresetOverride };

/** The metadata that a dropsync route stores with each uploaded file. */
export type UploadMetadata<TMetadata extends JsonObject = JsonObject> =
  TMetadata & { userId: string };

/** An uploaded file of a preset route, with the user who uploaded it. */
export interface UploadCompleteEvent<
  TMetadata extends JsonObject,
  TRoute extends string = PresetName,
> {
  userId: string;
  route: TRoute;
  file: UploadedFileData;
  metadata: UploadMetadata<TMetadata>;
}

/** A failed upload of a preset route, as UploadThing reports it. */
export interface UploadErrorEvent<TRoute extends string = PresetName> {
  route: TRoute;
  /** UploadThing's key of the file that failed. */
  fileKey: string;
  error: UploadThingError;
}

/** Options of `createFileRouter`. */
export interface CreateFileRouterOptions<
  TAuth extends UploadAuth,
  TPresets extends PresetOptions,
  TRoutes extends FileRouter,
  TMetadata extends JsonObject,
  TServerData extends JsonObject | void,
> {
  /** Authenticates every upload request, such as `clerkAuth()`. Required. */
  auth: AuthFunction<TAuth>;
  /** Changes to the preset routes, or `false` to leave one out. */
  presets?: TPresets & PresetOptions;
  /**
   * More routes, built with UploadThing's `createUploadthing()` builder. The
   * router authenticates and validates them like the presets before their
   * own middleware runs.
   */
  routes?: TRoutes;
  /**
   * Decides whether an authenticated user may upload these files to this
   * route. Return `true` to allow, `false` to reject with a generic message,
   * or a string to reject with that message. Both get 403 FORBIDDEN.
   */
  authorize?: (
    context: UploadRequestContext<TAuth, RouteNameOf<TPresets, TRoutes>>,
  ) => MaybePromise<boolean | string>;
  /**
   * Returns the storage left for the user, checked before any upload URL is
   * signed. Return `null` for no limit.
   */
  quota?: (
    context: UploadRequestContext<TAuth, RouteNameOf<TPresets, TRoutes>>,
  ) => MaybePromise<UploadQuota | null | undefined>;
  /** Extra metadata to store with each file, next to `userId`. */
  metadata?: (
    context: UploadRequestContext<TAuth, RouteNameOf<TPresets, TRoutes>>,
  ) => MaybePromise<TMetadata>;
  /**
   * Runs on the server after each file of a preset route is uploaded. What it
   * returns reaches the client as `serverData`. Custom routes use their own
   * `onUploadComplete`.
   */
  onUploadComplete?: (
    event: UploadCompleteEvent<TMetadata, EnabledPresetName<TPresets>>,
  ) => MaybePromise<TServerData>;
  /**
   * Runs on the server when UploadThing reports that the upload of a file of
   * a preset route failed. Custom routes use their own `onUploadError`.
   */
  onUploadError?: (
    event: UploadErrorEvent<EnabledPresetName<TPresets>>,
  ) => MaybePromise<void>;
}

/** The names of the presets that `TPresets` keeps. */
export type EnabledPresetName<TPresets extends PresetOptions> = {
  [K in PresetName]: TPresets extends Record<K, false> ? never : K;
}[PresetName];

/** Every route name of a router built from these options. */
export type RouteNameOf<
  TPresets extends PresetOptions,
  TRoutes extends FileRouter,
> = EnabledPresetName<TPresets> | Extract<keyof TRoutes, string>;
