// The deferred chunk: the upload code and the parts that show rows. A
// Dropzone renders its drop area without them and loads this module when it
// mounts, so the first render needs only the small initial chunk.
export { UploadController } from "./controller";
export { DropzoneActions } from "./parts/actions";
export { DropzoneFileItem } from "./parts/file-item";
export { DropzoneFileList } from "./parts/file-list";
export { DropzoneProgress } from "./parts/progress";
export { rowMessages } from "./row-messages";
