import type { Awaitable } from "./idempotency";
import type { ClerkUserRow } from "./user-row";

/**
 * Storage of users for {@link createUserSync}. Both writes must be
 * conditional and atomic per id (a single conditional upsert in SQL), because
 * Svix delivers at least once and in any order:
 * - `upsertUser(row)` inserts the row, or replaces the stored row only when
 *   `row.updatedAt` is strictly greater than the stored `updatedAt`, clearing
 *   `deletedAt`. A tombstone's `updatedAt` is its `deletedAt`, so an older
 *   create or update never brings a deleted user back.
 * - `deleteUser(id, deletedAt)` writes a tombstone, also for an unknown id:
 *   profile fields null, `createdAt` kept, and `updatedAt` and `deletedAt`
 *   set to `deletedAt`. It applies when `deletedAt` is greater than or equal
 *   to the stored `updatedAt`, so a delete wins a tie.
 * - An upsert that loses still fills a stored `createdAt` that is null (a
 *   tombstone written before the create arrived), so the final row does not
 *   depend on the arrival order.
 *
 * Both return whether they changed the store, and `void` counts as unknown.
 */
export interface UserStore {
  upsertUser(row: ClerkUserRow): Awaitable<boolean | void>;
  deleteUser(id: string, deletedAt: number): Awaitable<boolean | void>;
}

/** The in-memory {@link UserStore}, with reads for tests and prototypes. */
export interface MemoryUserStore extends UserStore {
  upsertUser(row: ClerkUserRow): boolean;
  deleteUser(id: string, deletedAt: number): boolean;
  /** Returns a copy of the stored row, tombstones included. */
  getUser(id: string): ClerkUserRow | undefined;
  /** Returns copies of all rows in insertion order, tombstones included. */
  listUsers(): ClerkUserRow[];
}

/** Creates an in-memory {@link UserStore} that follows the ordering contract. */
export function memoryUserStore(): MemoryUserStore {
  const rows = new Map<string, ClerkUserRow>();

  return {
    upsertUser(row) {
      const stored = rows.get(row.id);
      if (stored !== undefined && row.updatedAt <= stored.updatedAt) {
        if (stored.createdAt !== null || row.createdAt === null) return false;
        stored.createdAt = row.createdAt;
        return true;
      }
      rows.set(row.id, { ...row, deletedAt: null });
      return true;
    },
    deleteUser(id, deletedAt) {
      const stored = rows.get(id);
      if (stored !== undefined && deletedAt < stored.updatedAt) return false;
      rows.set(id, {
        id,
        email: null,
        firstName: null,
        lastName: null,
        username: null,
        imageUrl: null,
        createdAt: stored?.createdAt ?? null,
        updatedAt: deletedAt,
        deletedAt,
      });
      return true;
    },
    getUser(id) {
      const row = rows.get(id);
      return row === undefined ? undefined : { ...row };
    },
    listUsers() {
      return [...rows.values()].map((row) => ({ ...row }));
    },
  };
}
