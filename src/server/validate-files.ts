import { fileGroup, mimeTypeFromName, typeMismatch } from "./file-types";
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

// Control characters and path separators never occur in names that
// browsers report, so a name with them comes from a forged request.
function hasUnsafeCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
    if (character === "/" || character === "\\") return true;
  }
  return false;
}

function describeTypes(route: string, fileTypes: string[]): string {
  return `The ${route} route accepts ${fileTypes.join(", ")} files.`;
}

/**
 * Matches a file to a key of the route config the way UploadThing does:
 * an exact MIME type first, then its group, then `blob` for anything.
 */
function matchFileType(
  mimeType: string,
  fileTypes: string[],
): string | undefined {
  if (fileTypes.includes(mimeType)) return mimeType;

  const group = fileGroup(mimeType);
  if (fileTypes.includes(group)) return group;

  return fileTypes.includes("blob") ? "blob" : undefined;
}

function checkFile(
  file: RequestedFile,
  route: string,
  limits: Record<string, FileTypeLimits>,
): { rejection?: FileRejection; fileType?: string } {
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
        reason: `The file name ${JSON.stringify(name)} contains a path separator or a control character.`,
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

  const mimeType = declaredType || mimeTypeFromName(name);
  const fileType = mimeType
    ? matchFileType(mimeType, fileTypes)
    : fileTypes.includes("blob")
      ? "blob"
      : undefined;
  if (!fileType) {
    const kind = mimeType
      ? `has the type ${mimeType}`
      : "has no known file type";
    return {
      rejection: {
        name,
        code: "BAD_REQUEST",
        reason: `${name} ${kind}. ${describeTypes(route, fileTypes)}`,
      },
    };
  }

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

  return { fileType };
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
  if (!Array.isArray(files) || files.length === 0) {
    return [
      {
        name: null,
        code: "BAD_REQUEST",
        reason: `The upload request for the ${route} route contains no files.`,
      },
    ];
  }

  const rejections: FileRejection[] = [];
  const counts = new Map<string, number>();
  for (const file of files) {
    const { rejection, fileType } = checkFile(file, route, limits);
    if (rejection) rejections.push(rejection);
    if (fileType) counts.set(fileType, (counts.get(fileType) ?? 0) + 1);
  }

  return [...rejections, ...checkCounts(counts, route, limits)];
}
