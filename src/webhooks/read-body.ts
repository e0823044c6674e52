import {
  WebhookBodyConsumedError,
  WebhookBodyReadError,
  WebhookBodyTooLargeError,
} from "./errors";

/**
 * Reads the request body as bytes, at most `maxBodyBytes` of them. A larger
 * `content-length` is rejected before reading, and a stream that grows past
 * the limit is cancelled at once, so the rest is never buffered.
 */
export async function readBodyBytes(
  request: Request,
  maxBodyBytes: number,
): Promise<Uint8Array> {
  if (request.bodyUsed) {
    throw new WebhookBodyConsumedError(
      "The request body was already read before the webhook handler ran, so its signature cannot be checked: do not call request.json() or request.text() before passing the request to the handler.",
    );
  }

  const contentLength = Number(request.headers.get("content-length") ?? NaN);
  if (contentLength > maxBodyBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw new WebhookBodyTooLargeError(maxBodyBytes, "content-length");
  }

  const body = request.body;
  if (body === null) return new Uint8Array(0);

  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (cause) {
      throw new WebhookBodyReadError({ cause });
    }
    if (result.done) break;

    length += result.value.byteLength;
    if (length > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      throw new WebhookBodyTooLargeError(maxBodyBytes, "stream");
    }
    chunks.push(result.value);
  }

  return concatChunks(chunks, length);
}

function concatChunks(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;

  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
