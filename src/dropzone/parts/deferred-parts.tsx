import { useEffect, useSyncExternalStore, type ComponentProps } from "react";
import {
  deferredModule,
  loadDeferredModule,
  type DeferredModule,
} from "../deferred-loader";
import type { DropzoneFileItemProps } from "./file-item";
import type { DropzoneProgressProps } from "./progress";

const serverSnapshot = () => undefined;

/**
 * Returns the deferred chunk, starting its load if needed, and undefined
 * until it has loaded. The server render and hydration see undefined too,
 * so they agree.
 */
export function useDeferredModule(): DeferredModule | undefined {
  const loaded = useSyncExternalStore(
    deferredModule.subscribe,
    deferredModule.get,
    serverSnapshot,
  );
  useEffect(() => {
    // A failed load shows on the DropzoneRoot, whose controller loads the
    // same chunk and reports the error in place of the restrictions.
    if (!loaded) loadDeferredModule().catch(() => undefined);
  }, [loaded]);
  return loaded;
}

/**
 * Batch controls, `<div data-slot="dropzone-actions">`: the Upload button in
 * manual mode, Cancel all while files wait or upload, and a note while a
 * route's `minFileCount` is not met. Renders once the upload code has loaded.
 */
export function DropzoneActions(props: ComponentProps<"div">) {
  const loaded = useDeferredModule();
  return loaded ? <loaded.DropzoneActions {...props} /> : null;
}

/**
 * Renders the rows in `<ul data-slot="dropzone-file-list">`; above 100 rows
 * it scrolls in a fixed-height viewport and mounts only the rows in view.
 * Rows exist only once the upload code has loaded.
 */
export function DropzoneFileList(props: ComponentProps<"ul">) {
  const loaded = useDeferredModule();
  return loaded ? <loaded.DropzoneFileList {...props} /> : null;
}

/**
 * Renders one row, `<li data-slot="dropzone-file" data-state>`: preview,
 * name, size, progress bar, status or reason, and its buttons. It
 * re-renders only when its own row changes.
 */
export function DropzoneFileItem(props: DropzoneFileItemProps) {
  const loaded = useDeferredModule();
  return loaded ? <loaded.DropzoneFileItem {...props} /> : null;
}

/**
 * Radix Progress bar (`role="progressbar"`, `aria-valuenow`) on a 0..100
 * scale, as `data-slot="dropzone-progress"`. Renders once the upload code
 * has loaded.
 */
export function DropzoneProgress(props: DropzoneProgressProps) {
  const loaded = useDeferredModule();
  return loaded ? <loaded.DropzoneProgress {...props} /> : null;
}
