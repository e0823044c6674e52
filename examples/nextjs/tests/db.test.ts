import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countInvalidUsers, openDatabase } from "../lib/db";
import { createTempDatabase, type TempDatabase } from "./temp-database";

let temp: TempDatabase;

beforeEach(() => {
  temp = createTempDatabase();
});

afterEach(() => {
  temp.remove();
});

describe("openDatabase", () => {
  it("uses WAL mode", () => {
    expect(temp.db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("creates the users columns", () => {
    const columns = temp.db
      .prepare("SELECT name FROM pragma_table_info('users')")
      .pluck()
      .all();

    expect(columns).toEqual([
      "id",
      "email",
      "first_name",
      "last_name",
      "username",
      "image_url",
      "created_at",
      "updated_at",
      "deleted_at",
    ]);
  });

  it("creates the uploads columns", () => {
    const columns = temp.db
      .prepare("SELECT name FROM pragma_table_info('uploads')")
      .pluck()
      .all();

    expect(columns).toEqual([
      "key",
      "owner",
      "name",
      "size",
      "type",
      "url",
      "route",
      "uploaded_at",
    ]);
  });

  it("reopening keeps the data", () => {
    temp.db
      .prepare("INSERT INTO users (id, updated_at) VALUES ('user_a', 1)")
      .run();

    const count = temp.reopen().prepare("SELECT COUNT(*) FROM users").pluck();
    expect(count.get()).toBe(1);
  });

  it("newer schema is an error", () => {
    temp.db.pragma("user_version = 99");

    expect(() => openDatabase(temp.file)).toThrow(
      "The database schema is version 99, newer than this app (version 2).",
    );
  });
});

describe("users time checks", () => {
  it("text updated_at is rejected", () => {
    const insert = temp.db.prepare(
      "INSERT INTO users (id, updated_at) VALUES ('user_a', 'yesterday')",
    );

    expect(() => insert.run()).toThrow("CHECK constraint failed");
  });

  it("fractional created_at is rejected", () => {
    const insert = temp.db.prepare(
      "INSERT INTO users (id, created_at, updated_at) VALUES ('user_a', 1.5, 2)",
    );

    expect(() => insert.run()).toThrow("CHECK constraint failed");
  });

  it("null id is rejected", () => {
    const insert = temp.db.prepare(
      "INSERT INTO users (id, updated_at) VALUES (NULL, 1)",
    );

    expect(() => insert.run()).toThrow("NOT NULL constraint failed");
  });

  it("numeric text becomes integer", () => {
    temp.db
      .prepare("INSERT INTO users (id, updated_at) VALUES ('user_a', '42')")
      .run();

    const stored = temp.db
      .prepare("SELECT updated_at FROM users WHERE id = 'user_a'")
      .pluck()
      .get();
    expect(stored).toBe(42);
  });
});

describe("version 1 to 2 migration", () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dropsync-migration-"));
    file = path.join(dir, "app.db");
    const old = new Database(file);
    // The version 1 users table, with one valid and two invalid rows.
    old.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT,
        username TEXT, image_url TEXT, created_at INTEGER,
        updated_at INTEGER NOT NULL, deleted_at INTEGER
      );
      INSERT INTO users (id, email, created_at, updated_at)
        VALUES ('user_ok', 'ok@example.com', 1000, 2000);
      INSERT INTO users (id, email, created_at, updated_at)
        VALUES ('user_bad', 'bad@example.com', 1000, 'yesterday');
      INSERT INTO users (id, updated_at, deleted_at) VALUES (NULL, 5, 5);
    `);
    old.pragma("user_version = 1");
    old.close();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps valid rows", () => {
    const db = openDatabase(file);
    const rows = db.prepare("SELECT id, email, updated_at FROM users").all();
    db.close();

    expect(rows).toEqual([
      { id: "user_ok", email: "ok@example.com", updated_at: 2000 },
    ]);
  });

  it("moves invalid rows aside", () => {
    const db = openDatabase(file);
    const rows = db
      .prepare("SELECT id, updated_at FROM users_invalid ORDER BY id")
      .all();
    db.close();

    expect(rows).toEqual([
      { id: null, updated_at: 5 },
      { id: "user_bad", updated_at: "yesterday" },
    ]);
  });

  it("counts the moved rows", () => {
    const db = openDatabase(file);
    const count = countInvalidUsers(db);
    db.close();

    expect(count).toBe(2);
  });

  it("new database has none", () => {
    expect(countInvalidUsers(temp.db)).toBe(0);
  });

  it("adds the checks", () => {
    const db = openDatabase(file);
    const insert = db.prepare(
      "INSERT INTO users (id, updated_at) VALUES ('user_x', 'soon')",
    );

    expect(() => insert.run()).toThrow("CHECK constraint failed");
    db.close();
  });

  it("sets user_version 2", () => {
    const db = openDatabase(file);
    const version = db.pragma("user_version", { simple: true });
    db.close();

    expect(version).toBe(2);
  });
});
