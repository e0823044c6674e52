import type { IdempotencyClaim, IdempotencyStore } from "dropsync/webhooks";
import type { Db } from "./db";

/** How long a claim blocks other runs of a delivery id: 2 minutes. */
const LEASE_MS = 2 * 60_000;

/**
 * How long a processed delivery id is remembered: 3 days, longer than
 * Svix's retry schedule (about 28 hours from the first attempt).
 */
const RETENTION_MS = 3 * 24 * 60 * 60_000;

/**
 * Processed Svix delivery ids in the `webhook_deliveries` table, shared by
 * every server process on the same database, and kept across restarts.
 */
export function sqliteIdempotencyStore(
  db: Db,
  now: () => number = Date.now,
): IdempotencyStore {
  // Claims the id unless an unexpired claim or record already has it.
  const take = db.prepare(
    `INSERT INTO webhook_deliveries (id, state, expires_at)
     VALUES (@id, 'in_progress', @expiresAt)
     ON CONFLICT (id) DO UPDATE SET
       state = 'in_progress',
       expires_at = excluded.expires_at
     WHERE webhook_deliveries.expires_at <= @now`,
  );
  const readState = db.prepare(
    "SELECT state FROM webhook_deliveries WHERE id = ?",
  );
  const markProcessed = db.prepare(
    `UPDATE webhook_deliveries SET state = 'processed', expires_at = ?
     WHERE id = ?`,
  );
  const dropClaim = db.prepare(
    "DELETE FROM webhook_deliveries WHERE id = ? AND state = 'in_progress'",
  );
  const pruneExpired = db.prepare(
    "DELETE FROM webhook_deliveries WHERE expires_at <= ?",
  );
  let completions = 0;

  return {
    claim(id): IdempotencyClaim {
      const time = now();
      const claimed = take.run({ id, now: time, expiresAt: time + LEASE_MS });
      if (claimed.changes > 0) return "acquired";
      const row = readState.get(id) as { state: IdempotencyClaim } | undefined;
      return row?.state === "processed" ? "processed" : "in_progress";
    },
    complete(id) {
      markProcessed.run(now() + RETENTION_MS, id);
      // Expired rows are harmless but grow the table, so prune now and then.
      if (++completions % 500 === 0) pruneExpired.run(now());
    },
    release(id) {
      dropClaim.run(id);
    },
  };
}
