import type { ComponentProps } from "react";
import { cn } from "../../lib/cn";
import { mergeRefs } from "../../lib/merge-refs";
import { useDropzoneContext, useDropzoneRouteConfig } from "../hooks";
import { UploadIcon } from "./icons";
import { useDropzoneArea } from "./root";

/**
 * Renders the drop target, `<div data-slot="dropzone-area" role="button">`, which
 * takes drops and clicks, opens the file picker on Enter or Space, contains the
 * hidden file input, and shows the route's restrictions, which it
 * references with `aria-describedby`.
 */
export function DropzoneArea({
  className,
  children,
  ref,
  ...props
}: ComponentProps<"div">) {
  const { messages, disabled } = useDropzoneContext();
  const area = useDropzoneArea();
  const routeConfig = useDropzoneRouteConfig();

  let hint = messages.dropHint;
  if (disabled) hint = area.disabledMessage ?? hint;
  else if (area.state === "drag-accept") hint = messages.dragAccept;
  else if (area.state === "drag-reject") hint = messages.dragReject;

  let restrictions = messages.loadingConfig;
  if (routeConfig.status === "ready") {
    restrictions = messages.restrictions(routeConfig.config);
  } else if (routeConfig.status === "error") {
    restrictions = routeConfig.message;
  }

  // A route of single files gets a single-file picker. Drops of several
  // files still arrive and the extra ones are rejected with a reason.
  const allowsMultiple =
    routeConfig.status !== "ready" ||
    Object.values(routeConfig.config).some((limits) => limits.maxFileCount > 1);
  const accept =
    routeConfig.status === "ready"
      ? pickerAccept(Object.keys(routeConfig.config))
      : undefined;

  return (
    <div
      {...area.rootProps}
      ref={mergeRefs(area.rootProps.ref, ref)}
      role="button"
      aria-disabled={disabled || undefined}
      // The name comes from all the visible text, restrictions included:
      // WCAG 2.5.3 (axe's label-content-name-mismatch) wants the visible
      // text in the name, so screen readers may read the restrictions twice.
      aria-describedby={area.restrictionsId}
      data-slot="dropzone-area"
      data-state={area.state}
      className={cn(
        "border-input bg-background text-foreground flex min-h-40 cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-6 text-center text-sm transition-colors outline-none",
        "hover:bg-accent/50 focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]",
        "data-[state=drag-accept]:border-primary data-[state=drag-accept]:bg-accent",
        "data-[state=drag-reject]:border-destructive data-[state=drag-reject]:bg-destructive/10",
        "data-[state=disabled]:bg-muted data-[state=disabled]:cursor-not-allowed data-[state=disabled]:opacity-70",
        className,
      )}
      {...props}
      {...composeHandlers(area.rootProps, props)}
    >
      <input
        {...area.inputProps}
        multiple={allowsMultiple}
        accept={accept}
        data-slot="dropzone-input"
      />
      <UploadIcon className="text-muted-foreground size-8" />
      <p data-slot="dropzone-hint" className="font-medium">
        {hint}
      </p>
      <p
        id={area.restrictionsId}
        data-slot="dropzone-restrictions"
        className={cn(
          "text-muted-foreground text-xs",
          // Muted text on the drag backgrounds falls below 4.5:1 contrast.
          (area.state === "drag-accept" || area.state === "drag-reject") &&
            "text-foreground",
          routeConfig.status === "error" && "text-destructive",
        )}
      >
        {restrictions}
      </p>
      {children}
    </div>
  );
}

/**
 * Returns the drop area's event handlers that the caller also passed, each
 * running the caller's first and the area's unless it called
 * `preventDefault()`, so an `onClick` or `onDrop` prop adds to the area's.
 */
function composeHandlers(
  areaProps: object,
  callerProps: object,
): Record<string, (event: { defaultPrevented: boolean }) => void> {
  const composed: Record<
    string,
    (event: { defaultPrevented: boolean }) => void
  > = {};
  for (const [key, inner] of Object.entries(areaProps)) {
    const outer: unknown = (callerProps as Record<string, unknown>)[key];
    if (typeof inner !== "function" || typeof outer !== "function") continue;
    composed[key] = (event) => {
      outer(event);
      if (!event.defaultPrevented) inner(event);
    };
  }
  return composed;
}

const PICKER_ACCEPT: Record<string, string> = {
  // Browsers often report HEIC, HEIF and AVIF files with an empty type,
  // and a bare image/* would hide them in the picker.
  image: "image/*,.heic,.heif,.avif",
  video: "video/*",
  audio: "audio/*",
  pdf: "application/pdf,.pdf",
};

/**
 * Returns the picker's `accept` filter, or undefined (every file shown) when
 * a route type cannot be filtered without hiding allowed files: text files
 * such as .md and .csv often have no type, and blob allows anything.
 */
function pickerAccept(types: string[]): string | undefined {
  const filters = types.map((type) => PICKER_ACCEPT[type]);
  if (filters.some((filter) => filter === undefined)) return undefined;
  return filters.join(",");
}
