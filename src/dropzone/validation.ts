import type { DropzoneMessages } from "./messages";
import { describeType } from "./messages";
import { typeFromExtension, typeMismatch } from "../server/file-types";
import { hasInvalidName } from "./file-rules";
import type {
  DropzoneFile,
  DropzoneRejectionCode,
  DropzoneRouteConfig,
} from "./types";

/**
 * Returns the route type key a file counts under, or undefined when the route
 * does not allow it. Mirrors the file router of `dropsync/server` and compares
 * MIME types case-insensitively. The browser type's exact key or group comes
 * first, as UploadThing matches. Next comes the type of the file's extension
 * when the browser type is empty, generic (`application/octet-stream`) or an
 * alias (`application/vnd.ms-excel` for .csv, `text/x-markdown` for .md).
 * `blob` comes last.
 */
export function matchTypeKey(
  name: string,
  browserType: string,
  allowedKeys: readonly string[],
): string | undefined {
  const declaredKey = browserType
    ? matchMimeType(browserType, allowedKeys)
    : undefined;
  if (declaredKey) return declaredKey;

  const extensionType = typeFromExtension(name, browserType);
  const extensionKey = extensionType
    ? matchMimeType(extensionType, allowedKeys)
    : undefined;
  if (extensionKey) return extensionKey;
  return allowedKeys.includes("blob") ? "blob" : undefined;
}

/** Returns the key that is the MIME type itself or its group, if allowed. */
function matchMimeType(
  mimeType: string,
  allowedKeys: readonly string[],
): string | undefined {
  const mime = mimeType.toLowerCase();
  const exact = allowedKeys.find(
    (key) => key.includes("/") && key.toLowerCase() === mime,
  );
  if (exact) return exact;

  const group = mime === "application/pdf" ? "pdf" : mime.split("/")[0];
  return group && allowedKeys.includes(group) ? group : undefined;
}

const SIZE_PATTERN = /^(\d+)(\.\d+)?\s*(B|KB|MB|GB|TB)$/i;
const SIZE_UNITS = ["B", "KB", "MB", "GB", "TB"];

/**
 * Converts an UploadThing size string to bytes the way its server does, in
 * 1024 steps. NOTE: UploadThing 7.7 ignores the fraction ("1.5MB" is
 * 1 MiB), and this copies that so both sides give the same verdict.
 */
export function parseFileSize(size: string): number {
  const match = SIZE_PATTERN.exec(size.trim());
  if (!match?.[1] || !match[3]) {
    throw new Error(
      `Invalid maxFileSize "${size}" in the route config: use a size such as "4MB".`,
    );
  }
  const unit = SIZE_UNITS.indexOf(match[3].toUpperCase());
  return Math.floor(Number.parseInt(match[1], 10) * 1024 ** unit);
}

/** Outcome of the browser check for one file. */
export type Verdict =
  | { accepted: true; typeKey: string }
  | { accepted: false; code: DropzoneRejectionCode; message: string };

/** Identity used for duplicate checks: same name, size and modified time. */
export function fileIdentity(file: {
  name: string;
  size: number;
  lastModified: number;
}): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

/**
 * Checks new files, one at a time, against the route config and the rows
 * already listed. It keeps the slots and identities it has handed out, so a
 * long list checked in several slices gets the verdicts of one pass.
 * Count rule: rows in any state except `rejected` take a slot of their type.
 * Files are admitted in the order checked until `maxFileCount` of their type
 * is reached, and the rest get `too-many-files`. Duplicate and count checks
 * are Map lookups, so checking n files costs O(n).
 */
export class FileAdmission {
  private readonly allowedKeys: string[];
  private readonly counts = new Map<string, number>();
  /** Rows per type that wait to start, which a new upload request can join. */
  private readonly queued = new Map<string, number>();
  /** Identities of rows that take a slot, with how many rows share each. */
  private readonly identities = new Map<string, number>();
  private readonly maxBytes = new Map<string, number>();

  constructor(
    existing: Iterable<DropzoneFile>,
    readonly config: DropzoneRouteConfig,
    private readonly messages: DropzoneMessages,
  ) {
    this.allowedKeys = Object.keys(config);
    for (const row of existing) {
      if (row.status !== "rejected") this.include(row);
    }
  }

