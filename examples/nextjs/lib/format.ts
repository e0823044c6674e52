const units = ["B", "KB", "MB", "GB"];

/** Formats a byte count with binary multiples, such as "1.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * Formats epoch milliseconds as an ISO-8601 UTC time to the second. Returns
 * "invalid" for anything else (text, a fraction, a time outside the Date
 * range), so one bad stored value cannot fail a whole page.
 */
export function formatTime(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isSafeInteger(ms)) return "invalid";
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return "invalid";
  // Replacing the milliseconds, rather than cutting at a fixed length, keeps
  // the seconds of an expanded year such as "+010000".
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, " UTC");
}
