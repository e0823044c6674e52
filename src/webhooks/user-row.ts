import type { UserJSON } from "@clerk/backend";
import {
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
  /** Clerk's `updated_at`, or `deletedAt` for a tombstone. */
  updatedAt: number;
  /** The `user.deleted` event timestamp, or null while the user exists. */
  deletedAt: number | null;
}

/**
 * Normalises a Clerk user payload (`user.created`, `user.updated`, or the
 * Backend API's user JSON) to a {@link ClerkUserRow}. SQL stores can call it
 * to map payloads to columns. Empty strings become null.
 *
 * The payload is checked at run time, because a signed body can still carry
 * values its type does not allow. `id` must be a non-empty string and
 * `updated_at` a non-negative integer of milliseconds. `created_at` must be
 * the same or null, and the text fields strings or null. A failed check throws a
 * `WebhookPayloadError` that names `source` (such as `user.created`),
 * the field and the value. The handler sends 400 `invalid_payload` for it.
 */
export function normalizeClerkUser(
  user: Pick<
    UserJSON,
    | "id"
    | "email_addresses"
    | "primary_email_address_id"
    | "first_name"
    | "last_name"
    | "username"
    | "image_url"
    | "created_at"
    | "updated_at"
  >,
  source = "Clerk user",
): ClerkUserRow {
  const data = requireObject(source, user);

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
    updatedAt: requireTime(source, data, "updated_at"),
    deletedAt: null,
  };
}
