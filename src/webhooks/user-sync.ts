import type { ClerkWebhookCallbacks } from "./options";
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
      await store.upsertUser(normalizeClerkUser(event.data));
    },
    "user.updated": async (event) => {
      await store.upsertUser(normalizeClerkUser(event.data));
    },
    "user.deleted": async (event, delivery) => {
      // Clerk always sends the event timestamp; the attempt time is a
      // fallback that is never earlier than the deletion.
      const deletedAt =
        typeof event.timestamp === "number"
          ? event.timestamp
          : delivery.timestamp;
      await store.deleteUser(event.data.id, deletedAt);
    },
  };
}
