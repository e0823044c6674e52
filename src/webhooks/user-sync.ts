import type { ClerkWebhookCallbacks } from "./options";
import { requireId, requireObject } from "./user-payload";
import { normalizeClerkUser } from "./user-row";
import type { UserStore } from "./user-store";

/** The callbacks returned by {@link createUserSync}. */
export type UserSyncCallbacks = Required<
  Pick<ClerkWebhookCallbacks, "user.created" | "user.updated" | "user.deleted">
>;

/**
 * Creates the `on` callbacks for `user.created`, `user.updated` and
 * `user.deleted` that keep `store` correct under duplicate and out-of-order
 * deliveries: `user.updated` for an unknown user creates it, and
 * `user.deleted` leaves a tombstone dated by the event timestamp. Spread the
 * result into `on`.
 *
 * A payload that cannot be stored (see {@link normalizeClerkUser}, and a
 * `user.deleted` stub without a string `id`) throws a `WebhookPayloadError`
 * before the store is called, so the handler sends 400 `invalid_payload`
 * and nothing is written.
 */
export function createUserSync(store: UserStore): UserSyncCallbacks {
  if (
    typeof store?.upsertUser !== "function" ||
    typeof store.deleteUser !== "function"
  ) {
    throw new TypeError(
      "createUserSync expects a store with upsertUser(row) and deleteUser(id, deletedAt) methods, such as memoryUserStore().",
    );
  }

  return {
    "user.created": async (event) => {
      await store.upsertUser(normalizeClerkUser(event.data, event.type));
    },
    "user.updated": async (event) => {
      await store.upsertUser(normalizeClerkUser(event.data, event.type));
    },
    "user.deleted": async (event, delivery) => {
      const id = requireId(event.type, requireObject(event.type, event.data));
      // Clerk always sends the event timestamp. The attempt time is a
      // fallback that is never earlier than the deletion.
      const deletedAt =
        Number.isSafeInteger(event.timestamp) && event.timestamp >= 0
          ? event.timestamp
          : delivery.timestamp;
      await store.deleteUser(id, deletedAt);
    },
  };
}
