import type { WebhookError } from "./errors";
import type {
  ClerkWebhookEvent,
  ClerkWebhookEventType,
  UnknownClerkWebhookEvent,
} from "./events";
import type { IdempotencyStore } from "./idempotency";

/** One delivery attempt of an event. */
export interface WebhookDelivery {
  /** The Svix message id (`svix-id`), the same on every retry. */
  id: string;
  /** The signed time of this attempt (`svix-timestamp`), in milliseconds. */
  timestamp: number;
}

/** A callback for one event type; a returned promise is awaited. */
export type ClerkWebhookCallback<Type extends ClerkWebhookEventType> = (
  event: ClerkWebhookEvent<Type>,
  delivery: WebhookDelivery,
) => unknown;

/** Callbacks by Clerk event type. */
export type ClerkWebhookCallbacks = {
  [Type in ClerkWebhookEventType]?: ClerkWebhookCallback<Type>;
};

/** Details of a failed request, passed to `onError` and the logger. */
export interface WebhookErrorContext {
  /** The HTTP status of the response sent for the error. */
  status: number;
  /** Present once the signature is verified. */
  delivery?: WebhookDelivery;
  /** Present once the body is parsed. */
  event?: ClerkWebhookEvent | UnknownClerkWebhookEvent;
}

/** Structured fields of a log record: ids, event type, status and code. */
export type WebhookLogFields = Record<string, string | number | undefined>;

/**
 * Logger hooks, compatible with pino, winston and `console`. Missing levels
 * are skipped, except that an error or rejection that reaches neither
 * `onError` nor a logger level goes to `console.error` or `console.warn`.
 */
export interface WebhookLogger {
  debug?(message: string, fields: WebhookLogFields): void;
  info?(message: string, fields: WebhookLogFields): void;
  warn?(message: string, fields: WebhookLogFields): void;
  error?(message: string, fields: WebhookLogFields): void;
}

/** Options of `createClerkWebhookHandler`. */
export interface ClerkWebhookHandlerOptions {
  /**
   * The endpoint's signing secret (`whsec_…`, prefix optional), or several
   * during rotation. When undefined, CLERK_WEBHOOK_SIGNING_SECRET is read at
   * request time.
   */
  secret?: string | readonly string[];
  /** Callbacks by event type. A callback that throws makes the response 500. */
  on?: ClerkWebhookCallbacks;
  /** Receives verified events that have no callback in `on`, including new types. */
  onUnhandled?: (
    event: ClerkWebhookEvent | UnknownClerkWebhookEvent,
    delivery: WebhookDelivery,
  ) => unknown;
  /** Receives every rejected request and every callback failure. */
  onError?: (error: WebhookError, context: WebhookErrorContext) => unknown;
  /** Accepted clock skew of `svix-timestamp`, in seconds. Default 300. */
  tolerance?: number;
  /** Clock in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Max body size in bytes. Default 1 MiB (1 048 576). */
  maxBodyBytes?: number;
  /**
   * Store of processed delivery ids. Default: a `memoryIdempotencyStore()`
   * per handler. `false` turns deduplication off.
   */
  idempotency?: IdempotencyStore | false;
  /** Logger hooks for deliveries, duplicates, rejections and failures. */
  logger?: WebhookLogger;
}
