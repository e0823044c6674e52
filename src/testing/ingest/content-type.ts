/**
 * MIME types by file extension, for files whose browser reported no type.
 * It covers the file kinds UploadThing routes name (image, video, audio,
 * pdf, text) in their common formats.
 */
const TYPES_BY_EXTENSION: Record<string, string> = {
  avif: "image/avif",
  bmp: "image/bmp",
  gif: "image/gif",
  heic: "image/heic",
  heif: "image/heif",
  ico: "image/x-icon",
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  png: "image/png",
  svg: "image/svg+xml",
  tif: "image/tiff",
  tiff: "image/tiff",
  webp: "image/webp",
  avi: "video/x-msvideo",
  m4v: "video/x-m4v",
  mkv: "video/x-matroska",
  mov: "video/quicktime",
  mp4: "video/mp4",
  mpeg: "video/mpeg",
  webm: "video/webm",
  aac: "audio/aac",
  flac: "audio/flac",
  m4a: "audio/mp4",
  mp3: "audio/mpeg",
  oga: "audio/ogg",
  ogg: "audio/ogg",
  opus: "audio/opus",
  wav: "audio/wav",
  pdf: "application/pdf",
  csv: "text/csv",
  htm: "text/html",
  html: "text/html",
  json: "application/json",
  md: "text/markdown",
  txt: "text/plain",
  zip: "application/zip",
};

/**
 * Picks the Content-Type a stored file is served with: the signed
 * `x-ut-file-type` when it is a MIME type, else the multipart part's type,
 * else a type from the file extension, else `application/octet-stream`.
 * The signed value is a route file type such as `image` or `blob` when the
 * browser reported no MIME type.
 */
export function chooseContentType(
  signedType: string,
  partType: string | null,
  fileName: string,
): string {
  if (signedType.includes("/")) return signedType;
  if (
    partType !== null &&
    partType.includes("/") &&
    partType !== "application/octet-stream"
  ) {
    return partType;
  }
  const dot = fileName.lastIndexOf(".");
  const extension = dot === -1 ? "" : fileName.slice(dot + 1).toLowerCase();
  return TYPES_BY_EXTENSION[extension] ?? "application/octet-stream";
}
