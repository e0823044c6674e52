import { webCryptoHmac as hmac } from "./crypto/web-hmac";
import { createHandler, type ClerkWebhookHandler } from "./handler";
import type { ClerkWebhookHandlerOptions } from "./options";

export * from "./exports";

/**
 * Creates a Fetch API handler for Clerk webhooks, usable directly as a
 * Next.js App Router route (`export const POST = handler`). It verifies the
 * Svix signature over the raw body bytes, rejects stale timestamps, skips
 * deliveries that were already processed, and passes the typed event to
 * `on[event.type]` or `onUnhandled`. It responds with:
 * - 200 when the event is handled;
 * - 400 for a bad request;
 * - 405 for a method other than POST;
 * - 409 while another process runs the same delivery;
 * - 413 for a body over `maxBodyBytes`;
 * - 500 for a callback failure or a missing secret.
 *
 * This build uses Web Crypto. Under the `node` export condition, a build with
 * `node:crypto` is used instead, which is faster in Node.
 *
 * @throws {TypeError} when an option is invalid, naming the option.
 */
export function createClerkWebhookHandler(
  options: ClerkWebhookHandlerOptions,
): ClerkWebhookHandler {
  return createHandler(options, hmac);
}
