export { Dropzone } from "./dropzone";
export { generateDropzone, generateDropzoneRoot } from "./generate";
export type { TypedDropzone } from "./generate";
export type {
  DropzoneController,
  DropzoneControllerOptions,
} from "./dropzone-controller";
export {
  useDropzoneContext,
  useDropzoneFile,
  useDropzoneFileIds,
  useDropzoneRouteConfig,
  useDropzoneSummary,
  useDropzoneTotalProgress,
} from "./hooks";
export type { DropzoneContextValue } from "./hooks";
export { formatBytes } from "./messages";
export type { DropzoneInvalidTypeDetails, DropzoneMessages } from "./messages";
export { DropzoneArea } from "./parts/area";
export {
  DropzoneActions,
  DropzoneFileItem,
  DropzoneFileList,
  DropzoneProgress,
} from "./parts/deferred-parts";
export type { DropzoneFileItemProps } from "./parts/file-item";
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
