import type { FileRouter } from "uploadthing/types";
import { DropzoneArea } from "./parts/area";
import { DropzoneActions, DropzoneFileList } from "./parts/deferred-parts";
import { DropzoneRoot } from "./parts/root";
import type { DropzoneProps } from "./props";

/**
 * Renders the ready-made composition: root, drop area, batch actions and file list,
 * followed by any children.
 * For a typed `endpoint` and `input`, create it with `generateDropzone`.
 */
export function Dropzone<
  TRouter extends FileRouter = FileRouter,
  TEndpoint extends keyof TRouter = keyof TRouter,
>({ children, ...props }: DropzoneProps<TRouter, TEndpoint>) {
  return (
    <DropzoneRoot<TRouter, TEndpoint>
      {...(props as DropzoneProps<TRouter, TEndpoint>)}
    >
      <DropzoneArea />
      <DropzoneActions />
      <DropzoneFileList />
      {children}
    </DropzoneRoot>
  );
}
