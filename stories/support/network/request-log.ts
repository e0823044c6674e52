/** A presign request as the route handler received it. */
export interface PresignRequest {
  slug: string;
  /** The `files` of the JSON body: name, size, type and lastModified. */
  files: Array<{ name: string; size: number; type: string }>;
  /** The route input the client sent, or null. */
  input: unknown;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
}

/** One PUT of a file body to the ingest server. */
export interface IngestUpload {
  name: string;
  /** 1 for the first upload of this file name, 2 for the next, and so on. */
  attempt: number;
  outcome: "complete" | "fail" | "stall" | "canceled";
}

/** Requests the emulated UploadThing network has served in this story. */
export interface UploadRequestLog {
  routeConfigRequests: number;
  presignRequests: PresignRequest[];
  ingestUploads: IngestUpload[];
}

/** Creates an empty log. */
export function createRequestLog(): UploadRequestLog {
  return { routeConfigRequests: 0, presignRequests: [], ingestUploads: [] };
}
