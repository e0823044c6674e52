import { describe, expect, it } from "vitest";

import {
  MultipartFileReader,
  parseMultipartBoundary,
} from "../../src/testing/ingest/multipart";

/** Feeds `body` to a reader in chunks of `chunkSize` bytes. */
function readFile(body: Buffer, boundary: string, chunkSize: number) {
  const reader = new MultipartFileReader(boundary);
  const output: Buffer[] = [];
  for (let start = 0; start < body.length; start += chunkSize) {
    output.push(...reader.push(body.subarray(start, start + chunkSize)));
  }
  reader.end();
  return { bytes: Buffer.concat(output), info: reader.fileInfo };
}

const boundary = "----formdata-undici-0123456789";
// File content that starts like a delimiter but is not one.
const tricky = Buffer.from(`\r\n--${boundary.slice(0, -1)}X\r\n--\r\n`);
const body = Buffer.concat([
  Buffer.from(
    `preamble text\r\n--${boundary}\r\n` +
      'Content-Disposition: form-data; name="note"\r\n\r\nhello\r\n' +
      `--${boundary}\r\n` +
      'Content-Disposition: form-data; name="file"; filename="a \\"b\\".bin"\r\n' +
      "Content-Type: image/png\r\n\r\n",
  ),
  tricky,
  Buffer.from(`\r\n--${boundary}  \r\n`),
  Buffer.from('Content-Disposition: form-data; name="after"\r\n\r\nx\r\n'),
  Buffer.from(`--${boundary}--\r\nepilogue`),
]);

describe("MultipartFileReader", () => {
  for (const chunkSize of [1, 2, 7, 64, body.length]) {
    it(`extracts file in ${chunkSize}-byte chunks`, () => {
      const { bytes, info } = readFile(body, boundary, chunkSize);

      expect(bytes.toString("latin1")).toBe(tricky.toString("latin1"));
      expect(info).toEqual({ filename: 'a "b".bin', contentType: "image/png" });
    });
  }

  it("holds back one delimiter of an unfinished body", () => {
    const reader = new MultipartFileReader(boundary);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n`,
    );
    const content = Buffer.alloc(100, "a");

    const output = Buffer.concat(reader.push(Buffer.concat([head, content])));

    // The delimiter is CRLF, "--" and the boundary: 34 bytes. Up to 33 bytes
    // could start it, so they wait for more data.
    expect(output.length).toBe(100 - 33);
    expect(() => reader.end()).toThrow(
      "Malformed multipart body: it ended before the closing boundary.",
    );
  });
});

describe("parseMultipartBoundary", () => {
  it("reads quoted boundary", () => {
    expect(
      parseMultipartBoundary('multipart/form-data; boundary="a b"; x=1'),
    ).toBe("a b");
  });

  it("returns null for other types", () => {
    expect(parseMultipartBoundary("application/octet-stream")).toBeNull();
  });

  it("rejects boundary over 70 characters", () => {
    expect(() =>
      parseMultipartBoundary(`multipart/form-data; boundary=${"b".repeat(71)}`),
    ).toThrow(/has no valid boundary parameter/);
  });
});
