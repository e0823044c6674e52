/**
 * Stable machine-readable codes of every webhook failure. They appear in
 * `error.code` and in the JSON body of the rejected response.
 */
export type WebhookErrorCode =
  | "method_not_allowed"
  | "missing_header"
  | "invalid_header"
  | "timestamp_out_of_tolerance"
  | "signature_mismatch"
  | "invalid_payload"
  | "body_too_large"
  | "body_read_failed"
  | "body_consumed"
  | "secret_missing"
  | "invalid_secret"
  | "idempotency_store_failed"
  | "callback_failed";

// A registry-wide symbol, so that a guard recognises errors thrown by another
// copy of dropsync (ESM next to CJS, or another realm such as a VM context).
const webhookErrorBrand = Symbol.for("dropsync.webhooks.error");

/**
 * Base class of every error raised while handling a webhook request. `code`
 * is stable across releases, and `status` is the HTTP status of the response
 * that the handler sends for it.
 */
export class WebhookError extends Error {
  readonly code: WebhookErrorCode;
  readonly status: number;

  constructor(
    code: WebhookErrorCode,
    status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WebhookError";
    this.code = code;
    this.status = status;
    Object.defineProperty(this, webhookErrorBrand, { value: true });
  }
}

/** A request with a method other than POST (status 405). */
export class WebhookMethodNotAllowedError extends WebhookError {
  readonly method: string;

  constructor(method: string) {
    super(
      "method_not_allowed",
      405,
      `Method ${method} is not allowed: webhooks are delivered with POST.`,
    );
    this.name = "WebhookMethodNotAllowedError";
    this.method = method;
  }
}

/**
 * A required Svix header that is absent or blank (status 400). `header` is
 * the first missing one, and `noneSent` is true when all three are missing.
 */
export class WebhookMissingHeaderError extends WebhookError {
  readonly header: string;

  constructor(header: string, noneSent = false) {
    super(
      "missing_header",
      400,
      noneSent
        ? "Missing headers svix-id, svix-timestamp and svix-signature (and their webhook- equivalents), so Svix did not send this request: send test deliveries from the endpoint's Testing tab in the Clerk Dashboard, or sign them with signWebhook from dropsync/testing."
        : `Missing header ${header} (or its webhook- equivalent): Svix signs every delivery with svix-id, svix-timestamp and svix-signature, so check that no proxy between Svix and the handler drops it.`,
    );
    this.name = "WebhookMissingHeaderError";
    this.header = header;
  }
}

/** A Svix header whose value has the wrong format (status 400). */
export class WebhookInvalidHeaderError extends WebhookError {
  readonly header: string;

  constructor(header: string, message: string) {
    super("invalid_header", 400, message);
    this.name = "WebhookInvalidHeaderError";
    this.header = header;
  }
}

// Clock skew of more than an hour is uncommon (an estimate), so an older
// timestamp more likely belongs to a saved delivery that was sent again.
const replayedAfterSeconds = 3600;

/**
 * A signed timestamp further than `tolerance` seconds from the clock, in
 * either direction (status 400). It protects against replayed deliveries.
 */
export class WebhookTimestampError extends WebhookError {
  /** The signed time, in seconds since the epoch. */
  readonly timestamp: number;
  /** The clock at verification, in seconds since the epoch. */
  readonly now: number;

  constructor(timestamp: number, now: number, tolerance: number) {
    const direction = timestamp < now ? "old" : "new";
    // Seconds since the epoch have 10 digits until 2286, so a value above
    // 1e11 is taken as milliseconds.
    const hint =
      timestamp > 1e11
        ? " It looks like milliseconds: svix-timestamp must be in seconds."
        : now - timestamp > replayedAfterSeconds
          ? " A saved delivery sent again later fails this check: resend it from the Clerk Dashboard, which signs each attempt anew, or sign a fresh copy with signWebhook from dropsync/testing."
          : " Check the server clock if this repeats.";
    super(
      "timestamp_out_of_tolerance",
      400,
      `Webhook timestamp ${timestamp} is too ${direction}: it is ${Math.abs(now - timestamp)} s from the server clock ${now}, and the tolerance is ${tolerance} s.${hint}`,
    );
    this.name = "WebhookTimestampError";
    this.timestamp = timestamp;
    this.now = now;
  }
}

