import type { HmacSigner, HmacSignerFactory } from "./crypto/hmac";
import { WebhookInvalidSecretError, WebhookSecretMissingError } from "./errors";
import { clerkWebhookEventTypes, isClerkWebhookEventType } from "./events";
import { memoryIdempotencyStore, type IdempotencyStore } from "./idempotency";
import type { ClerkWebhookHandlerOptions } from "./options";
import {
  decodeSecret,
  decodeSecretOption,
  findOtherSecretVariable,
  readSecretFromEnvironment,
  secretEnvironmentVariable,
} from "./secret";

/** Handler options after validation, with defaults filled in. */
export interface ResolvedOptions {
  /** Returns the signers of the configured secrets, or throws a 500 error. */
  signers: () => readonly HmacSigner[];
  callbacks: Readonly<Record<string, (...args: never[]) => unknown>>;
  toleranceSeconds: number;
  now: () => number;
  maxBodyBytes: number;
  idempotency: IdempotencyStore | undefined;
}

/** Validates handler options, throwing a `TypeError` that names the option. */
export function resolveOptions(
  options: ClerkWebhookHandlerOptions,
  createSigner: HmacSignerFactory,
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      'createClerkWebhookHandler expects an options object, such as { on: { "user.created": (event) => … } }.',
    );
  }

  return {
    signers: resolveSigners(options.secret, createSigner),
    callbacks: resolveCallbacks(options),
    toleranceSeconds: resolveNumber(options.tolerance, 300, "tolerance", 0),
    now: resolveFunction(options.now, "now") ?? Date.now,
    maxBodyBytes: resolveNumber(
      options.maxBodyBytes,
      1_048_576,
      "maxBodyBytes",
      1,
    ),
    idempotency:
      options.idempotency === false
        ? undefined
        : (options.idempotency ?? memoryIdempotencyStore()),
  };
}

function resolveSigners(
  secret: ClerkWebhookHandlerOptions["secret"],
  createSigner: HmacSignerFactory,
): () => readonly HmacSigner[] {
  if (secret !== undefined) {
    const signers = decodeSecretOption(secret).map(createSigner);
    return () => signers;
  }

  // The variable is read per request, so a build without it still succeeds.
  // Signers are cached for the last value seen.
  let cachedValue: string | undefined;
  let cachedSigners: readonly HmacSigner[] = [];
  return () => {
    const value = readSecretFromEnvironment();
    if (value === undefined) {
      throw new WebhookSecretMissingError(findOtherSecretVariable());
    }
    if (value !== cachedValue) {
      const key = decodeSecret(value, secretEnvironmentVariable);
      if (typeof key === "string") throw new WebhookInvalidSecretError(key);
      cachedSigners = [createSigner(key)];
      cachedValue = value;
    }
    return cachedSigners;
  };
}

function resolveCallbacks(
  options: ClerkWebhookHandlerOptions,
): ResolvedOptions["callbacks"] {
  const callbacks: Record<string, (...args: never[]) => unknown> = {};
  for (const [type, callback] of Object.entries(options.on ?? {})) {
    if (!isClerkWebhookEventType(type)) {
      throw new TypeError(
        `on[${JSON.stringify(type)}] is not a Clerk webhook event type, so it would never run. Known types: ${clerkWebhookEventTypes.join(", ")}. Handle other types in onUnhandled.`,
      );
    }
    if (callback === undefined) continue;
    if (typeof callback !== "function") {
      throw new TypeError(
        `on[${JSON.stringify(type)}] must be a function, but it is ${typeof callback}.`,
      );
    }
    callbacks[type] = callback as (...args: never[]) => unknown;
  }
  resolveFunction(options.onUnhandled, "onUnhandled");
  resolveFunction(options.onError, "onError");
  return callbacks;
}

function resolveFunction<Value>(value: Value, name: string): Value | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") {
    throw new TypeError(
      `${name} must be a function, but it is ${typeof value}.`,
    );
  }
  return value;
}

function resolveNumber(
  value: number | undefined,
  fallback: number,
  name: string,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new TypeError(
      `${name} must be a finite number of at least ${min}, but it is ${String(value)}.`,
    );
  }
  return value;
}
