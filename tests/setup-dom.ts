import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll } from "vitest";
import { loadDeferredModule } from "../src/dropzone/deferred-loader";

// A page loads the Dropzone's deferred chunk once, when the first Dropzone
// mounts; every later Dropzone finds it loaded and handles drops at once.
// Tests start in that state. tests/client/dropzone-deferred.test.tsx covers
// the drops that come before the chunk.
beforeAll(async () => {
  await loadDeferredModule();
});

// Testing Library only cleans up by itself when vitest globals are on.
afterEach(() => {
  cleanup();
});
