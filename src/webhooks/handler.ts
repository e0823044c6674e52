import type { HmacSignerFactory } from "./crypto/hmac";
import {
  WebhookCallbackError,
  WebhookError,
  WebhookIdempotencyStoreError,
  WebhookMethodNotAllowedError,
  WebhookTimestampError,
  isWebhookError,
  isWebhookPayloadError,
} from "./errors";
import type { ClerkWebhookEvent, UnknownClerkWebhookEvent } from "./events";
import type { IdempotencyStore } from "./idempotency";
import type {
  ClerkWebhookHandlerOptions,
  WebhookDelivery,
  WebhookErrorContext,
} from "./options";
import { parseEvent } from "./parse-event";
import { readBodyBytes } from "./read-body";
import { createReporter } from "./report";
import { resolveOptions } from "./resolve-options";
import {
  acceptedResponse,
  errorResponse,
  inProgressResponse,
} from "./responses";
import { readSvixHeaders } from "./svix-headers";
import { verifySignature } from "./verify-signature";

/** A Fetch API request handler, usable as a Next.js App Router route. */
export type ClerkWebhookHandler = (request: Request) => Promise<Response>;

/**
 * Key of the hidden object that lets `toNodeHandler` report its own errors
 * (such as a body consumed by a JSON parser) through the handler's hooks.
 */
export const handlerInternalsKey = Symbol.for("dropsync.webhooks.handler");

/** The hidden object stored under {@link handlerInternalsKey}. */
export interface HandlerInternals {
  reject(error: WebhookError): Promise<Response>;
  maxBodyBytes: number;
}

type Event = ClerkWebhookEvent | UnknownClerkWebhookEvent;

// How many failed attempts of its delivery id in this process a concurrent
// duplicate waits for before it returns 409.
const maxInFlightWaits = 3;

/**
 * Returns the error to respond with for a callback that threw `cause`. A
 * `WebhookPayloadError` (from `createUserSync` or an app's own check) keeps
 * its 400, because the signed payload is unusable and a retry of the same
 * bytes fails the same way. Anything else is a 500 `callback_failed`.
 */
function callbackFailure(
  event: Event,
  delivery: WebhookDelivery,
  cause: unknown,
): WebhookError {
  if (isWebhookPayloadError(cause)) return cause;
  return new WebhookCallbackError(event.type, delivery.id, { cause });
}

/** Builds a webhook handler around one HMAC implementation. */
export function createHandler(
  options: ClerkWebhookHandlerOptions,
  createSigner: HmacSignerFactory,
): ClerkWebhookHandler {
  const resolved = resolveOptions(options, createSigner);
  const reporter = createReporter(options);
  const inFlight = new Map<string, Promise<Response>>();

  async function reject(
    error: WebhookError,
    context: Omit<WebhookErrorContext, "status"> = {},
  ): Promise<Response> {
    await reporter.error(error, { ...context, status: error.status });
    return errorResponse(error);
  }

  async function dispatch(event: Event, delivery: WebhookDelivery) {
    const callback = resolved.callbacks[event.type] as
      ((event: Event, delivery: WebhookDelivery) => unknown) | undefined;
    if (callback !== undefined) {
      await callback(event, delivery);
      return;
    }
    reporter.debug("dropsync/webhooks: no callback for event type", {
      deliveryId: delivery.id,
      eventType: event.type,
    });
    await options.onUnhandled?.(event, delivery);
  }

  async function runOnce(
    store: IdempotencyStore,
    event: Event,
    delivery: WebhookDelivery,
  ): Promise<Response> {
    const context = { delivery, event };
    let claim;
    try {
      claim = await store.claim(delivery.id);
    } catch (cause) {
      return reject(
        new WebhookIdempotencyStoreError(delivery.id, "claim", { cause }),
        context,
      );
    }
    if (claim !== "acquired") {
      reporter.debug(`dropsync/webhooks: delivery is ${claim}`, {
        deliveryId: delivery.id,
        eventType: event.type,
      });
      return claim === "processed"
        ? acceptedResponse(true)
        : inProgressResponse();
    }

    try {
      await dispatch(event, delivery);
    } catch (cause) {
      try {
        await store.release(delivery.id);
      } catch (releaseCause) {
        await reporter.error(
          new WebhookIdempotencyStoreError(delivery.id, "release", {
            cause: releaseCause,
          }),
          { ...context, status: 500 },
        );
      }
      return reject(callbackFailure(event, delivery, cause), context);
    }

    try {
      await store.complete(delivery.id);
    } catch (cause) {
      return reject(
        new WebhookIdempotencyStoreError(delivery.id, "complete", { cause }),
        context,
      );
    }
    reporter.debug("dropsync/webhooks: delivery processed", {
      deliveryId: delivery.id,
      eventType: event.type,
    });
    return acceptedResponse(false);
  }

  async function deliver(
    event: Event,
    delivery: WebhookDelivery,
  ): Promise<Response> {
    const store = resolved.idempotency;
    if (store === undefined) {
      try {
        await dispatch(event, delivery);
      } catch (cause) {
        return reject(callbackFailure(event, delivery, cause), {
          delivery,
          event,
        });
      }
      return acceptedResponse(false);
    }

    // A duplicate that arrives while its id runs here waits for that run: it
    // returns 200 after a success, and tries to run the callback itself after
    // a failure.
    for (let wait = 0; wait < maxInFlightWaits; wait++) {
      const running = inFlight.get(delivery.id);
      if (running !== undefined) {
        const status = await running.then(
          (response) => response.status,
          () => 500,
        );
        if (status === 200) return acceptedResponse(true);
        continue;
      }
      const attempt = runOnce(store, event, delivery);
      inFlight.set(delivery.id, attempt);
      try {
        return await attempt;
      } finally {
        inFlight.delete(delivery.id);
      }
    }
    return inProgressResponse();
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== "POST") {
      return reject(new WebhookMethodNotAllowedError(request.method));
    }

    let delivery: WebhookDelivery | undefined;
    let event: Event;
    try {
      const signers = resolved.signers();
      const headers = readSvixHeaders(request.headers);
      const nowSeconds = Math.floor(resolved.now() / 1000);
      if (
        Math.abs(nowSeconds - headers.timestamp) > resolved.toleranceSeconds
      ) {
        throw new WebhookTimestampError(
          headers.timestamp,
          nowSeconds,
          resolved.toleranceSeconds,
        );
      }
      const body = await readBodyBytes(request, resolved.maxBodyBytes);
      await verifySignature(signers, headers, body);
      delivery = { id: headers.id, timestamp: headers.timestamp * 1000 };
      event = parseEvent(body);
    } catch (error) {
      if (isWebhookError(error)) return reject(error, { delivery });
      throw error;
    }
    return deliver(event, delivery);
  }

  const internals: HandlerInternals = {
    reject: (error) => reject(error),
    maxBodyBytes: resolved.maxBodyBytes,
  };
  Object.defineProperty(handle, handlerInternalsKey, { value: internals });
  return handle;
}
