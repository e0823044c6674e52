import { IngestError } from "./errors";
import { verifyPayloadSignature } from "./signature";

/** Upload parameters a presigned ingest URL carries and signs. */
export interface PresignedUpload {
  key: string;
  /** Expiry time in ms since the epoch (`expires`). */
  expiresAt: number;
  appId: string;
  name: string;
  /** Announced size in bytes (`x-ut-file-size`). */
  size: number;
  /** MIME type, or the route's file type when the browser gave none. */
  type: string;
  /** File route slug; absent for server-side uploads (`UTApi.uploadFiles`). */
  slug: string | null;
  customId: string | null;
  contentDisposition: "inline" | "attachment";
  acl: string | null;
}

/** Request data needed to check a presigned URL. */
export interface PresignedRequest {
  /** Path and query as received (`IncomingMessage.url`). */
  rawUrl: string;
  /** Origins the URL may have been signed with, such as `http://host:port`. */
  origins: string[];
  apiKey: string;
  appId: string;
  /** Current time in ms since the epoch. */
  now: number;
}

/** File keys UploadThing generates (Sqids) and URL-safe base64 seeds. */
const FILE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,256}={0,2}$/;

/**
 * Parses and verifies a presigned ingest URL.
 *
 * `uploadthing` signs `${ingestUrl}/${key}?expires=…&x-ut-…` and appends
 * `&signature=hmac-sha256=<hex>`, so the signed text is the received URL with
 * that last parameter removed. Throws an `IngestError` naming the bad value.
 */
export function verifyPresignedUrl(request: PresignedRequest): PresignedUpload {
  const { path, query } = splitRawUrl(request.rawUrl);
  const key = decodeKey(path.slice(path.lastIndexOf("/") + 1));
  const params = new URLSearchParams(query);

  const signature = params.get("signature");
  if (signature === null || signature === "") {
    throw new IngestError(
      "BAD_REQUEST",
      `Missing "signature" query parameter in the upload URL for key ${key}. ` +
        "Upload to the presigned URL the route handler returned, unchanged.",
    );
  }
  const expiresText = requireParam(params, "expires", key);
  const identifier = requireParam(params, "x-ut-identifier", key);
  const name = requireParam(params, "x-ut-file-name", key);
  const sizeText = requireParam(params, "x-ut-file-size", key);

  const signedQuery = query
    .split("&")
    .filter((part) => !part.startsWith("signature="))
    .join("&");
  const signedPath = signedQuery === "" ? path : `${path}?${signedQuery}`;
  const isSigned = request.origins.some((origin) =>
    verifyPayloadSignature(`${origin}${signedPath}`, signature, request.apiKey),
  );
  if (!isSigned) {
    throw new IngestError(
      "FORBIDDEN",
      `Invalid signature for the upload URL of key ${key}: the URL was changed ` +
        "after signing, or signed with another API key. Give the route handler " +
        "the same UPLOADTHING_TOKEN as the ingest emulator.",
    );
  }

  const expiresAt = Number(expiresText);
  if (!Number.isSafeInteger(expiresAt)) {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid "expires" value "${expiresText}" for key ${key}: expected a time in ms since the epoch.`,
    );
  }
  if (request.now > expiresAt) {
    const secondsAgo = Math.round((request.now - expiresAt) / 1000);
    throw new IngestError(
      "FORBIDDEN",
      `Presigned URL for key ${key} expired at ${new Date(expiresAt).toISOString()} ` +
        `(${secondsAgo} s ago). Start the upload again to get a new URL, or raise ` +
        "the route's presignedURLTTL.",
    );
  }
  if (identifier !== request.appId) {
    throw new IngestError(
      "FORBIDDEN",
      `Upload URL for key ${key} names app "${identifier}", but this ingest emulator ` +
        `serves app "${request.appId}". Use the emulator's UPLOADTHING_TOKEN in the route handler.`,
    );
  }
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid "x-ut-file-size" value "${sizeText}" for key ${key}: expected a byte count.`,
    );
  }

  const disposition = optionalParam(params, "x-ut-content-disposition");
  return {
    key,
    expiresAt,
    appId: identifier,
    name,
    size,
    type: optionalParam(params, "x-ut-file-type") ?? "",
    slug: optionalParam(params, "x-ut-slug"),
    customId: optionalParam(params, "x-ut-custom-id"),
    contentDisposition: disposition === "attachment" ? "attachment" : "inline",
    acl: optionalParam(params, "x-ut-acl"),
  };
}

/** Splits `IncomingMessage.url` into its path and query. */
export function splitRawUrl(rawUrl: string): { path: string; query: string } {
  const queryStart = rawUrl.indexOf("?");
  if (queryStart === -1) return { path: rawUrl, query: "" };
  return {
    path: rawUrl.slice(0, queryStart),
    query: rawUrl.slice(queryStart + 1),
  };
}

/** Validates a file key from a URL path segment. */
export function decodeKey(segment: string): string {
  let key: string;
  try {
    key = decodeURIComponent(segment);
  } catch {
    key = segment;
  }
  if (!FILE_KEY_PATTERN.test(key)) {
    throw new IngestError(
      "BAD_REQUEST",
      `Invalid file key "${key.slice(0, 80)}": keys contain only letters, digits, ` +
        '"-" and "_" (1 to 256 characters). Use the key from a presigned URL.',
    );
  }
  return key;
}

function requireParam(
  params: URLSearchParams,
  name: string,
  key: string,
): string {
  const value = optionalParam(params, name);
  if (value === null) {
    throw new IngestError(
      "BAD_REQUEST",
      `Missing "${name}" query parameter in the upload URL for key ${key}. ` +
        "Upload to the presigned URL the route handler returned, unchanged.",
    );
  }
  return value;
}

/**
 * Reads a query parameter. `uploadthing` encodes each value with
 * `encodeURIComponent` before `URLSearchParams` encodes it again, so values
 * are decoded a second time. A value that is not valid percent-encoding
 * (from an SDK that encodes once) is returned as it is.
 */
function optionalParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  if (value === null || value === "") return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
