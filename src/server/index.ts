export { clerkAuth } from "./clerk-auth";
export { sessionTokenFromRequest } from "./session-token";
export type {
  ClerkAuthOptions,
  ClerkSessionClaims,
  ClerkUploadAuth,
} from "./clerk-auth";
export { createFileRouter } from "./create-file-router";
export { withUploadCors } from "./cors";
export type { UploadCorsOptions } from "./cors";
export type {
  DropsyncFileRouter,
  GuardedFileRoute,
  PresetFileRoute,
} from "./create-file-router";
export { presetRouteConfigs } from "./presets";
export type { PresetName } from "./presets";
export type {
  AuthFunction,
  CreateFileRouterOptions,
  EnabledPresetName,
  JsonArray,
  JsonObject,
  JsonPrimitive,
  PresetOptions,
  PresetOverride,
  RouteNameOf,
  UploadAuth,
  UploadCompleteEvent,
  UploadErrorEvent,
  UploadMetadata,
  UploadQuota,
  UploadRequestContext,
} from "./router-options";
export type {
  FileRouteConfig,
  FileRouteOptions,
  UploadRequestFile,
} from "./types";
export { formatUploadError } from "./upload-error";
export type { UploadErrorCode, UploadErrorShape } from "./upload-error";
