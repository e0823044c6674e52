import type { EndpointMetadata } from "uploadthing/types";

/*
 * Router configs as UploadThing's route handler sends them on GET: every
 * file type entry filled in with maxFileSize, maxFileCount, minFileCount and
 * contentDisposition, the way `extractRouterConfig` expands a file router.
 */

/** Images up to 4 MB, at most 10 per upload. */
export const imageRoute = {
  image: {
    maxFileSize: "4MB",
    maxFileCount: 10,
    minFileCount: 1,
    contentDisposition: "inline",
  },
} as const;

/** Images, PDFs and plain text or Markdown, for mixed drops. */
export const mixedRoute = {
  image: {
    maxFileSize: "4MB",
    maxFileCount: 10,
    minFileCount: 1,
    contentDisposition: "inline",
  },
  pdf: {
    maxFileSize: "8MB",
    maxFileCount: 10,
    minFileCount: 1,
    contentDisposition: "inline",
  },
  text: {
    maxFileSize: "1MB",
    maxFileCount: 10,
    minFileCount: 1,
    contentDisposition: "inline",
  },
} as const;

/** Any file up to 64 KB, at most 2,000 per upload: the scale story. */
export const bulkRoute = {
  blob: {
    maxFileSize: "64KB",
    maxFileCount: 2000,
    minFileCount: 1,
    contentDisposition: "inline",
  },
} as const;

/** Images, at most 3 per upload: the count-limit story. */
export const threeImagesRoute = {
  image: { ...imageRoute.image, maxFileCount: 3 },
} as const;

/** The routes every story's route handler serves. */
export const defaultRouterConfig: EndpointMetadata = [
  { slug: "imageUploader", config: imageRoute },
  { slug: "mixedUploader", config: mixedRoute },
  { slug: "bulkUploader", config: bulkRoute },
  { slug: "threeImages", config: threeImagesRoute },
];
