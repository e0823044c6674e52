import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  type ComponentProps,
  type ReactNode,
} from "react";
import { cn } from "../../lib/cn";
import { useDropzoneContext, useDropzoneFile } from "../hooks";
import type { DropzoneFile } from "../types";
import { showName } from "../file-rules";
import { CloseIcon, RetryIcon } from "./row-icons";
import { FilePreview } from "./preview";
import { usePressAction } from "./press-action";
import { DropzoneProgress } from "./progress";

/** Props of DropzoneFileItem: the row id plus the `<li>`'s props. */
export type DropzoneFileItemProps = ComponentProps<"li"> & { fileId: string };

/**
 * One row, `<li data-slot="dropzone-file" data-state>`: preview, name, size,
 * progress bar, status or reason, and its buttons. It subscribes to its own
 * row only, so another file's progress does not re-render it.
 */
export const DropzoneFileItem = memo(function DropzoneFileItem({
  fileId,
  className,
  ...props
}: DropzoneFileItemProps) {
  const row = useDropzoneFile(fileId);
  const { messages } = useDropzoneContext();
  if (!row) return null;
  const failed = row.status === "error" || row.status === "rejected";

  return (
    <li
      data-slot="dropzone-file"
      data-state={row.status}
      className={cn(
        "bg-card text-card-foreground flex items-center gap-3 rounded-md border px-3 py-2 text-sm",
        "data-[state=error]:border-destructive/50 data-[state=rejected]:border-destructive/50",
        className,
      )}
      {...props}
    >
      <FilePreview row={row} />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-baseline gap-2">
          <span
            data-slot="dropzone-file-name"
            className="truncate font-medium"
            title={showName(row.name)}
          >
            {showName(row.name)}
          </span>
          <span
            data-slot="dropzone-file-size"
            className="text-muted-foreground shrink-0 text-xs"
          >
            {messages.formatBytes(row.size)}
          </span>
        </div>
        {row.status !== "rejected" && (
          <DropzoneProgress
            value={row.progress}
            aria-label={messages.progress(row.name)}
          />
        )}
        <p
          data-slot={failed ? "dropzone-file-reason" : "dropzone-file-status"}
          className={cn(
            "text-muted-foreground truncate text-xs",
            failed && "text-destructive",
          )}
          title={row.reason}
        >
          {failed && row.reason ? row.reason : messages.status[row.status]}
        </p>
      </div>
      <FileActions row={row} />
    </li>
  );
});

const buttonClass =
  "text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 inline-flex size-8 shrink-0 items-center justify-center rounded-md outline-none focus-visible:ring-[3px]";

function FileActions({ row }: { row: DropzoneFile }) {
  const { controller, messages } = useDropzoneContext();
  const active = row.status === "queued" || row.status === "uploading";
  const retryable =
    (row.status === "error" && row.errorCode !== "upload-rejected") ||
    row.status === "canceled";

  const actionsRef = useRef<HTMLDivElement>(null);
  const focusActions = useCallback(() => actionsRef.current?.focus(), []);

  // Each action is its own button element, so a press that began on one
  // never runs another that took its place.
  return (
    <div
      ref={actionsRef}
      data-slot="dropzone-file-actions"
      role="group"
      aria-label={row.name}
      tabIndex={-1}
      className="focus-visible:ring-ring/50 flex shrink-0 gap-1 rounded-md outline-none focus-visible:ring-[3px]"
    >
      {retryable && (
        <RowButton
          key="retry"
          onFocusedUnmount={focusActions}
          slot="dropzone-file-retry"
          label={messages.retry(row.name)}
          action={() => controller.retry(row.id)}
        >
          <RetryIcon className="size-4" />
        </RowButton>
      )}
      {active ? (
        <RowButton
          key="cancel"
          onFocusedUnmount={focusActions}
          slot="dropzone-file-cancel"
          label={messages.cancel(row.name)}
          action={() => controller.cancel(row.id)}
        >
          <CloseIcon className="size-4" />
        </RowButton>
      ) : (
        <RowButton
          key="remove"
          onFocusedUnmount={focusActions}
          slot="dropzone-file-remove"
          label={messages.remove(row.name)}
          action={() => {
            // The row and its group go away, so focus moves on first.
            const next = focusAfterRemoval(actionsRef.current);
            controller.remove(row.id);
            next?.focus();
          }}
        >
          <CloseIcon className="size-4" />
        </RowButton>
      )}
    </div>
  );
}

/**
 * Returns where focus goes when the row of `actions` is removed: the next
 * row's button group, else the previous row's, else the drop area.
 */
function focusAfterRemoval(actions: HTMLElement | null): HTMLElement | null {
  const item = actions?.closest('[data-slot="dropzone-file"]');
  const neighbour = item?.nextElementSibling ?? item?.previousElementSibling;
  return (
    neighbour?.querySelector<HTMLElement>(
      '[data-slot="dropzone-file-actions"]',
    ) ??
    item
      ?.closest('[data-slot="dropzone"]')
      ?.querySelector<HTMLElement>('[data-slot="dropzone-area"]') ??
    null
  );
}

function RowButton({
  slot,
  label,
  action,
  onFocusedUnmount,
  children,
}: {
  slot: string;
  label: string;
  action: () => void;
  /**
   * Moves focus when this button goes away while focused: to its group, not
   * to the button that took its place, so a held Enter never runs that one.
   */
  onFocusedUnmount: () => void;
  children: ReactNode;
}) {
  const press = usePressAction(action);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const button = buttonRef.current;
    // Layout cleanups run while the button is still in the document.
    return () => {
      if (button && button === document.activeElement) {
        onFocusedUnmount();
      }
    };
  }, [onFocusedUnmount]);
  return (
    <button
      ref={buttonRef}
      type="button"
      data-slot={slot}
      className={buttonClass}
      aria-label={label}
      title={label}
      {...press}
    >
      {children}
    </button>
  );
}
