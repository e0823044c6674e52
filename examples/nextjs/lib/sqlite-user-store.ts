import type { ClerkUserRow, UserStore } from "dropsync/webhooks";
import type { Db } from "./db";

/**
 * Creates a dropsync {@link UserStore} over the `users` table. Each write is one
 * conditional upsert, so duplicate and out-of-order webhook deliveries
 * converge on the newest state:
 * - an upsert replaces the row only with a strictly newer `updated_at`, and
 *   clears `deleted_at`. A tombstone's `updated_at` is its `deleted_at`, so
 *   an older create or update never brings a deleted user back;
 * - a delete writes a tombstone (profile fields null) when its time is at or
 *   after the stored `updated_at`, also for an id never seen before.
 * - an upsert that loses still fills a missing `created_at` (a tombstone
 *   written before the create arrived), so the final row does not depend on
 *   the arrival order.
 */
export function sqliteUserStore(db: Db): UserStore {
  const upsert = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, username, image_url,
                        created_at, updated_at, deleted_at)
     VALUES (@id, @email, @firstName, @lastName, @username, @imageUrl,
             @createdAt, @updatedAt, NULL)
     ON CONFLICT (id) DO UPDATE SET
       email = excluded.email,
       first_name = excluded.first_name,
       last_name = excluded.last_name,
       username = excluded.username,
       image_url = excluded.image_url,
       created_at = COALESCE(excluded.created_at, users.created_at),
       updated_at = excluded.updated_at,
       deleted_at = NULL
     WHERE excluded.updated_at > users.updated_at`,
  );
  const fillCreatedAt = db.prepare(
    `UPDATE users SET created_at = @createdAt
     WHERE id = @id AND created_at IS NULL AND @createdAt IS NOT NULL`,
  );
  const tombstone = db.prepare(
    `INSERT INTO users (id, created_at, updated_at, deleted_at)
     VALUES (@id, NULL, @deletedAt, @deletedAt)
     ON CONFLICT (id) DO UPDATE SET
       email = NULL,
       first_name = NULL,
       last_name = NULL,
       username = NULL,
       image_url = NULL,
       updated_at = excluded.updated_at,
       deleted_at = excluded.deleted_at
     WHERE excluded.deleted_at >= users.updated_at`,
  );

  const upsertUser = db.transaction((row: ClerkUserRow): boolean => {
    if (upsert.run(row).changes > 0) return true;
    return fillCreatedAt.run(row).changes > 0;
  });

  return {
    upsertUser: (row) => upsertUser.immediate(row),
    deleteUser: (id, deletedAt) => tombstone.run({ id, deletedAt }).changes > 0,
  };
}
