/*
 * Presigned URLs point at this page's own origin, so a request that the
 * worker does not handle reaches the local static server and gets a 404,
 * never UploadThing's real ingest servers.
 */
const INGEST_PATH = "/__uploadthing-ingest/";

/** Creates the presigned URL of file `key`; the name rides in the query. */
export function createIngestUrl(key: string, fileName: string): string {
  const url = new URL(INGEST_PATH + key, window.location.origin);
  url.searchParams.set("x-ut-file-name", fileName);
  return url.href;
}

/** Checks whether `url` is a presigned URL of the emulated ingest server. */
export function isIngestUrl(url: string): boolean {
  return new URL(url).pathname.startsWith(INGEST_PATH);
}

/** MSW path pattern that matches every presigned URL. */
export const INGEST_URL_PATTERN = `${INGEST_PATH}:key`;