/** No `v1` signature in the header matches any configured secret (status 400). */
export class WebhookSignatureError extends WebhookError {
  constructor(message: string) {
    super("signature_mismatch", 400, message);
    this.name = "WebhookSignatureError";
  }
}

/**
 * A verified body that cannot be used (status 400): not a JSON object with a
 * string `type`, or event data that a callback rejects, such as a user
 * without an `id` in `createUserSync`. A callback may throw it too, and the
 * handler then sends 400 in place of 500 `callback_failed`.
 */
export class WebhookPayloadError extends WebhookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid_payload", 400, message, options);
    this.name = "WebhookPayloadError";
  }
}

/** A body larger than `maxBodyBytes` (status 413). */
export class WebhookBodyTooLargeError extends WebhookError {
  readonly maxBodyBytes: number;

  constructor(maxBodyBytes: number, source: "content-length" | "stream") {
    super(
      "body_too_large",
      413,
      source === "content-length"
        ? `Webhook body is larger than maxBodyBytes (${maxBodyBytes} bytes), according to its content-length header.`
        : `Webhook body is larger than maxBodyBytes (${maxBodyBytes} bytes): reading stopped at that limit.`,
    );
    this.name = "WebhookBodyTooLargeError";
    this.maxBodyBytes = maxBodyBytes;
  }
}

/** The request body stream failed while it was read (status 400). */
export class WebhookBodyReadError extends WebhookError {
  constructor(options: { cause: unknown }) {
    super(
      "body_read_failed",
      400,
      "Reading the webhook body failed before it was complete.",
      options,
    );
    this.name = "WebhookBodyReadError";
  }
}

/**
 * A body that something else read before the handler, typically a JSON body
 * parser (status 500, because the server is misconfigured).
 */
export class WebhookBodyConsumedError extends WebhookError {
  constructor(message: string) {
    super("body_consumed", 500, message);
    this.name = "WebhookBodyConsumedError";
  }
}

/**
 * No signing secret: `secret` was not given and CLERK_WEBHOOK_SIGNING_SECRET
 * is not set when the request arrives (status 500).
 */
export class WebhookSecretMissingError extends WebhookError {
  /**
   * A set variable that other guides name the secret, such as
   * CLERK_WEBHOOK_SECRET, which the handler does not read.
   */
  readonly otherVariable: string | undefined;

  constructor(otherVariable?: string) {
    super(
      "secret_missing",
      500,
      otherVariable === undefined
        ? "Missing webhook signing secret: pass `secret` to createClerkWebhookHandler or set CLERK_WEBHOOK_SIGNING_SECRET to the Signing Secret of the endpoint in the Clerk Dashboard (it starts with whsec_)."
        : `Missing webhook signing secret: CLERK_WEBHOOK_SIGNING_SECRET is not set, but ${otherVariable} is. Rename ${otherVariable} to CLERK_WEBHOOK_SIGNING_SECRET, or pass secret: process.env.${otherVariable} to createClerkWebhookHandler.`,
    );
    this.name = "WebhookSecretMissingError";
    this.otherVariable = otherVariable;
  }
}

/**
 * An invalid secret in CLERK_WEBHOOK_SIGNING_SECRET, found at request time
 * (status 500). A secret passed as an option is checked earlier and throws a
 * `TypeError` from `createClerkWebhookHandler`.
 */
export class WebhookInvalidSecretError extends WebhookError {
  constructor(message: string) {
    super("invalid_secret", 500, message);
    this.name = "WebhookInvalidSecretError";
  }
}

/**
 * The idempotency store threw while claiming, completing or releasing a
 * delivery id (status 500, so that Svix retries).
 */
export class WebhookIdempotencyStoreError extends WebhookError {
  readonly deliveryId: string;

  constructor(deliveryId: string, step: string, options: { cause: unknown }) {
    super(
      "idempotency_store_failed",
      500,
      `The idempotency store failed to ${step} delivery ${deliveryId}.`,
      options,
    );
    this.name = "WebhookIdempotencyStoreError";
    this.deliveryId = deliveryId;
  }
}

