import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../lib/db";
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
      "The database schema is version 99, newer than this app (version 1).",
    );
  });
});
