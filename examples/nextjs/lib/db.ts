import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadSettings } from "./settings";

/** An open better-sqlite3 connection. */
export type Db = Database.Database;

/**
 * Schema versions, applied in order. `PRAGMA user_version` stores how many
 * have run, so a database created by an older version of the app is brought
 * up to date on start. Append new steps, and never edit a released one.
 * All times are Unix epoch milliseconds. `users.created_at` is null only
 * for the tombstone of a user whose creation was never received.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT,
    first_name TEXT,
    last_name TEXT,
    username TEXT,
    image_url TEXT,
    created_at INTEGER,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE TABLE uploads (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    type TEXT NOT NULL,
    url TEXT NOT NULL,
    route TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL
  );
  CREATE INDEX uploads_by_time ON uploads (uploaded_at DESC);
  CREATE INDEX uploads_by_owner ON uploads (owner);
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'processed')),
    expires_at INTEGER NOT NULL
  );
  `,
  // Version 2: CHECK constraints, so that a row with a missing id or a time
  // that is not integer milliseconds can never be stored (SQLite keeps text
  // such as "yesterday" in an INTEGER column and allows a NULL primary key).
  // Rows that break them move to users_invalid, unchanged, so none is lost.
  `
  CREATE TABLE users_checked (
    id TEXT PRIMARY KEY NOT NULL CHECK (typeof(id) = 'text' AND id <> ''),
    email TEXT,
    first_name TEXT,
    last_name TEXT,
    username TEXT,
    image_url TEXT,
    created_at INTEGER
      CHECK (created_at IS NULL
             OR (typeof(created_at) = 'integer' AND created_at >= 0)),
    updated_at INTEGER NOT NULL
      CHECK (typeof(updated_at) = 'integer' AND updated_at >= 0),
    deleted_at INTEGER
      CHECK (deleted_at IS NULL
             OR (typeof(deleted_at) = 'integer' AND deleted_at >= 0))
  );
  CREATE TABLE users_invalid AS SELECT * FROM users WHERE 0;
  INSERT INTO users_invalid SELECT * FROM users WHERE NOT (
    typeof(id) = 'text' AND id <> ''
    AND (created_at IS NULL
         OR (typeof(created_at) = 'integer' AND created_at >= 0))
    AND typeof(updated_at) = 'integer' AND updated_at >= 0
    AND (deleted_at IS NULL
         OR (typeof(deleted_at) = 'integer' AND deleted_at >= 0))
  );
  INSERT INTO users_checked
    SELECT * FROM users EXCEPT SELECT * FROM users_invalid;
  DROP TABLE users;
  ALTER TABLE users_checked RENAME TO users;
  `,
];

/**
 * Opens (and creates) the SQLite file at `file`, turns on WAL so readers do
 * not block the webhook writer, and applies pending migrations.
 */
export function openDatabase(file: string): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // In WAL mode NORMAL syncs at checkpoints instead of on every commit. A
  // commit survives a crash of the app, and only a power loss can drop the
  // last few. Svix redelivers any event that was not acknowledged.
  db.pragma("synchronous = NORMAL");
  // Another process (a second server, the load script) may hold the write
  // lock briefly. Wait for it instead of failing with SQLITE_BUSY.
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const upgrade = db.transaction(() => {
    const applied = db.pragma("user_version", { simple: true }) as number;
    if (applied > migrations.length) {
      throw new Error(
        `The database schema is version ${applied}, newer than this app ` +
          `(version ${migrations.length}). Use a newer app or another ` +
          "DATABASE_URL.",
      );
    }
    for (let version = applied; version < migrations.length; version++) {
      db.exec(migrations[version]!);
    }
    db.pragma(`user_version = ${migrations.length}`);
  });
  // IMMEDIATE takes the write lock before reading the version, so two
  // servers starting on the same file cannot both run a migration.
  upgrade.immediate();
}

/**
 * Counts the rows that schema version 2 moved to `users_invalid` because
 * they broke its checks (a missing id, a time that is not integer ms).
 */
export function countInvalidUsers(db: Db): number {
  return db
    .prepare("SELECT COUNT(*) FROM users_invalid")
    .pluck()
    .get() as number;
}

const cache = globalThis as typeof globalThis & {
  dropsyncExampleDb?: { file: string; db: Db };
};

/**
 * Returns the app's connection, opening it on first use. The connection is
 * kept on `globalThis` so that `next dev` reloads reuse it.
 */
export function getDatabase(): Db {
  const file = loadSettings().databasePath;
  if (cache.dropsyncExampleDb?.file !== file) {
    cache.dropsyncExampleDb?.db.close();
    cache.dropsyncExampleDb = { file, db: openDatabase(file) };
  }
  return cache.dropsyncExampleDb.db;
}