/**
 * A callback (`on[type]` or `onUnhandled`) threw or rejected (status 500, so
 * that Svix retries). The original error is `cause`, but the response body
 * never contains its message.
 */
export class WebhookCallbackError extends WebhookError {
  readonly eventType: string;
  readonly deliveryId: string;

  constructor(
    eventType: string,
    deliveryId: string,
    options: { cause: unknown },
  ) {
    const reason =
      options.cause instanceof Error
        ? options.cause.message
        : String(options.cause);
    super(
      "callback_failed",
      500,
      `The callback for ${eventType} (delivery ${deliveryId}) failed: ${reason}`,
      options,
    );
    this.name = "WebhookCallbackError";
    this.eventType = eventType;
    this.deliveryId = deliveryId;
  }
}

function hasCode(error: unknown, code: WebhookErrorCode): boolean {
  return isWebhookError(error) && error.code === code;
}

/** Returns whether `error` is a {@link WebhookError}, from any copy or realm of dropsync. */
export function isWebhookError(error: unknown): error is WebhookError {
  return (
    error instanceof WebhookError ||
    (typeof error === "object" &&
      error !== null &&
      (error as Record<symbol, unknown>)[webhookErrorBrand] === true)
  );
}

/** Returns whether `error` is a {@link WebhookMethodNotAllowedError}. */
export function isWebhookMethodNotAllowedError(
  error: unknown,
): error is WebhookMethodNotAllowedError {
  return hasCode(error, "method_not_allowed");
}

/** Returns whether `error` is a {@link WebhookMissingHeaderError}. */
export function isWebhookMissingHeaderError(
  error: unknown,
): error is WebhookMissingHeaderError {
  return hasCode(error, "missing_header");
}

/** Returns whether `error` is a {@link WebhookInvalidHeaderError}. */
export function isWebhookInvalidHeaderError(
  error: unknown,
): error is WebhookInvalidHeaderError {
  return hasCode(error, "invalid_header");
}

/** Returns whether `error` is a {@link WebhookTimestampError}. */
export function isWebhookTimestampError(
  error: unknown,
): error is WebhookTimestampError {
  return hasCode(error, "timestamp_out_of_tolerance");
}

/** Returns whether `error` is a {@link WebhookSignatureError}. */
export function isWebhookSignatureError(
  error: unknown,
): error is WebhookSignatureError {
  return hasCode(error, "signature_mismatch");
}

/** Returns whether `error` is a {@link WebhookPayloadError}. */
export function isWebhookPayloadError(
  error: unknown,
): error is WebhookPayloadError {
  return hasCode(error, "invalid_payload");
}

/** Returns whether `error` is a {@link WebhookBodyTooLargeError}. */
export function isWebhookBodyTooLargeError(
  error: unknown,
): error is WebhookBodyTooLargeError {
  return hasCode(error, "body_too_large");
}

/** Returns whether `error` is a {@link WebhookBodyReadError}. */
export function isWebhookBodyReadError(
  error: unknown,
): error is WebhookBodyReadError {
  return hasCode(error, "body_read_failed");
}

/** Returns whether `error` is a {@link WebhookBodyConsumedError}. */
export function isWebhookBodyConsumedError(
  error: unknown,
): error is WebhookBodyConsumedError {
  return hasCode(error, "body_consumed");
}

/** Returns whether `error` is a {@link WebhookSecretMissingError}. */
export function isWebhookSecretMissingError(
  error: unknown,
): error is WebhookSecretMissingError {
  return hasCode(error, "secret_missing");
}

/** Returns whether `error` is a {@link WebhookInvalidSecretError}. */
export function isWebhookInvalidSecretError(
  error: unknown,
): error is WebhookInvalidSecretError {
  return hasCode(error, "invalid_secret");
}

/** Returns whether `error` is a {@link WebhookIdempotencyStoreError}. */
export function isWebhookIdempotencyStoreError(
  error: unknown,
): error is WebhookIdempotencyStoreError {
  return hasCode(error, "idempotency_store_failed");
}

/** Returns whether `error` is a {@link WebhookCallbackError}. */
export function isWebhookCallbackError(
  error: unknown,
): error is WebhookCallbackError {
  return hasCode(error, "callback_failed");
}
