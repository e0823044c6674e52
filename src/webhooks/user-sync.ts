import { eventTime } from "./event-time";
import type { ClerkWebhookEvent } from "./events";
import type { ClerkWebhookCallbacks, WebhookDelivery } from "./options";
import { requireId, requireObject } from "./user-payload";
import { normalizeClerkUser, type ClerkUserRow } from "./user-row";
import type { UserStore } from "./user-store";

/** The callbacks returned by {@link createUserSync}. */
export type UserSyncCallbacks = Required<
  Pick<ClerkWebhookCallbacks, "user.created" | "user.updated" | "user.deleted">
>;

/**
 * Normalises the user of a `user.created` or `user.updated` event. The row
 * version is `data.updated_at`, or the event time when the payload has none.
 */
function rowFromEvent(
  event: ClerkWebhookEvent<"user.created" | "user.updated">,
  delivery: WebhookDelivery | undefined,
): ClerkUserRow {
  const data = requireObject(event.type, event.data);
  const hasUpdatedAt =
    data.updated_at !== undefined && data.updated_at !== null;
  const fallbackUpdatedAt = hasUpdatedAt
    ? undefined
    : eventTime(event.type, event, delivery, ["data.updated_at", "timestamp"]);
  return normalizeClerkUser(event.data, event.type, fallbackUpdatedAt);
}

/**
 * Creates the `on` callbacks for `user.created`, `user.updated` and
 * `user.deleted` that keep `store` correct under duplicate and out-of-order
 * deliveries: `user.updated` for an unknown user creates it, and
 * `user.deleted` leaves a tombstone dated by the event timestamp. Spread the
 * result into `on`.
 *
 * The row version that orders upserts is `data.updated_at`. When a payload
 * has no `updated_at` (absent or null), it is the event's top-level
 * `timestamp`, and when that is missing too, the delivery's
 * `svix-timestamp`. A deletion is dated by `timestamp`, else by
 * `svix-timestamp`.
 *
 * A payload that cannot be stored (see {@link normalizeClerkUser}, a
 * `user.deleted` stub without a string `id`, or an event that has none of
 * these times) throws a `WebhookPayloadError` before the store is called, so
 * the handler sends 400 `invalid_payload` and nothing is written.
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
    "user.created": async (event, delivery) => {
      await store.upsertUser(rowFromEvent(event, delivery));
    },
    "user.updated": async (event, delivery) => {
      await store.upsertUser(rowFromEvent(event, delivery));
    },
    "user.deleted": async (event, delivery) => {
      const id = requireId(event.type, requireObject(event.type, event.data));
      // The attempt time is never earlier than the deletion, so a tombstone
      // dated by it still wins over every older create or update.
      const deletedAt = eventTime(event.type, event, delivery, ["timestamp"]);
      await store.deleteUser(id, deletedAt);
    },
  };
}
