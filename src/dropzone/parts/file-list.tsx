import { useState, type ComponentProps, type UIEvent } from "react";
import { cn } from "../../lib/cn";
import { useDropzoneFileIds } from "../hooks";
import { DropzoneFileItem } from "./file-item";

/** Lists longer than this render only the rows in view. */
export const WINDOW_THRESHOLD = 100;
/** Height of one row in windowed lists, in CSS pixels. */
export const WINDOW_ROW_HEIGHT = 64;
/** Height of the scrolling viewport of windowed lists, in CSS pixels. */
export const WINDOW_VIEWPORT_HEIGHT = 384;
const OVERSCAN_ROWS = 4;

/**
 * Renders the rows in `<ul data-slot="dropzone-file-list">`. Above
 * WINDOW_THRESHOLD rows it scrolls in a fixed-height viewport and mounts only
 * the rows in view, so a drop of thousands of files stays responsive.
 */
export function DropzoneFileList({
  className,
  ...props
}: ComponentProps<"ul">) {
  const ids = useDropzoneFileIds();
  const [scrollTop, setScrollTop] = useState(0);
  if (ids.length === 0) return null;

  const listClass = cn("flex flex-col gap-2", className);
  if (ids.length <= WINDOW_THRESHOLD) {
    return (
      <ul data-slot="dropzone-file-list" className={listClass} {...props}>
        {ids.map((id) => (
          <DropzoneFileItem key={id} fileId={id} />
        ))}
      </ul>
    );
  }

  const first = Math.max(
    0,
    Math.floor(scrollTop / WINDOW_ROW_HEIGHT) - OVERSCAN_ROWS,
  );
  const visible =
    Math.ceil(WINDOW_VIEWPORT_HEIGHT / WINDOW_ROW_HEIGHT) + 2 * OVERSCAN_ROWS;
  const last = Math.min(ids.length, first + visible);

  return (
    <div
      data-slot="dropzone-file-viewport"
      className="overflow-y-auto"
      style={{ height: WINDOW_VIEWPORT_HEIGHT }}
      onScroll={(event: UIEvent<HTMLDivElement>) =>
        setScrollTop(event.currentTarget.scrollTop)
      }
    >
      <ul
        data-slot="dropzone-file-list"
        data-windowed=""
        className={cn("relative", className)}
        style={{ height: ids.length * WINDOW_ROW_HEIGHT }}
        {...props}
      >
        {ids.slice(first, last).map((id, offset) => (
          <DropzoneFileItem
            key={id}
            fileId={id}
            aria-setsize={ids.length}
            aria-posinset={first + offset + 1}
            className="absolute inset-x-0"
            style={{
              top: (first + offset) * WINDOW_ROW_HEIGHT,
              height: WINDOW_ROW_HEIGHT - 8,
            }}
          />
        ))}
      </ul>
    </div>
  );
}
