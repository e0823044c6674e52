const sizeUnits = ["B", "KB", "MB", "GB", "TB"] as const;

/**
 * Converts an UploadThing size string such as `"4MB"` to bytes. Units are
 * powers of 1024. Like `fileSizeToBytes` of @uploadthing/shared 7.1, which
 * UploadThing's route handler checks with, it accepts a fraction but drops
 * it: `"1.5MB"` is 1 MiB, so both checks agree.
 */
export function parseFileSize(size: string): number {
  const match = /^(\d+)(?:\.\d+)?\s*(B|KB|MB|GB|TB)$/i.exec(size);
  if (!match?.[1] || !match[2]) {
    throw new TypeError(
      `Invalid file size "${size}": use a number and a unit, such as "4MB".`,
    );
  }

  const unit = match[2].toUpperCase() as (typeof sizeUnits)[number];
  const exponent = sizeUnits.indexOf(unit);

  return Math.floor(Number(match[1]) * 1024 ** exponent);
}

/** Formats a byte count for people, such as `"10 MB"` or `"1.5 KB"`. */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unitIndex = 0;
  while (value >= 1024 && unitIndex < sizeUnits.length - 1) {
    value /= 1024;
    unitIndex += 1;
  }

  const rounded = Math.round(value * 10) / 10;

  return `${rounded} ${sizeUnits[unitIndex]}`;
}
