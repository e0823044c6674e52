export { Dropzone } from "./dropzone";
export { generateDropzone, generateDropzoneRoot } from "./generate";
export type { TypedDropzone } from "./generate";
export { UploadController } from "./controller";
export type { UploadControllerOptions } from "./controller";
export {
  useDropzoneContext,
  useDropzoneFile,
  useDropzoneFileIds,
  useDropzoneRouteConfig,
  useDropzoneSummary,
  useDropzoneTotalProgress,
} from "./hooks";
export type { DropzoneContextValue } from "./hooks";
export { defaultMessages, formatBytes } from "./messages";
export type { DropzoneInvalidTypeDetails, DropzoneMessages } from "./messages";
export { DropzoneActions } from "./parts/actions";
export { DropzoneArea } from "./parts/area";
export { DropzoneFileItem } from "./parts/file-item";
export type { DropzoneFileItemProps } from "./parts/file-item";
export { DropzoneFileList } from "./parts/file-list";
export { DropzoneProgress } from "./parts/progress";
export type { DropzoneProgressProps } from "./parts/progress";
export { DropzoneRoot } from "./parts/root";
export type {
  DropzoneBaseOptions,
  DropzoneHeaders,
  DropzoneInputProp,
  DropzoneOptions,
  DropzoneProps,
} from "./props";
export type { RouteConfigState } from "./route-config";
export type { DropzoneSummary } from "./store";
export type * from "./types";
