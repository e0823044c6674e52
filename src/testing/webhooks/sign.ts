import { createHmac, randomBytes } from "node:crypto";
import { clerkId } from "./ids";

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The signing secret, `whsec_…` (the prefix is optional). */
  secret: string;
  /** The Svix message id. Default: a new `msg_…` id. */
  id?: string;
  /** The signed time, as a Date or milliseconds since the epoch. Default: now. */
  timestamp?: Date | number;
}

/** A signature and the headers that carry it. */
export interface SignedWebhook {
  id: string;
  /** The signed time, in seconds since the epoch, as in `svix-timestamp`. */
  timestamp: number;
  /** The `svix-signature` value, `v1,<base64>`. */
  signature: string;
  headers: {
    "svix-id": string;
    "svix-timestamp": string;
    "svix-signature": string;
  };
}

/**
 * Signs a raw body the way Svix does: base64 HMAC-SHA256 with the decoded
 * secret over `${id}.${timestamp}.${body}`.
 */
export function signWebhook(
  body: string | Uint8Array,
  options: SignWebhookOptions,
): SignedWebhook {
  const key = Buffer.from(
    options.secret.trim().replace(/^whsec_/, ""),
    "base64",
  );
  if (key.length === 0) {
    throw new TypeError(
      "secret must be a base64 signing secret, such as whsec_….",
    );
  }
  const id = options.id ?? clerkId("msg");
  const milliseconds =
    options.timestamp instanceof Date
      ? options.timestamp.getTime()
      : (options.timestamp ?? Date.now());
  const timestamp = Math.floor(milliseconds / 1000);

  const digest = createHmac("sha256", key)
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest("base64");
  const signature = `v1,${digest}`;

  return {
    id,
    timestamp,
    signature,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": signature,
    },
  };
}

/** Options of {@link createSignedWebhookRequest}. */
export interface SignedWebhookRequestOptions extends SignWebhookOptions {
  /** Default `http://localhost/api/webhooks/clerk`. */
  url?: string;
  /** Send `webhook-*` (Standard Webhooks) headers in place of `svix-*`. */
  headerPrefix?: "svix" | "webhook";
  /** Extra headers, which override the generated ones. */
  headers?: Record<string, string>;
}

/**
 * Builds a signed POST `Request` for a webhook handler. A string or byte
 * `payload` is the exact body. Any other value is sent as its JSON.
 */
export function createSignedWebhookRequest(
  payload: unknown,
  options: SignedWebhookRequestOptions,
): Request {
  const body =
    typeof payload === "string" || payload instanceof Uint8Array
      ? payload
      : JSON.stringify(payload);
  const signed = signWebhook(body, options);
  const prefix = options.headerPrefix ?? "svix";

  return new Request(options.url ?? "http://localhost/api/webhooks/clerk", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [`${prefix}-id`]: signed.id,
      [`${prefix}-timestamp`]: String(signed.timestamp),
      [`${prefix}-signature`]: signed.signature,
      ...options.headers,
    },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

/** Generates a random signing secret, `whsec_` plus 32 bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
