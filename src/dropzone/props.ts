import type { ComponentProps, ReactNode } from "react";
import type {
  ClientUploadedFileData,
  FileRouter,
  inferEndpointInput,
  inferEndpointOutput,
} from "uploadthing/types";
import type { DropzoneMessages } from "./messages";
import type {
  DropzoneEndpointMetadata,
  DropzoneFile,
  DropzoneRejection,
  DropzoneRouteConfigInput,
  DropzoneUploadError,
} from "./types";

type IsAny<T> = 0 extends 1 & T ? true : false;

/** `input` is required exactly when the route declares one with `.input()`. */
export type DropzoneInputProp<TInput> =
  IsAny<TInput> extends true
    ? { input?: unknown }
    : [TInput] extends [undefined]
      ? { input?: undefined }
      : undefined extends TInput
        ? { input?: TInput }
        : { input: TInput };

/** Headers for requests to the route handler, or a function returning them. */
export type DropzoneHeaders =
  HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Dropzone settings that do not depend on the file router. */
export interface DropzoneBaseOptions<TServerData> {
  /** URL of the UploadThing route handler. Default "/api/uploadthing". */
  url?: string;
  /** Sent with UploadThing's requests to the route handler (auth tokens). */
  headers?: DropzoneHeaders;
  /**
   * The route's config, used as-is in place of GET `url`: a config such as
   * `{ image: { maxFileSize: "4MB", maxFileCount: 4, minFileCount: 1 } }`
   * or the whole `[{ slug, config }]` list of `extractRouterConfig`.
   */
  routeConfig?: DropzoneRouteConfigInput | DropzoneEndpointMetadata;
  /** When uploads start: "auto" on drop, "manual" on the Upload button. */
  mode?: "auto" | "manual";
  /** Milliseconds without progress before an upload fails. Default 30000, and 0 turns it off. */
  stallTimeout?: number;
  /** Max uploads in flight at once. Default 3. */
  concurrency?: number;
  /** Turns off drops, clicks and pastes, and shows `disabledMessage` in the drop area. */
  disabled?: boolean;
  /** Shown in the drop area while `disabled`, for example "Sign in to upload". */
  disabledMessage?: ReactNode;
  /** Replaces any of the default English messages. */
  messages?: Partial<DropzoneMessages>;
  /** Called with the files the browser check rejected in one drop. */
  onReject?: (rejections: DropzoneRejection[]) => void;
  /** Called when one file has uploaded and the route's `onUploadComplete` has returned. */
  onFileComplete?: (
    file: DropzoneFile<TServerData>,
    result: ClientUploadedFileData<TServerData>,
  ) => void;
  /** Called when no upload is queued or in flight any more. */
  onBatchComplete?: (results: ClientUploadedFileData<TServerData>[]) => void;
  /** Called for each file whose upload failed or stalled. */
  onUploadError?: (error: DropzoneUploadError<TServerData>) => void;
  /** Completed uploads, for controlled use in forms. */
  value?: ClientUploadedFileData<TServerData>[];
  /** Called with every completed upload whenever that list changes. */
  onValueChange?: (value: ClientUploadedFileData<TServerData>[]) => void;
}

/** Options of a Dropzone for one route of a file router. */
export type DropzoneOptions<
  TRouter extends FileRouter,
  TEndpoint extends keyof TRouter,
> = DropzoneBaseOptions<inferEndpointOutput<TRouter[TEndpoint]>> & {
  /** Route name in the app's file router. */
  endpoint: TEndpoint;
} & DropzoneInputProp<inferEndpointInput<TRouter[TEndpoint]>>;

/** Props of DropzoneRoot and Dropzone: options plus the root div's props. */
export type DropzoneProps<
  TRouter extends FileRouter = FileRouter,
  TEndpoint extends keyof TRouter = keyof TRouter,
> = DropzoneOptions<TRouter, TEndpoint> &
  Omit<ComponentProps<"div">, "defaultValue" | "onChange">;