  /**
   * Counts a listed row, which takes a slot of its type and its identity.
   * A row without `status` is a file just admitted, so it is queued.
   */
  include(row: {
    name: string;
    size: number;
    lastModified: number;
    type: string;
    status?: DropzoneFile["status"];
  }): void {
    const identity = fileIdentity(row);
    this.identities.set(identity, (this.identities.get(identity) ?? 0) + 1);
    const key = matchTypeKey(row.name, row.type, this.allowedKeys);
    if (!key) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if ((row.status ?? "queued") === "queued") {
      this.queued.set(key, (this.queued.get(key) ?? 0) + 1);
    }
  }

  /** Frees the slot and identity of a row that left the list. */
  exclude(row: {
    name: string;
    size: number;
    lastModified: number;
    type: string;
    status: DropzoneFile["status"];
  }): void {
    const identity = fileIdentity(row);
    const shared = this.identities.get(identity) ?? 0;
    if (shared <= 1) this.identities.delete(identity);
    else this.identities.set(identity, shared - 1);
    const key = matchTypeKey(row.name, row.type, this.allowedKeys);
    if (!key) return;
    decrement(this.counts, key);
    if (row.status === "queued") decrement(this.queued, key);
  }

  /** Returns the verdict for one file and, when accepted, counts it. */
  check(file: File): Verdict {
    const { messages, allowedKeys } = this;
    if (hasInvalidName(file.name)) {
      return reject("file-invalid-name", messages.invalidName(file.name));
    }

    if (this.identities.has(fileIdentity(file))) {
      return reject("duplicate-file", messages.duplicateFile(file.name));
    }

    // The router rejects a declared type of inline-rendered media or text
    // that contradicts the extension, such as cat.exe as image/png.
    const impliedTypes =
      (file.type && typeMismatch(file.name, file.type)) || [];
    const typeKey =
      impliedTypes.length > 0
        ? undefined
        : matchTypeKey(file.name, file.type, allowedKeys);
    const limits = typeKey ? this.config[typeKey] : undefined;
    if (!typeKey || !limits) {
      return reject(
        "file-invalid-type",
        messages.invalidType(file.name, {
          type: file.type,
          extension: readExtension(file.name),
          allowedTypes: allowedKeys,
          allowedDescription: allowedKeys.map(describeType).join(", "),
          impliedTypes,
        }),
      );
    }

    const maxBytes = this.readMaxBytes(typeKey, limits.maxFileSize);
    if (file.size > maxBytes) {
      let size = messages.formatBytes(file.size);
      let limit = messages.formatBytes(maxBytes);
      // Rounded, a file just over the limit would read "4 MB; the limit is
      // 4 MB", so both sizes are shown in bytes then.
      if (size === limit) {
        size = `${file.size} B`;
        limit = `${maxBytes} B`;
      }
      return reject(
        "file-too-large",
        messages.fileTooLarge(file.name, size, limit),
      );
    }

    const count = this.counts.get(typeKey) ?? 0;
    if (count >= limits.maxFileCount) {
      return reject(
        "too-many-files",
        messages.tooManyFiles(file.name, limits.maxFileCount),
      );
    }

    // Rows that started or finished cannot join a new request, so the
    // waiting rows and the free slots must reach the route's minimum.
    const remaining = limits.maxFileCount - count;
    const waiting = this.queued.get(typeKey) ?? 0;
    if (waiting + remaining < limits.minFileCount) {
      return reject(
        "too-many-files",
        messages.minimumUnreachable(file.name, limits.minFileCount, remaining),
      );
    }

    this.include(file);
    return { accepted: true, typeKey };
  }

  private readMaxBytes(typeKey: string, maxFileSize: string): number {
    let bytes = this.maxBytes.get(typeKey);
    if (bytes === undefined) {
      bytes = parseFileSize(maxFileSize);
      this.maxBytes.set(typeKey, bytes);
    }
    return bytes;
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const count = counts.get(key) ?? 0;
  if (count > 0) counts.set(key, count - 1);
}

/** Returns the lower-case extension of a file name without the dot. */
function readExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

function reject(code: DropzoneRejectionCode, message: string): Verdict {
  return { accepted: false, code, message };
}

/**
 * Returns the first type whose queued and finished rows are fewer than its
 * `minFileCount`, with that minimum, or undefined when every type has enough.
 * UploadThing's server counts files per request, so uploads wait until then.
 */
export function findShortfall(
  rows: readonly DropzoneFile[],
  config: DropzoneRouteConfig,
): { type: string; min: number } | undefined {
  const allowedKeys = Object.keys(config);
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.status !== "queued") continue;
    const key = matchTypeKey(row.name, row.type, allowedKeys);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [type, count] of counts) {
    const min = config[type]?.minFileCount ?? 1;
    if (count < min) return { type, min };
  }
  return undefined;
}
