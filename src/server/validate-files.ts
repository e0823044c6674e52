import { fileGroup, typeFromExtension, typeMismatch } from "./file-types";
import { formatFileSize, parseFileSize } from "./file-size";
import type { FileTypeLimits } from "./route-config";

/** UploadThing error codes that a rejected upload request can get. */
export type FileRejectionCode = "BAD_REQUEST" | "TOO_LARGE" | "TOO_MANY_FILES";

/** One reason why an upload request was rejected. */
export interface FileRejection {
  /** The file name, or `null` when the reason concerns the whole request. */
  name: string | null;
  /** A sentence for people, such as "photo.jpg is 10 MB, but ...". */
  reason: string;
  code: FileRejectionCode;
}

/** A file as the upload request describes it. */
interface RequestedFile {
  name: string;
  size: number;
  type: string;
}

// Control characters (Unicode Cc: U+0000..U+001F, U+007F..U+009F),
// bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069) and path separators.
// NOTE: keep in step with `hasInvalidName` of the Dropzone's file rules.
const UNSAFE_NAME_CHARACTER = /[\p{Cc}\p{Bidi_Control}/\\]/u;

/**
 * Returns whether a file name contains a path separator (`/` or `\`), a
 * control character (U+0000..U+001F, U+007F..U+009F) or a bidirectional
 * control (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069).
 * Browsers report base names, so a path separator comes from a forged
 * request. Control characters are invisible, and bidirectional controls
 * make a name display in another order: `invoice\u202Efdp.exe` shows as
 * "invoiceexe.pdf".
 */
function hasUnsafeCharacter(name: string): boolean {
  return UNSAFE_NAME_CHARACTER.test(name);
}

/**
 * Quotes a file name for a rejection reason. JSON.stringify leaves U+007F,
 * C1 controls and bidirectional controls as they are, and an override such
 * as U+202E would reverse the rest of the reason on screen, so those are
 * escaped as `\uXXXX` too.
 */
