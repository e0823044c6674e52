/**
 * Error codes of UploadThing's `UploadThingError` (`@uploadthing/shared` 7.1)
 * that the emulator sends, with the HTTP status UploadThing maps each one to.
 */
export const ingestErrorStatus = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RANGE_NOT_SATISFIABLE: 416,
  TOO_LARGE: 413,
  INTERNAL_SERVER_ERROR: 500,
  UPLOAD_FAILED: 500,
} as const;

/** Error code in an ingest error response body. */
export type IngestErrorCode = keyof typeof ingestErrorStatus;

/**
 * JSON body of an ingest error response. It has the shape of
 * `UploadThingError.toObject()`, which the UploadThing client stores as
 * `error.data` when a `PUT` fails.
 */
export interface IngestErrorBody {
  code: IngestErrorCode;
  message: string;
}

/** A rejected ingest request: the HTTP status, error code and message. */
export class IngestError extends Error {
  override readonly name = "IngestError";
  readonly code: IngestErrorCode;
  readonly status: number;

  constructor(code: IngestErrorCode, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status ?? ingestErrorStatus[code];
  }

  /** Builds the JSON response body. */
  toBody(): IngestErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Maps an HTTP status to the error code UploadThing uses for it. */
export function errorCodeForStatus(status: number): IngestErrorCode {
  for (const [code, codeStatus] of Object.entries(ingestErrorStatus)) {
    if (codeStatus === status) return code as IngestErrorCode;
  }
  return "INTERNAL_SERVER_ERROR";
}
