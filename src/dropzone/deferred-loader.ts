import { Signal } from "./signal";

/** The exports of the deferred chunk. */
export type DeferredModule = typeof import("./deferred");

/** The deferred chunk once it has loaded, shared by every Dropzone on the page. */
export const deferredModule = new Signal<DeferredModule | undefined>(undefined);

let loading: Promise<DeferredModule> | undefined;

/**
 * Loads the deferred chunk once. A failed load is not cached, so the next
 * call tries again: a chunk missing after a deployment can come back, and a
 * dropped connection can recover.
 */
export function loadDeferredModule(): Promise<DeferredModule> {
  loading ??= import("./deferred").then(
    (module) => {
      deferredModule.set(module);
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