function quoteName(name: string): string {
  return JSON.stringify(name).replace(
    /[\p{Cc}\p{Bidi_Control}]/gu,
    (character) =>
      `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function describeTypes(route: string, fileTypes: string[]): string {
  return `The ${route} route accepts ${fileTypes.join(", ")} files.`;
}

/**
 * Matches a MIME type to a key of the route config the way UploadThing
 * does: an exact MIME type first, then its group. MIME types are
 * case-insensitive (RFC 2045, section 5.1), so they are compared in lower case, as the
 * Dropzone does in the browser. The `blob` fallback is left to the caller,
 * so that a file's extension can match first.
 */
function matchFileType(
  mimeType: string,
  fileTypes: string[],
): string | undefined {
  const lowerType = mimeType.toLowerCase();
  const exactKey = fileTypes.find(
    (key) => key.includes("/") && key.toLowerCase() === lowerType,
  );
  if (exactKey) return exactKey;

  const group = fileGroup(mimeType);
  return fileTypes.includes(group) ? group : undefined;
}

/**
 * Returns the type to send UploadThing for a file that matched `fileType`.
 * UploadThing 7.7 matches types to keys case-sensitively after the
 * middleware, so an exact key is sent as the config spells it, and a type
 * that matched a group key is sent in lower case.
 */
function typeForUploadThing(mimeType: string, fileType: string): string {
  return fileType.includes("/") ? fileType : mimeType.toLowerCase();
}

interface FileTypeMatch {
  /** The key of the route config that the file counts against. */
  fileType: string;
  /**
   * The type that replaces the declared type: the extension's type, or the
   * declared type spelled as UploadThing matches it.
   */
  resolvedType?: string;
}

/**
 * Finds the route config key of a file: its declared type first, as
 * UploadThing does, then the type of its extension when the declared type
 * is generic or an alias (see `typeFromExtension`), then `blob`.
 */
function matchFile(
  name: string,
  declaredType: string,
  fileTypes: string[],
): FileTypeMatch | undefined {
  const declaredMatch = declaredType
    ? matchFileType(declaredType, fileTypes)
    : undefined;
  if (declaredMatch) {
    const sentType = typeForUploadThing(declaredType, declaredMatch);
    return sentType === declaredType
      ? { fileType: declaredMatch }
      : { fileType: declaredMatch, resolvedType: sentType };
  }

  const extensionType = typeFromExtension(name, declaredType);
  const extensionMatch = extensionType
    ? matchFileType(extensionType, fileTypes)
    : undefined;
  if (extensionType && extensionMatch) {
    return {
      fileType: extensionMatch,
      resolvedType: typeForUploadThing(extensionType, extensionMatch),
    };
  }

  return fileTypes.includes("blob") ? { fileType: "blob" } : undefined;
}

interface FileCheck {
  rejection?: FileRejection;
  fileType?: string;
  resolvedType?: string;
}

function checkFile(
  file: RequestedFile,
  route: string,
  limits: Record<string, FileTypeLimits>,
): FileCheck {
  const fileTypes = Object.keys(limits);
  const name = file.name;

  if (typeof name !== "string" || name.trim() === "") {
    return {
      rejection: {
        name: null,
        code: "BAD_REQUEST",
        reason: "A file in the upload request has no name.",
      },
    };
  }
  if (hasUnsafeCharacter(name)) {
    return {
      rejection: {
        name,
        code: "BAD_REQUEST",
        reason: `The file name ${quoteName(name)} contains a path separator or a control character.`,
      },
    };
  }
  if (!Number.isSafeInteger(file.size) || file.size < 0) {
    return {
      rejection: {
        name,
        code: "BAD_REQUEST",
        reason: `${name} has an invalid size (${String(file.size)}). A size must be a whole number of bytes.`,
      },
    };
  }

  const declaredType = typeof file.type === "string" ? file.type : "";
  const mismatch = declaredType ? typeMismatch(name, declaredType) : undefined;
  if (mismatch) {
    return {
      rejection: {
        name,
        code: "BAD_REQUEST",
        reason: `${name} is declared as ${declaredType}, but its extension belongs to ${mismatch.join(" or ")} files.`,
      },
    };
  }

  const match = matchFile(name, declaredType, fileTypes);
  if (!match) {
    const shownType = declaredType || typeFromExtension(name, declaredType);
    const kind = shownType
      ? `has the type ${shownType}`
      : "has no known file type";
    return {
      rejection: {
        name,
        code: "BAD_REQUEST",
        reason: `${name} ${kind}. ${describeTypes(route, fileTypes)}`,
      },
    };
  }

  const { fileType, resolvedType } = match;
  const maxFileSize = limits[fileType]?.maxFileSize ?? "4MB";
  const maxBytes = parseFileSize(maxFileSize);
  if (file.size > maxBytes) {
    let size = formatFileSize(file.size);
    let limit = formatFileSize(maxBytes);
    // Rounded sizes just over the limit read "4 MB, but the limit is 4 MB".
    if (size === limit) {
      size = `${file.size} bytes`;
      limit = `${maxBytes} bytes`;
    }
    return {
      fileType,
      rejection: {
        name,
        code: "TOO_LARGE",
        reason: `${name} is ${size}, but the limit for ${fileType} files is ${limit}.`,
      },
    };
  }

  return { fileType, resolvedType };
}

function checkCounts(
  counts: Map<string, number>,
  route: string,
  limits: Record<string, FileTypeLimits>,
): FileRejection[] {
  const rejections: FileRejection[] = [];

  for (const [fileType, count] of counts) {
    const { maxFileCount, minFileCount } = limits[fileType] ?? {
      maxFileCount: 1,
      minFileCount: 1,
    };
    if (count > maxFileCount) {
      rejections.push({
        name: null,
        code: "TOO_MANY_FILES",
        reason: `The ${route} route takes at most ${maxFileCount} ${fileType} ${maxFileCount === 1 ? "file" : "files"} per upload, but the request has ${count}.`,
      });
    } else if (count < minFileCount) {
      rejections.push({
        name: null,
        code: "BAD_REQUEST",
        reason: `The ${route} route needs at least ${minFileCount} ${fileType} files per upload, but the request has ${count}.`,
      });
    }
  }

  return rejections;
}

/** The result of checking the files of an upload request. */
export interface UploadFilesCheck {
  /** Every reason to reject the request. Empty when it may get URLs. */
  rejections: FileRejection[];
  /**
   * The MIME type of each file, by index, whose declared type is replaced.
   * A generic or alias type is replaced by its extension's type, such as
   * `text/csv` for a .csv file declared as `application/vnd.ms-excel`. A
   * type that matched in another case is replaced by the route key's
   * spelling, such as `image/png` for `IMAGE/PNG`.
   */
  resolvedTypes: Map<number, string>;
}

/**
 * Checks the files of an upload request against a route's types, sizes and
 * counts, whatever the client claims. Returns every reason to reject it and
 * the types that replace generic declared types.
 */
export function checkUploadFiles(
  files: readonly RequestedFile[],
  route: string,
  limits: Record<string, FileTypeLimits>,
): UploadFilesCheck {
  const resolvedTypes = new Map<number, string>();
  if (!Array.isArray(files) || files.length === 0) {
    const rejection: FileRejection = {
      name: null,
      code: "BAD_REQUEST",
      reason: `The upload request for the ${route} route contains no files.`,
    };
    return { rejections: [rejection], resolvedTypes };
  }

  const rejections: FileRejection[] = [];
  const counts = new Map<string, number>();
  files.forEach((file, index) => {
    const { rejection, fileType, resolvedType } = checkFile(
      file,
      route,
      limits,
    );
    if (rejection) rejections.push(rejection);
    if (fileType) counts.set(fileType, (counts.get(fileType) ?? 0) + 1);
    if (resolvedType) resolvedTypes.set(index, resolvedType);
  });

  return {
    rejections: [...rejections, ...checkCounts(counts, route, limits)],
    resolvedTypes,
  };
}

/**
 * Checks the files of an upload request against a route's types, sizes and
 * counts, whatever the client claims, and returns every reason to reject it.
 * An empty list means the request may get upload URLs.
 */
export function findFileRejections(
  files: readonly RequestedFile[],
  route: string,
  limits: Record<string, FileTypeLimits>,
): FileRejection[] {
  return checkUploadFiles(files, route, limits).rejections;
}
