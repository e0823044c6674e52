import type { UserJSON } from "@clerk/backend";

/**
 * A user as an app stores it. All times are milliseconds since the epoch.
 * `updatedAt` is the row version: an upsert applies only with a strictly
 * greater one, and a tombstone sets it to `deletedAt`.
 */
export interface ClerkUserRow {
  /** The Clerk user id, `user_…`. */
  id: string;
  /** The primary email address, or null (phone-only users, tombstones). */
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
): ClerkUserRow {
  const primaryEmail = user.email_addresses?.find(
    (address) => address.id === user.primary_email_address_id,
  );

  return {
    id: user.id,
    email: emptyToNull(primaryEmail?.email_address),
    firstName: emptyToNull(user.first_name),
    lastName: emptyToNull(user.last_name),
    username: emptyToNull(user.username),
    imageUrl: emptyToNull(user.image_url),
    createdAt: user.created_at,
    updatedAt: user.updated_at,
    deletedAt: null,
  };
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === "" ? null : value;
}
