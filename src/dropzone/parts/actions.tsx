import { useLayoutEffect, useRef, type ComponentProps } from "react";
import { cn } from "../../lib/cn";
import {
  useDropzoneContext,
  useDropzoneRouteConfig,
  useDropzoneSummary,
} from "../hooks";
import { findShortfall } from "../validation";
import { usePressAction } from "./press-action";

const buttonClass =
  "focus-visible:ring-ring/50 inline-flex h-9 items-center justify-center rounded-md px-4 text-sm font-medium outline-none focus-visible:ring-[3px] disabled:pointer-events-none disabled:opacity-50";

/**
 * Batch controls, `<div data-slot="dropzone-actions">`: the Upload button in
 * manual mode, Cancel all while files wait or upload, and a note while a
 * route's `minFileCount` is not met.
 */
export function DropzoneActions({
  className,
  ...props
}: ComponentProps<"div">) {
  const { controller, messages, mode, disabled } = useDropzoneContext();
  const summary = useDropzoneSummary();
  const routeConfig = useDropzoneRouteConfig();

  const shortfall =
    routeConfig.status === "ready" && summary.queued > 0
      ? findShortfall(controller.store.list(), routeConfig.config)
      : undefined;
  const showUpload = mode === "manual" && summary.queued > 0;
  const showCancel = summary.queued + summary.uploading > 0;
  if (!showUpload && !showCancel && !shortfall) return null;

  return (
    <div
      data-slot="dropzone-actions"
      className={cn("flex flex-wrap items-center justify-end gap-2", className)}
      {...props}
    >
      {shortfall && (
        <p
          data-slot="dropzone-minimum"
          className="text-muted-foreground mr-auto text-xs"
        >
          {messages.belowMinimum(shortfall.min, shortfall.type)}
        </p>
      )}
      {showCancel && (
        <BatchButton
          slot="dropzone-cancel-all"
          className={cn(buttonClass, "hover:bg-accent border")}
          action={() => controller.cancelAll()}
        >
          {messages.cancelAll}
        </BatchButton>
      )}
      {showUpload && (
        <BatchButton
          slot="dropzone-upload"
          className={cn(
            buttonClass,
            "bg-primary text-primary-foreground hover:bg-primary/90",
          )}
          disabled={
            disabled || routeConfig.status !== "ready" || Boolean(shortfall)
          }
          action={() => controller.upload()}
        >
          {messages.upload(summary.queued)}
        </BatchButton>
      )}
    </div>
  );
}

// Upload disappears once its files start, which moves Cancel all under the
// pointer, so each button runs only for a press that began on it.
function BatchButton({
  slot,
  action,
  ...props
}: Omit<ComponentProps<"button">, "onClick" | "onPointerDown" | "ref"> & {
  slot: string;
  action: () => void;
}) {
  const press = usePressAction(action);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const button = buttonRef.current;
    // Layout cleanups run while the button is still in the document, so
    // its Dropzone can still be found from it.
    return () => {
      if (button && button === button.ownerDocument.activeElement) {
        moveFocusIntoDropzone(button);
      }
    };
  }, []);
  return (
    <button
      ref={buttonRef}
      type="button"
      data-slot={slot}
      {...props}
      {...press}
    />
  );
}

/**
 * Moves focus from a batch button that goes away to the drop area of its
 * Dropzone, so keyboard users stay in the Dropzone instead of on <body>.
 * The area, not the button that takes its place, gets focus, so a held
 * Enter on Upload never runs Cancel all. A disabled area takes no focus,
 * so then the first row's button group gets it.
 */
function moveFocusIntoDropzone(button: HTMLElement): void {
  const root = button.closest('[data-slot="dropzone"]');
  const targets = [
    '[data-slot="dropzone-area"]',
    '[data-slot="dropzone-file-actions"]',
  ];
  for (const selector of targets) {
    root?.querySelector<HTMLElement>(selector)?.focus();
    if (button.ownerDocument.activeElement !== button) return;
  }
}
