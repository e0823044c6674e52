/** A presigned upload the route handler returned. */
export interface Presigned {
  url: string;
  key: string;
  name: string;
}

/**
 * Asks the route handler for presigned URLs the way UploadThing's client
 * does, for tests that send hand-made `PUT` requests.
 */
export async function requestPresignedUrls(
  routeUrl: string,
  slug: string,
  files: Array<{ name: string; size: number; type: string }>,
): Promise<Presigned[]> {
  const url = new URL(routeUrl);
  url.searchParams.set("actionType", "upload");
  url.searchParams.set("slug", slug);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-uploadthing-package": "dropsync-tests",
    },
    body: JSON.stringify({ files, input: null }),
  });
  if (!response.ok) {
    throw new Error(
      `Route handler returned ${response.status}: ${await response.text()}`,
    );
  }
  return (await response.json()) as Presigned[];
}

/** Builds a multipart body with one `file` field, as FormData would. */
export function multipartBody(
  content: Uint8Array,
  boundary: string,
  fileName = "file.bin",
): Uint8Array<ArrayBuffer> {
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
        `filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Uint8Array(body);
}
