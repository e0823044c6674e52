import { useDropzone } from "@uploadthing/react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type HTMLProps,
  type ReactNode,
} from "react";
import type { FileRouter } from "uploadthing/types";
import { cn } from "../../lib/cn";
import { DropzoneController } from "../dropzone-controller";
import { DropzoneContext, useControllerSummary } from "../hooks";
import { mergeMessages } from "../messages";
import type { DropzoneProps } from "../props";
import type { DropzoneState } from "../types";
import { useDeferredModule } from "./deferred-parts";
import { LiveRegion } from "./live-region";

/** Drop-area wiring that DropzoneRoot provides to DropzoneArea. */
export interface DropzoneAreaContextValue {
  state: DropzoneState;
  rootProps: HTMLProps<HTMLDivElement>;
  inputProps: HTMLProps<HTMLInputElement>;
  restrictionsId: string;
  disabledMessage: ReactNode;
}

/** Context of the drop-area wiring, null outside a DropzoneRoot. */
export const DropzoneAreaContext =
  createContext<DropzoneAreaContextValue | null>(null);

/** Returns the drop-area wiring of the enclosing DropzoneRoot. */
export function useDropzoneArea(): DropzoneAreaContextValue {
  const context = useContext(DropzoneAreaContext);
  if (!context) {
    throw new Error("<DropzoneArea> must be rendered inside <DropzoneRoot>.");
  }
  return context;
}

/**
 * Owns the uploads of one Dropzone and provides them to its parts. Renders
 * `<div data-slot="dropzone" data-state>`. Files pasted while focus is inside
 * it, or dropped anywhere on it, are added.
 */
export function DropzoneRoot<
  TRouter extends FileRouter = FileRouter,
  TEndpoint extends keyof TRouter = keyof TRouter,
>(props: DropzoneProps<TRouter, TEndpoint>) {
  const {
    endpoint,
    input,
    url = "/api/uploadthing",
    headers,
    routeConfig,
    mode = "auto",
    stallTimeout = 30_000,
    concurrency = 3,
    disabled = false,
    disabledMessage,
    messages,
    onReject,
    onFileComplete,
    onBatchComplete,
    onUploadError,
    value,
    onValueChange,
    className,
    children,
    onPaste,
    onDragOver,
    onDrop: onDivDrop,
    ...divProps
  } = props;

  const rowDefaults = useDeferredModule()?.rowMessages;
  const mergedMessages = useMemo(
    () => mergeMessages(rowDefaults, messages),
    [rowDefaults, messages],
  );

  const options = {
    endpoint: String(endpoint),
    input,
    url,
    headers,
    routeConfig,
    mode,
    stallTimeout: checkSetting(
      "stallTimeout",
      stallTimeout,
      Number.isFinite(stallTimeout) && stallTimeout >= 0,
      "milliseconds as a finite number, or 0 to turn it off",
    ),
    concurrency: checkSetting(
      "concurrency",
      concurrency,
      Number.isInteger(concurrency) && concurrency >= 1,
      "a whole number of 1 or more",
    ),
    messages: mergedMessages,
    onReject,
    onFileComplete,
    onBatchComplete,
    onUploadError,
    onValueChange,
    controlled: value !== undefined,
  } as DropzoneController["options"];
  const [controller] = useState(() => new DropzoneController(options));
  useEffect(() => {
    controller.setOptions(options);
  });

  // An inline routeConfig object is a new object on every render, so the
  // effect keys on its JSON instead.
  const routeConfigKey = routeConfig ? JSON.stringify(routeConfig) : "";
  useEffect(() => {
    controller.loadRouteConfig();
  }, [controller, endpoint, url, routeConfigKey]);

  useEffect(() => {
    if (value) controller.syncValue(value);
  }, [controller, value]);

  useEffect(() => () => controller.dispose(), [controller]);

  const onDrop = useCallback(
    (files: File[]) => controller.addFiles(files),
    [controller],
  );
  // No accept, size or count limits go to useDropzone: it would drop the
  // files that break them silently, and the controller rejects them with
  // a reason instead.
  const dropzone = useDropzone({ disabled, onDrop });
  const [dragRejected, setDragRejected] = useState(false);
  const summary = useControllerSummary(controller);

  const state: DropzoneState = disabled
    ? "disabled"
    : dropzone.isDragActive
      ? dragRejected
        ? "drag-reject"
        : "drag-accept"
      : summary.uploading > 0
        ? "uploading"
        : "idle";

  const baseRootProps = dropzone.getRootProps();
  const rootProps: HTMLProps<HTMLDivElement> = {
    ...baseRootProps,
    onDragEnter: disabled
      ? undefined
      : (event: DragEvent<HTMLDivElement>) => {
          setDragRejected(controller.isDragRejected(draggedTypes(event)));
          baseRootProps.onDragEnter?.(event);
        },
    // A held Enter repeats keydown; only the first press opens the picker,
    // also when focus arrived from a button that went away on that press.
    onKeyDown: disabled
      ? undefined
      : (event: KeyboardEvent<HTMLDivElement>) => {
          if (!event.repeat) baseRootProps.onKeyDown?.(event);
        },
  };

  const handlePaste = (event: ClipboardEvent<HTMLDivElement>) => {
    onPaste?.(event);
    if (disabled || event.defaultPrevented) return;
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    controller.addFiles(files);
  };

  // Files dropped on the list or the buttons, outside the drop area, are
  // added too, so no drop inside the Dropzone is lost.
  const isOutsideArea = (target: EventTarget) =>
    !dropzone.rootRef.current?.contains(target as Node);
  const handleDragOver = (event: DragEvent<HTMLDivElement>) => {
    onDragOver?.(event);
    const types = Array.from(event.dataTransfer?.types ?? []);
    if (disabled || !types.includes("Files")) return;
    if (isOutsideArea(event.target)) event.preventDefault();
  };
  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    onDivDrop?.(event);
    if (disabled || event.defaultPrevented || !isOutsideArea(event.target)) {
      return;
    }
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    controller.addFiles(files);
  };

  const restrictionsId = useId();
  const context = useMemo(
    () => ({ controller, messages: mergedMessages, mode, disabled }),
    [controller, mergedMessages, mode, disabled],
  );
  const areaContext: DropzoneAreaContextValue = {
    state,
    rootProps,
    inputProps: dropzone.getInputProps(),
    restrictionsId,
    disabledMessage,
  };

  return (
    <DropzoneContext.Provider value={context}>
      <DropzoneAreaContext.Provider value={areaContext}>
        <div
          data-slot="dropzone"
          data-state={state}
          className={cn("flex w-full flex-col gap-3", className)}
          {...divProps}
          onPaste={handlePaste}
          onDragOver={handleDragOver}
          onDrop={handleDrop}
        >
          {children}
          <LiveRegion />
        </div>
      </DropzoneAreaContext.Provider>
    </DropzoneContext.Provider>
  );
}

/** MIME types of the dragged files; browsers hide their names until the drop. */
function draggedTypes(event: DragEvent<HTMLDivElement>): string[] {
  return Array.from(event.dataTransfer?.items ?? [])
    .filter((item) => item.kind === "file")
    .map((item) => item.type);
}

/** Returns `value` when `valid`, and throws an error that names it otherwise. */
function checkSetting(
  name: string,
  value: number,
  valid: boolean,
  expected: string,
): number {
  if (!valid) {
    throw new TypeError(
      `Invalid Dropzone ${name}: ${String(value)}. Use ${expected}.`,
    );
  }
  return value;
}
