import { http, HttpResponse } from "msw";
import type { ResolvedUploadNetworkScenario } from "./scenario";
import type { UploadRequestLog } from "./request-log";
import { delay } from "./delay";
import { createIngestUrl } from "./ingest-url";

/** Version header that UploadThing's route handler adds to every response. */
const UPLOADTHING_VERSION_HEADERS = { "x-uploadthing-version": "7.7.4" };

interface UploadActionBody {
  files: Array<{ name: string; size: number; type: string }>;
  input: unknown;
}

/**
 * Creates MSW handlers that respond like UploadThing 7's `createRouteHandler`:
 * `GET url` returns the router config, and `POST url?actionType=upload&slug=`
 * returns one presigned ingest URL per file. Either returns the scenario's
 * error instead, as `{ message }` with its status, when one is set.
 */
export function createRouteHandlerHandlers(
  scenario: ResolvedUploadNetworkScenario,
  log: UploadRequestLog,
) {
  let failedPresigns = 0;
  let failedConfigs = 0;

  const getRouterConfig = http.get(scenario.url, async () => {
    log.routeConfigRequests += 1;
    await delay(scenario.latencyMs);
    const error = scenario.routeConfigError;
    if (error && failedConfigs < (error.times ?? Infinity)) {
      failedConfigs += 1;
      return HttpResponse.json(
        { message: error.message },
        { status: error.status, headers: UPLOADTHING_VERSION_HEADERS },
      );
    }
    return HttpResponse.json(scenario.routerConfig, {
      headers: UPLOADTHING_VERSION_HEADERS,
    });
  });

  const presign = http.post(scenario.url, async ({ request }) => {
    const url = new URL(request.url);
    const slug = url.searchParams.get("slug") ?? "";
    const body = (await request.json()) as UploadActionBody;
    log.presignRequests.push({
      slug,
      files: body.files,
      input: body.input,
      headers: Object.fromEntries(request.headers),
    });
    await delay(scenario.latencyMs);

    if (url.searchParams.get("actionType") !== "upload") {
      return HttpResponse.json(null, { headers: UPLOADTHING_VERSION_HEADERS });
    }
    if (!scenario.routerConfig.some((route) => route.slug === slug)) {
      return HttpResponse.json(
        { message: `No file route found for slug ${slug}` },
        { status: 404, headers: UPLOADTHING_VERSION_HEADERS },
      );
    }
    const error = scenario.presignError;
    if (error && failedPresigns < (error.times ?? Infinity)) {
      failedPresigns += 1;
      return HttpResponse.json(
        { message: error.message },
        { status: error.status, headers: UPLOADTHING_VERSION_HEADERS },
      );
    }

    const presigneds = body.files.map((file) => {
      const key = randomKey();
      return {
        url: createIngestUrl(key, file.name),
        key,
        name: file.name,
        customId: null,
      };
    });
    return HttpResponse.json(presigneds, {
      headers: UPLOADTHING_VERSION_HEADERS,
    });
  });

  return [getRouterConfig, presign];
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
}
