import { IngestError } from "./errors";

/** Field name the UploadThing clients put the file under. */
const FILE_FIELD = "file";

/** Cap on one part's header block, in bytes. */
const MAX_HEADER_BYTES = 16 * 1024;

type ParserState =
  | "preamble"
  | "afterDelimiter"
  | "headers"
  | "fileData"
  | "skippedData"
  | "epilogue";

/** Header values of the file part. */
export interface MultipartFileInfo {
  filename: string | null;
  contentType: string | null;
}

/**
 * Reads the boundary from a `multipart/form-data` Content-Type header.
 * Returns null for other content types.
 */
export function parseMultipartBoundary(contentType: string): string | null {
  const [mediaType, ...parameters] = contentType.split(";");
  if (mediaType?.trim().toLowerCase() !== "multipart/form-data") return null;
  for (const parameter of parameters) {
    const separator = parameter.indexOf("=");
    if (separator === -1) continue;
    const name = parameter.slice(0, separator).trim().toLowerCase();
    if (name !== "boundary") continue;
    const value = parameter
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (value.length > 0 && value.length <= 70) return value;
  }
  throw new IngestError(
    "BAD_REQUEST",
    `Malformed multipart body: the Content-Type "${contentType}" has no valid ` +
      "boundary parameter (1 to 70 characters). Send the body as FormData.",
  );
}

/**
 * Streaming reader for a `multipart/form-data` body that extracts the bytes
 * of the `file` field and skips other fields.
 *
 * `push` returns the file bytes that are certain to precede the closing
 * delimiter. It holds back up to one delimiter length of bytes until more
 * data arrives, so an interrupted body never yields delimiter bytes as file
 * content.
 */
export class MultipartFileReader {
  private readonly delimiter: Buffer;
  private buffer: Buffer;
  private state: ParserState = "preamble";
  private fileInfoValue: MultipartFileInfo | null = null;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
    // A CRLF in front lets the first delimiter match the same pattern as
    // the later ones, which RFC 2046 precedes with CRLF.
    this.buffer = Buffer.from("\r\n", "latin1");
  }

  /** Headers of the file part once they have been read. */
  get fileInfo(): MultipartFileInfo | null {
    return this.fileInfoValue;
  }

  /** Consumes a chunk and returns the file bytes it completes. */
  push(chunk: Buffer): Buffer[] {
    this.buffer =
      this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const output: Buffer[] = [];
    let progressed = true;
    while (progressed) {
      progressed = this.step(output);
    }
    return output;
  }

  /** Checks that the body ended after the closing delimiter. */
  end(): void {
    if (this.state !== "epilogue") {
      throw new IngestError(
        "BAD_REQUEST",
        "Malformed multipart body: it ended before the closing boundary. " +
          "Send the complete FormData body.",
      );
    }
    if (this.fileInfoValue === null) {
      throw new IngestError(
        "BAD_REQUEST",
        `Malformed multipart body: it has no "${FILE_FIELD}" field. Append the ` +
          `file to the FormData as "${FILE_FIELD}".`,
      );
    }
  }

  private step(output: Buffer[]): boolean {
    switch (this.state) {
      case "preamble":
        return this.skipToDelimiter();
      case "afterDelimiter":
        return this.readDelimiterSuffix();
      case "headers":
        return this.readHeaders();
      case "fileData":
        return this.readData(output);
      case "skippedData":
        return this.readData(null);
      case "epilogue":
        this.buffer = Buffer.alloc(0);
        return false;
    }
  }

  private skipToDelimiter(): boolean {
    const index = this.buffer.indexOf(this.delimiter);
    if (index === -1) {
      if (this.buffer.length > MAX_HEADER_BYTES) {
        throw new IngestError(
          "BAD_REQUEST",
          "Malformed multipart body: no boundary delimiter in the first " +
            `${MAX_HEADER_BYTES} bytes. Check the boundary in the Content-Type header.`,
        );
      }
      return false;
    }
    this.buffer = this.buffer.subarray(index + this.delimiter.length);
    this.state = "afterDelimiter";
    return true;
  }

  private readDelimiterSuffix(): boolean {
    // RFC 2046 allows spaces and tabs between a delimiter and its CRLF.
    let start = 0;
    while (this.buffer[start] === 0x20 || this.buffer[start] === 0x09) {
      start += 1;
    }
    if (this.buffer.length < start + 2) return false;
    const suffix = this.buffer.toString("latin1", start, start + 2);
    if (suffix === "--") {
      this.state = "epilogue";
      return true;
    }
    if (suffix !== "\r\n") {
      throw new IngestError(
        "BAD_REQUEST",
        "Malformed multipart body: a boundary delimiter is followed by " +
          `${JSON.stringify(suffix)} instead of CRLF or "--".`,
      );
    }
    this.buffer = this.buffer.subarray(start + 2);
    this.state = "headers";
    return true;
  }

  private readHeaders(): boolean {
    const end = this.buffer.indexOf("\r\n\r\n", 0, "latin1");
    if (end === -1) {
      if (this.buffer.length > MAX_HEADER_BYTES) {
        throw new IngestError(
          "BAD_REQUEST",
          `Malformed multipart body: a part's headers exceed ${MAX_HEADER_BYTES} bytes.`,
        );
      }
      return false;
    }
    const headers = parsePartHeaders(this.buffer.toString("utf8", 0, end));
    this.buffer = this.buffer.subarray(end + 4);
    const disposition = headers.get("content-disposition") ?? "";
    const fieldName = readDispositionParameter(disposition, "name");
    if (fieldName !== FILE_FIELD) {
      this.state = "skippedData";
      return true;
    }
    if (this.fileInfoValue !== null) {
      throw new IngestError(
        "BAD_REQUEST",
        `Malformed multipart body: it has more than one "${FILE_FIELD}" field. ` +
          "Upload one file per presigned URL.",
      );
    }
    this.fileInfoValue = {
      filename: readDispositionParameter(disposition, "filename"),
      contentType: headers.get("content-type") ?? null,
    };
    this.state = "fileData";
    return true;
  }

  private readData(output: Buffer[] | null): boolean {
    const index = this.buffer.indexOf(this.delimiter);
    if (index === -1) {
      const safeLength = this.buffer.length - (this.delimiter.length - 1);
      if (safeLength > 0) {
        output?.push(this.buffer.subarray(0, safeLength));
        this.buffer = this.buffer.subarray(safeLength);
      }
      return false;
    }
    if (index > 0) output?.push(this.buffer.subarray(0, index));
    this.buffer = this.buffer.subarray(index + this.delimiter.length);
    this.state = "afterDelimiter";
    return true;
  }
}

function parsePartHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const separator = line.indexOf(":");
    if (separator === -1) {
      throw new IngestError(
        "BAD_REQUEST",
        `Malformed multipart body: invalid part header line ${JSON.stringify(line.slice(0, 80))}.`,
      );
    }
    headers.set(
      line.slice(0, separator).trim().toLowerCase(),
      line.slice(separator + 1).trim(),
    );
  }
  return headers;
}

function readDispositionParameter(
  disposition: string,
  name: string,
): string | null {
  const pattern = new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, "i");
  const quoted = pattern.exec(disposition);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, "$1");
  const bare = new RegExp(`(?:^|;)\\s*${name}=([^;\\s]+)`, "i").exec(
    disposition,
  );
  return bare?.[1] ?? null;
}
