import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";

import { IngestOptionError, invalidOption } from "./option-error";

/**
 * Creates the storage folder `dir` (an absolute path) if missing and checks
 * that it is a writable folder. Throws an `IngestOptionError` for option
 * `dir` with the `value` the caller passed.
 */
export async function prepareStorageDir(
  dir: string,
  value: string,
): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing !== null && !existing.isDirectory()) {
    throw invalidOption(
      "dir",
      value,
      `${dir} is a file, not a folder. Pass the path of a folder, which is ` +
        "created if missing.",
    );
  }
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw storageDirError(dir, value, error);
  }
}

function storageDirError(
  dir: string,
  value: string,
  error: unknown,
): IngestOptionError {
  const code = (error as NodeJS.ErrnoException).code;
  // mkdir reports a file in the middle of the path as ENOTDIR or EEXIST.
  if (code === "ENOTDIR" || code === "EEXIST") {
    return invalidOption(
      "dir",
      value,
      `a parent of ${dir} is a file, not a folder. Pass a path whose ` +
        "parents are all folders.",
    );
  }
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EROFS"
        ? "the file system is read-only"
        : error instanceof Error
          ? error.message
          : String(error);
  return new IngestOptionError(
    "dir",
    value,
    (name) =>
      `Cannot use ${name} ${JSON.stringify(value)}: creating or writing ` +
      `${dir} failed (${reason}). Pass a folder this user can write.`,
    { problem: "unavailable", cause: error },
  );
}
