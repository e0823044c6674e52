import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { PageFile } from "./browser";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes a valid RGB PNG of `width` x `height` with a colour gradient, so
 * the browser can decode and show it. `seed` varies the colours.
 */
export function makePng(width: number, height: number, seed = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then pixels
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = (x * 255) / width + seed;
      row[2 + x * 3] = (y * 255) / height;
      row[3 + x * 3] = 128 + seed * 7;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A file for the page, with the SHA-256 of its bytes. */
export interface TestFile extends PageFile {
  sha256: string;
}

/** Wraps bytes as a {@link TestFile}. */
export function testFile(name: string, type: string, bytes: Buffer): TestFile {
  return {
    name,
    type,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Random bytes, so no two runs or files share content. */
export function randomFile(name: string, type: string, size: number): TestFile {
  return testFile(name, type, randomBytes(size));
}
