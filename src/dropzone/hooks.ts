import {
  createContext,
  useCallback,
  useContext,
  useSyncExternalStore,
} from "react";
import type { DropzoneController } from "./dropzone-controller";
import type { DropzoneMessages } from "./messages";
import type { RouteConfigState } from "./route-config";
import type { DropzoneSummary } from "./store";
import type { DropzoneFile } from "./types";

/** Context that every part below a DropzoneRoot reads. */
export interface DropzoneContextValue {
  controller: DropzoneController;
  messages: DropzoneMessages;
  mode: "auto" | "manual";
  disabled: boolean;
}

/** Context of the enclosing DropzoneRoot, null outside one. */
export const DropzoneContext = createContext<DropzoneContextValue | null>(null);

/**
 * Returns the controller, messages and settings of the enclosing
 * DropzoneRoot, for custom compositions.
 */
export function useDropzoneContext(): DropzoneContextValue {
  const context = useContext(DropzoneContext);
  if (!context) {
    throw new Error(
      "Dropzone parts must be rendered inside <DropzoneRoot>; wrap them in it or use <Dropzone>.",
    );
  }
  return context;
}

/** Returns the ids of all rows, in the order the files were added. */
export function useDropzoneFileIds(): readonly string[] {
  const { store } = useDropzoneContext().controller;
  return useSyncExternalStore(store.subscribe, store.getIds, store.getIds);
}

/** Returns one row, and re-renders only when that row changes. */
export function useDropzoneFile(id: string): DropzoneFile | undefined {
  const { store } = useDropzoneContext().controller;
  const subscribe = useCallback(
    (listener: () => void) => store.subscribeRow(id, listener),
    [store, id],
  );
  const read = useCallback(() => store.get(id), [store, id]);
  return useSyncExternalStore(subscribe, read, read);
}

/** Returns the count of rows per status, which progress events leave alone. */
export function useDropzoneSummary(): DropzoneSummary {
  return useControllerSummary(useDropzoneContext().controller);
}

/** Returns the status counts of a given controller. */
export function useControllerSummary(
  controller: DropzoneController,
): DropzoneSummary {
  const { store } = controller;
  return useSyncExternalStore(
    store.subscribe,
    store.getSummary,
    store.getSummary,
  );
}

/** Returns the byte-weighted upload progress of all rows, 0..100. */
export function useDropzoneTotalProgress(): number {
  const { store } = useDropzoneContext().controller;
  return useSyncExternalStore(
    store.subscribeProgress,
    store.getTotalProgress,
    store.getTotalProgress,
  );
}

/** Returns whether the route config is loading, ready or failed. */
export function useDropzoneRouteConfig(): RouteConfigState {
  const { routeConfig } = useDropzoneContext().controller;
  return useSyncExternalStore(
    routeConfig.subscribe,
    routeConfig.get,
    routeConfig.get,
  );
}
