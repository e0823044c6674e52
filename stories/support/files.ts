/** Fixed last-modified time, so the same call builds an identical file. */
const LAST_MODIFIED = Date.UTC(2026, 0, 15, 9, 30);

interface FileOptions {
  /** Size in bytes; the content is zeros. */
  size?: number;
  /** Browser MIME type; "" for files the browser cannot type. */
  type?: string;
  /** Milliseconds since the epoch. */
  lastModified?: number;
}

/** Creates a File of `size` zero bytes. */
export function createFile(
  name: string,
  { size = 2048, type = "", lastModified = LAST_MODIFIED }: FileOptions = {},
): File {
  return new File([new Uint8Array(size)], name, { type, lastModified });
}

/**
 * Draws a small gradient PNG that the browser can decode, for preview
 * thumbnails. `hue` is a CSS hue angle in degrees.
 */
export async function createImageFile(
  name: string,
  hue: number,
  { width = 96, height = 72 } = {},
): Promise<File> {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Canvas 2D context is unavailable.");

  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${hue} 80% 65%)`);
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 40%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);

  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, "image/png"),
  );
  if (!blob) throw new Error(`Canvas could not encode ${name} as PNG.`);
  return new File([blob], name, {
    type: "image/png",
    lastModified: LAST_MODIFIED,
  });
}

/** Creates `count` small text files named file-0001.txt, file-0002.txt, … */
export function createManyFiles(count: number, size = 512): File[] {
  return Array.from({ length: count }, (_, index) =>
    createFile(`file-${String(index + 1).padStart(4, "0")}.txt`, {
      size,
      type: "text/plain",
    }),
  );
}
