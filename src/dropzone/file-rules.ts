import { typeFromExtension } from "../server/file-types";

// Control characters (Unicode Cc: U+0000..U+001F, U+007F..U+009F),
// bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069) and path separators.
const UNSAFE_NAME_CHARACTER = /[\p{Cc}\p{Bidi_Control}/\\]/u;

/**
 * Returns whether the server rejects a file name: an empty name, or one
 * with a path separator (`/` or `\`), a control character (U+0000..U+001F,
 * U+007F..U+009F) or a bidirectional control (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069). Bidirectional controls make a name
 * display in another order, so `invoice\u202Efdp.exe` shows as
 * "invoiceexe.pdf". The rule copies `checkUploadFiles` of `dropsync/server`.
 */
export function hasInvalidName(name: string): boolean {
  return name.trim() === "" || UNSAFE_NAME_CHARACTER.test(name);
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

/**
 * Returns `name` with its control and bidirectional characters written as
 * `\uXXXX`, so a row shows `invoice\u202efdp.exe` and not "invoiceexe.pdf".
 */
export function showName(name: string): string {
  return name.replace(
    /[\p{Cc}\p{Bidi_Control}]/gu,
    (character) =>
      `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Returns `name` in double quotes, escaped as JSON and with its control and
 * bidirectional characters written as `\uXXXX`, for reasons that quote it.
 */
export function quoteName(name: string): string {
  return showName(JSON.stringify(name));
}
