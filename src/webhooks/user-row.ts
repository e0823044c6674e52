import type { UserJSON } from "@clerk/backend";
import {
  isEpochMilliseconds,
  optionalString,
  optionalTime,
  primaryEntryValue,
  requireId,
  requireObject,
  requireTime,
} from "./user-payload";

/**
 * A user as an app stores it. All times are milliseconds since the epoch.
 * `updatedAt` is the row version: an upsert applies only with a strictly
 * greater one, and a tombstone sets it to `deletedAt`.
 */
export interface ClerkUserRow {
  /** The Clerk user id, `user_…`. */
  id: string;
  /**
   * The primary email address, or null (phone-only users, tombstones). The
   * row has no phone number, so a phone-only user is known by `id` alone.
   */
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** Clerk's image URL, a generated avatar when the user has no photo. */
  imageUrl: string | null;
  /** Clerk's `created_at`; null for a tombstone of a never-seen user. */
  createdAt: number | null;
  /**
   * The row version: Clerk's `updated_at`, or the event time when the
   * payload has none (see `createUserSync`), or `deletedAt` for a tombstone.
   */
  updatedAt: number;
  /** The `user.deleted` event time (see `createUserSync`), or null while the user exists. */
  deletedAt: number | null;
}

/** The fields of a Clerk user payload that {@link normalizeClerkUser} reads. */
export type ClerkUserPayload = Pick<
  UserJSON,
  | "id"
  | "email_addresses"
  | "primary_email_address_id"
  | "first_name"
  | "last_name"
  | "username"
  | "image_url"
  | "created_at"
> & {
  /** Milliseconds since the epoch. Some senders leave it out or send null. */
  updated_at?: number | null;
};

/**
 * Normalises a Clerk user payload (`user.created`, `user.updated`, or the
 * Backend API's user JSON) to a {@link ClerkUserRow}. SQL stores can call it
 * to map payloads to columns. Empty strings become null.
 *
 * The payload is checked at run time, because a signed body can still carry
 * values its type does not allow. `id` must be a non-empty string and
 * `updated_at` a non-negative integer of milliseconds. When `updated_at` is
 * absent or null, `fallbackUpdatedAt` (milliseconds, such as the event
 * timestamp) is the row version, and without it the check fails.
 * `created_at` must be a time or null, and the text fields strings or null. A
 * failed check throws a `WebhookPayloadError` that names `source` (such as
 * `user.created`), the field and the value. The handler sends 400
 * `invalid_payload` for it.
 *
 * @throws TypeError when `fallbackUpdatedAt` is given but is not a
 *   non-negative integer.
 */
export function normalizeClerkUser(
  user: ClerkUserPayload,
  source = "Clerk user",
  fallbackUpdatedAt?: number,
): ClerkUserRow {
  if (
    fallbackUpdatedAt !== undefined &&
    !isEpochMilliseconds(fallbackUpdatedAt)
  ) {
    throw new TypeError(
      `normalizeClerkUser: fallbackUpdatedAt must be a non-negative integer of milliseconds since the epoch, not ${String(fallbackUpdatedAt)}.`,
    );
  }
  const data = requireObject(source, user);
  const updatedAt =
    optionalTime(source, data, "updated_at") ??
    fallbackUpdatedAt ??
    requireTime(source, data, "updated_at");

  return {
    id: requireId(source, data),
    email: primaryEntryValue(
      source,
      data,
      "email_addresses",
      "primary_email_address_id",
      "email_address",
    ),
    firstName: optionalString(source, data, "first_name"),
    lastName: optionalString(source, data, "last_name"),
    username: optionalString(source, data, "username"),
    imageUrl: optionalString(source, data, "image_url"),
    createdAt: optionalTime(source, data, "created_at"),
    updatedAt,
    deletedAt: null,
  };
}
