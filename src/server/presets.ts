import type { FileRouteConfig } from "./types";

/** Names of the routes that dropsync builds for every router. */
export type PresetName = "avatar" | "gallery" | "documents" | "attachment";

/**
 * Default file types and limits of each preset route, in UploadThing's route
 * config format. Pass one to `f(...)` to build a custom route with the same
 * limits, or override them through `createFileRouter({ presets })`.
 */
export const presetRouteConfigs = {
  /** One profile picture. */
  avatar: { image: { maxFileSize: "4MB", maxFileCount: 1 } },
  /** Up to 20 photos at once. */
  gallery: { image: { maxFileSize: "16MB", maxFileCount: 20 } },
  /** PDF, plain text, Markdown and CSV files, up to 10 of each kind. */
  documents: {
    pdf: { maxFileSize: "16MB", maxFileCount: 10 },
    "text/plain": { maxFileSize: "1MB", maxFileCount: 10 },
    "text/markdown": { maxFileSize: "1MB", maxFileCount: 10 },
    "text/csv": { maxFileSize: "16MB", maxFileCount: 10 },
  },
  /** Any kind of file, up to 10 at once. */
  attachment: { blob: { maxFileSize: "32MB", maxFileCount: 10 } },
} as const satisfies Record<PresetName, FileRouteConfig>;

/** The preset names in the order they appear in a router. */
export const presetNames = Object.keys(presetRouteConfigs) as PresetName[];
