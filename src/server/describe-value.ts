/** Formats a value for an error message, including `undefined`. */
export function describeValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
