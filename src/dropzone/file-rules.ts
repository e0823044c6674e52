import { typeMismatch } from "../server/file-types";

/**
 * Returns whether the server rejects a file name: an empty name, or one
 * with a control character (U+0000..U+001F, U+007F) or a path separator
 * (`/` or `\`). The rule copies `checkUploadFiles` of `dropsync/server`.
 */
export function hasInvalidName(name: string): boolean {
  if (name.trim() === "") return true;
  for (const character of name) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
    if (character === "/" || character === "\\") return true;
  }
  return false;
}

/**
 * Returns whether a browser type of inline-rendered media or text
 * contradicts the file's extension, such as `cat.exe` as `image/png`. The
 * server rejects those, so the browser check uses its rule.
 */
export function contradictsExtension(
  name: string,
  browserType: string,
): boolean {
  return browserType !== "" && typeMismatch(name, browserType) !== undefined;
}
