export { startIngestEmulator, type IngestEmulator } from "./emulator";
export type { IngestErrorBody, IngestErrorCode } from "./errors";
export { IngestOptionError, type IngestOptionProblem } from "./option-error";
export type { IngestEmulatorOptions } from "./options";
export { UPLOADS_LISTING_PATH } from "./router";
export {
  createIngestToken,
  DEFAULT_INGEST_API_KEY,
  DEFAULT_INGEST_APP_ID,
  DEFAULT_INGEST_REGION,
  DEFAULT_INGEST_TOKEN,
  type IngestTokenOptions,
} from "./token";
export type {
  ArmedFault,
  IngestEvent,
  IngestFault,
  IngestPartialUpload,
  IngestUpload,
} from "./types";
