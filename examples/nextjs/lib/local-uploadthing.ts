import { LOCAL_UPLOADTHING_API_KEY } from "./defaults.js";

/**
 * Builds the UploadThing token for the local ingest emulator: base64 JSON of
 * `{ apiKey, appId, regions }`, the shape uploadthing 7 validates. The
 * emulator checks request signatures against the same API key.
 */
export function localUploadThingToken(): string {
  const token = {
    apiKey: LOCAL_UPLOADTHING_API_KEY,
    appId: "dropsync-local",
    regions: ["local"],
  };
  return btoa(JSON.stringify(token));
}
