import {
  createClerkWebhookHandler,
  createUserSync,
  type ClerkWebhookHandler,
} from "dropsync/webhooks";
import { getDatabase } from "@/lib/db";
import { loadSettings } from "@/lib/settings";
import { sqliteIdempotencyStore } from "@/lib/sqlite-idempotency-store";
import { sqliteUserStore } from "@/lib/sqlite-user-store";

let handler: ClerkWebhookHandler | undefined;

// Built on the first request, because the signing secret and the database
// come from the running server's environment, not from `next build`.
function getHandler(): ClerkWebhookHandler {
  if (!handler) {
    const db = getDatabase();
    handler = createClerkWebhookHandler({
      secret: loadSettings().webhookSigningSecret,
      on: { ...createUserSync(sqliteUserStore(db)) },
      // Shared by every server process on this database, so a retried
      // delivery that another process already handled is skipped.
      idempotency: sqliteIdempotencyStore(db),
    });
  }
  return handler;
}

/**
 * Receives Clerk's webhook deliveries. This route must stay public in
 * clerkMiddleware (see proxy.ts): Clerk signs the body, it sends no session.
 */
function handleWebhook(request: Request): Promise<Response> {
  return getHandler()(request);
}

// Next.js responds to a method that the route does not export with its own 405,
// which has an empty body and no Allow header. Exporting the handler for the
// other methods gives the handler's 405 with `Allow: POST` and a JSON error.
// Next.js serves HEAD from GET.
export {
  handleWebhook as POST,
  handleWebhook as GET,
  handleWebhook as PUT,
  handleWebhook as PATCH,
  handleWebhook as DELETE,
};
