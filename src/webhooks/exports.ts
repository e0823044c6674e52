// The exports that the neutral and the Node build of dropsync/webhooks share.
// Each build adds its own createClerkWebhookHandler.
export * from "./errors";
export {
  clerkWebhookEventTypes,
  isClerkWebhookEventType,
  type ClerkDeletedObjectJSON,
  type ClerkDeletedUserJSON,
  type ClerkWebhookEvent,
  type ClerkWebhookEventAttributes,
  type ClerkWebhookEventType,
  type ClerkWebhookPayloads,
  type UnknownClerkWebhookEvent,
} from "./events";
export type { ClerkWebhookHandler } from "./handler";
export {
  memoryIdempotencyStore,
  type Awaitable,
  type IdempotencyClaim,
  type IdempotencyStore,
  type MemoryIdempotencyStoreOptions,
} from "./idempotency";
export {
  toNodeHandler,
  type NodeHandlerOptions,
  type NodeRequestLike,
  type NodeRequestListener,
  type NodeResponseLike,
} from "./node-adapter";
export type {
  ClerkWebhookCallback,
  ClerkWebhookCallbacks,
  ClerkWebhookHandlerOptions,
  WebhookDelivery,
  WebhookErrorContext,
  WebhookLogFields,
  WebhookLogger,
} from "./options";
export {
  normalizeClerkUser,
  type ClerkUserPayload,
  type ClerkUserRow,
} from "./user-row";
export {
  memoryUserStore,
  type MemoryUserStore,
  type UserStore,
} from "./user-store";
export { createUserSync, type UserSyncCallbacks } from "./user-sync";
