/** Maps a file name to its MIME type by extension, or false when unknown. */
export type MimeLookup = (name: string) => string | false;

let loaded: MimeLookup | undefined;
let loading: Promise<MimeLookup> | undefined;

/** Returns the extension table once `loadMimeLookup` has finished. */
export function getMimeLookup(): MimeLookup | undefined {
  return loaded;
}

/**
 * Loads UploadThing's extension table (about 60 KB minified) on first use.
 * Only files whose browser type is empty need it, so it stays out of the
 * initial bundle.
 */
export function loadMimeLookup(): Promise<MimeLookup> {
  loading ??= import("@uploadthing/mime-types").then(
    (module) => {
      loaded = module.lookup;
      return module.lookup;
    },
    (error: unknown) => {
      // A failed chunk load can succeed on retry, so it is not cached.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
