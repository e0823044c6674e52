import * as neutralBuild from "../../src/webhooks/index";
import * as nodeBuild from "../../src/webhooks/index.node";
import type { ClerkWebhookHandlerOptions } from "../../src/webhooks/index";
import {
  buildClerkEvent,
  buildClerkUser,
  signWebhook,
} from "../../src/testing/webhooks/index";

/** A valid 32-byte secret, generated once for these tests. */
export const secret = "whsec_VOU7Ui7J6uxOZVa2MAZ8Q1QAsUTbaOKo5dLW2SZ3HH0=";
/** A second valid secret, for rotation cases. */
export const otherSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** The fixed clock of these tests: 2026-01-01T00:00:00Z, in milliseconds. */
export const nowMs = Date.UTC(2026, 0, 1);
export const nowSeconds = nowMs / 1000;

/** Both builds of the entry, so that every case runs on each HMAC. */
export const builds = [
  { name: "web crypto build", module: neutralBuild },
  { name: "node build", module: nodeBuild },
] as const;

/** Creates a handler with the test secret and clock, errors collected. */
export function createTestHandler(
  build: (typeof builds)[number]["module"],
  options: ClerkWebhookHandlerOptions = {},
) {
  const errors: { code: string; status: number }[] = [];
  const handler = build.createClerkWebhookHandler({
    secret,
    now: () => nowMs,
    onError: (error, context) => {
      errors.push({ code: error.code, status: context.status });
    },
    ...options,
  });
  return { handler, errors };
}

/** Builds a `user.created` body with a fresh user, as Clerk sends it. */
export function userCreatedBody(): string {
  return JSON.stringify(
    buildClerkEvent("user.created", buildClerkUser(), { timestamp: nowMs }),
  );
}

/** Options of {@link signedRequest}. */
export interface SignedRequestOptions {
  id?: string;
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  signature?: string;
}

/** Builds a POST request whose body is exactly `body`, signed at `timestamp` seconds. */
export function signedRequest(
  body: string | Uint8Array,
  options: SignedRequestOptions = {},
): Request {
  const signed = signWebhook(body, {
    secret: options.secret ?? secret,
    id: options.id ?? "msg_2test",
    timestamp: (options.timestamp ?? nowSeconds) * 1000,
  });
  return new Request("http://localhost/api/webhooks/clerk", {
    method: "POST",
    headers: {
      ...signed.headers,
      "svix-signature": options.signature ?? signed.signature,
      ...options.headers,
    },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}
