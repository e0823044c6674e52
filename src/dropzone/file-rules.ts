import { typeFromExtension, typeMismatch } from "../server/file-types";

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

// Extensions for which the file router accepts alias types, such as
// application/vnd.ms-excel for .csv.
// NOTE: keep in step with the alias table of `dropsync/server`'s file types.
const ALIASED_EXTENSIONS = ["csv", "md", "markdown"];

/**
 * Returns whether the file's extension, not this browser type, may decide
 * its route type key: the type is empty, generic or an alias the router
 * replaces by the extension's type. Drags hide file names, so such a type
 * cannot show whether the file is allowed.
 */
export function isExtensionDecided(browserType: string): boolean {
  if (browserType === "") return true;
  return ALIASED_EXTENSIONS.some(
    (extension) =>
      typeFromExtension(`file.${extension}`, browserType) !== undefined,
  );
}
