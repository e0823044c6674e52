/** A value, or a promise of it, so that a store may be sync or async. */
export type Awaitable<Value> = Value | Promise<Value>;

/**
 * The result of {@link IdempotencyStore.claim}:
 * - `"acquired"`: the caller now owns the delivery id and must run it, then
 *   call `complete` on success or `release` on failure;
 * - `"processed"`: a run already succeeded, so the delivery is a duplicate;
 * - `"in_progress"`: another run has an unexpired claim.
 */
export type IdempotencyClaim = "acquired" | "processed" | "in_progress";

/**
 * A record of processed Svix delivery ids (the `svix-id` header). Back it
 * with Redis or SQL to share it between processes. Each method must be
 * atomic per id: `claim` is a compare-and-set, such as Redis
 * `SET key "in_progress" NX PX leaseMs` or an SQL insert that fails on an
 * existing unexpired row.
 */
export interface IdempotencyStore {
  /**
   * Claims `id` for one run. A claim must expire after a lease (one to a few
   * minutes) so that a crashed process does not block the id forever.
   */
  claim(id: string): Awaitable<IdempotencyClaim>;
  /** Records `id` as processed after a successful run. */
  complete(id: string): Awaitable<void>;
  /** Drops the claim on `id` after a failed run, so that a retry runs again. */
  release(id: string): Awaitable<void>;
}

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * Max number of ids kept. Default 10 000. Ids are dropped oldest first in
   * batches, so at least the most recent half of this number is kept.
   */
  maxEntries?: number;
  /** How long a processed id is remembered, in milliseconds. Default 24 h. */
  maxAgeMs?: number;
  /** How long a claim blocks other runs of the id, in milliseconds. Default 5 min. */
  leaseMs?: number;
  /** Clock in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

type MemoryEntry = { state: "in_progress" | "processed"; expiresAt: number };

/**
 * Creates an in-memory {@link IdempotencyStore}, bounded in size and age. It
 * only deduplicates within one process: use a shared store when several
 * instances receive webhooks.
 */
export function memoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore {
  const maxEntries = positiveOption(options.maxEntries, 10_000, "maxEntries");
  const maxAgeMs = positiveOption(options.maxAgeMs, 86_400_000, "maxAgeMs");
  const leaseMs = positiveOption(options.leaseMs, 300_000, "leaseMs");
  const now = options.now ?? Date.now;
  // Two generations: when the newer one contains half of maxEntries, it becomes
  // the older one and the previous older one is dropped whole. This bounds
  // the size in O(1) per write, where evicting single Map keys in insertion
  // order gets slow in V8 once many keys were deleted.
  const generationSize = Math.max(1, Math.floor(maxEntries / 2));
  let newer = new Map<string, MemoryEntry>();
  let older = new Map<string, MemoryEntry>();

  function get(id: string): MemoryEntry | undefined {
    return newer.get(id) ?? older.get(id);
  }

  function set(id: string, entry: MemoryEntry): void {
    older.delete(id);
    newer.set(id, entry);
    if (newer.size >= generationSize) {
      older = newer;
      newer = new Map();
    }
  }

  return {
    claim(id) {
      const entry = get(id);
      if (entry !== undefined && entry.expiresAt > now()) return entry.state;
      set(id, { state: "in_progress", expiresAt: now() + leaseMs });
      return "acquired";
    },
    complete(id) {
      set(id, { state: "processed", expiresAt: now() + maxAgeMs });
    },
    release(id) {
      newer.delete(id);
      older.delete(id);
    },
  };
}

function positiveOption(
  value: number | undefined,
  fallback: number,
  name: string,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `${name} must be a positive finite number, but it is ${String(value)}.`,
    );
  }
  return value;
}
