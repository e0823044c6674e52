const base64Pattern =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as standard base64 with padding, without `Buffer`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index++) {
    binary += String.fromCharCode(bytes[index]!);
  }
  return btoa(binary);
}

/**
 * Decodes canonical standard base64: padded, no whitespace, no URL-safe
 * alphabet, and no stray bits in the last character. Returns `undefined`
 * for anything else.
 */
export function decodeBase64Strict(
  text: string,
): Uint8Array<ArrayBuffer> | undefined {
  if (!base64Pattern.test(text)) return undefined;

  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  // atob ignores non-zero padding bits, so "QR==" would decode like "QQ==".
  if (encodeBase64(bytes) !== text) return undefined;
  return bytes;
}
