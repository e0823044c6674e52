import type { Db } from "./db";

/** A user as stored in the `users` table; times in epoch milliseconds. */
export interface UserRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string | null;
  /** Null only for the tombstone of a user whose creation never arrived. */
  created_at: number | null;
  updated_at: number;
  deleted_at: number | null;
}

/** Lists users: live ones first, then deleted, each newest change first. */
export function listUsers(db: Db): UserRow[] {
  return db
    .prepare(
      `SELECT * FROM users
       ORDER BY deleted_at IS NOT NULL, COALESCE(deleted_at, updated_at) DESC, id`,
    )
    .all() as UserRow[];
}

/** Counts live and deleted users. */
export function countUsers(db: Db): { live: number; deleted: number } {
  return db
    .prepare(
      `SELECT COUNT(*) FILTER (WHERE deleted_at IS NULL) AS live,
              COUNT(*) FILTER (WHERE deleted_at IS NOT NULL) AS deleted
       FROM users`,
    )
    .get() as { live: number; deleted: number };
}
