// MIME types by lower-case file extension, from the IANA media type registry
// as browsers report them. Extensions used by more than one kind of media
// (an .mp4 file may be audio or video) list every type.
const typesByExtension: Record<string, readonly string[]> = {
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
  gif: ["image/gif"],
  webp: ["image/webp"],
  avif: ["image/avif"],
  heic: ["image/heic"],
  heif: ["image/heif"],
  svg: ["image/svg+xml"],
  bmp: ["image/bmp"],
  ico: ["image/vnd.microsoft.icon", "image/x-icon"],
  tif: ["image/tiff"],
  tiff: ["image/tiff"],
  mp4: ["video/mp4", "audio/mp4"],
  m4v: ["video/x-m4v", "video/mp4"],
  webm: ["video/webm", "audio/webm"],
  mov: ["video/quicktime"],
  mkv: ["video/x-matroska"],
  avi: ["video/x-msvideo"],
  mp3: ["audio/mpeg"],
  m4a: ["audio/mp4", "audio/x-m4a"],
  aac: ["audio/aac"],
  wav: ["audio/wav", "audio/x-wav"],
  ogg: ["audio/ogg", "video/ogg"],
  flac: ["audio/flac"],
  pdf: ["application/pdf"],
  txt: ["text/plain"],
  md: ["text/markdown", "text/x-markdown"],
  markdown: ["text/markdown", "text/x-markdown"],
  csv: ["text/csv", "application/vnd.ms-excel"],
  html: ["text/html"],
  htm: ["text/html"],
  json: ["application/json"],
  xml: ["application/xml", "text/xml"],
  zip: ["application/zip"],
  gz: ["application/gzip"],
  doc: ["application/msword"],
  docx: [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ],
  xls: ["application/vnd.ms-excel"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  exe: [
    "application/x-msdownload",
    "application/vnd.microsoft.portable-executable",
  ],
  msi: ["application/x-msi"],
  dmg: ["application/x-apple-diskimage"],
  apk: ["application/vnd.android.package-archive"],
  js: ["text/javascript", "application/javascript"],
  sh: ["application/x-sh"],
  bat: ["application/x-msdos-program"],
};

// Declared types that do not describe the content. Browsers send an empty
// type, and some clients and operating systems application/octet-stream,
// for extensions they have no type for.
const genericTypes = new Set(["", "application/octet-stream"]);

// Other types reported for these extensions. Windows reports .csv files as
// application/vnd.ms-excel when Excel is installed, and older tools report
// Markdown as text/x-markdown.
const aliasTypesByExtension: Record<string, readonly string[]> = {
  csv: [
    "application/vnd.ms-excel",
    "application/csv",
    "text/x-csv",
    "text/comma-separated-values",
  ],
  md: ["text/x-markdown"],
  markdown: ["text/x-markdown"],
};

// Declared types in these groups are served inline by browsers, so a
// declared type from one of them must agree with the file's extension.
const checkedGroups = new Set(["image", "video", "audio", "text", "pdf"]);

/** Returns the lower-case extension of a file name, without the dot. */
export function fileExtension(name: string): string | undefined {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return undefined;

  return name.slice(dot + 1).toLowerCase();
}

/**
 * Returns UploadThing's file group of a MIME type: `"pdf"` for PDF files,
 * otherwise the part before the slash (`"image"`, `"text"`, ...).
 */
export function fileGroup(mimeType: string): string {
  const lower = mimeType.toLowerCase();
  if (lower === "application/pdf") return "pdf";

  return lower.split("/")[0] ?? lower;
}

/**
 * Returns the MIME types that the file's extension implies when its declared
 * type is inline-rendered media or text from another group, and `undefined`
 * when the declared type and the name agree or cannot be compared.
 */
export function typeMismatch(
  name: string,
  declaredType: string,
): readonly string[] | undefined {
  const group = fileGroup(declaredType);
  if (!checkedGroups.has(group)) return undefined;

  const extension = fileExtension(name);
  const impliedTypes = extension ? typesByExtension[extension] : undefined;
  if (!impliedTypes) return undefined;

  const agrees = impliedTypes.some((type) => fileGroup(type) === group);

  return agrees ? undefined : impliedTypes;
}

/**
 * Returns the MIME type of the file's extension when the declared type is
 * generic (empty or `application/octet-stream`) or a known alias of that
 * extension (`application/vnd.ms-excel` for .csv, `text/x-markdown` for .md),
 * and `undefined` otherwise. A route accepts such a file when it accepts the
 * returned type.
 */
export function typeFromExtension(
  name: string,
  declaredType: string,
): string | undefined {
  const extension = fileExtension(name);
  if (!extension) return undefined;

  const extensionType = typesByExtension[extension]?.[0];
  if (!extensionType) return undefined;

  const declared = declaredType.trim().toLowerCase();
  const replaceable =
    genericTypes.has(declared) ||
    (aliasTypesByExtension[extension]?.includes(declared) ?? false);

  return replaceable ? extensionType : undefined;
}
