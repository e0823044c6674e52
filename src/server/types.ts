import type { createUploadthing } from "uploadthing/server";
import type { ExpandedRouteConfig, FileUploadData } from "uploadthing/types";

type RouteBuilder = ReturnType<typeof createUploadthing>;

/**
 * File types and limits of a route, in UploadThing's format:
 * `{ image: { maxFileSize: "4MB", maxFileCount: 1 } }` or `["image", "pdf"]`.
 */
export type FileRouteConfig = Parameters<RouteBuilder>[0];

/** UploadThing's route options, such as `awaitServerData`. */
export type FileRouteOptions = NonNullable<Parameters<RouteBuilder>[1]>;

/** A route config with every default filled in, as UploadThing uses it. */
export type ExpandedFileRouteConfig = ExpandedRouteConfig;

/** A file as the client describes it in an upload request, before upload. */
export type UploadRequestFile = FileUploadData;

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;
