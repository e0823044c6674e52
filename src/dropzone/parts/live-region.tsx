import { useSyncExternalStore } from "react";
import { useDropzoneContext } from "../hooks";

/** Polite live region that announces each completed and failed file. */
export function LiveRegion() {
  const { announcement } = useDropzoneContext().controller;
  const text = useSyncExternalStore(
    announcement.subscribe,
    announcement.get,
    announcement.get,
  );
  return (
    <div
      data-slot="dropzone-live-region"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="sr-only"
    >
      {text}
    </div>
  );
}
