import {
  memoryUserStore,
  type ClerkUserRow,
  type UserStore,
} from "dropsync/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteUserStore } from "../lib/sqlite-user-store";
import { createTempDatabase, type TempDatabase } from "./temp-database";

function row(id: string, version: number, createdAt = 1_000): ClerkUserRow {
  return {
    id,
    email: `${id}.v${version}@example.com`,
    firstName: `First${version}`,
    lastName: "Last",
    username: null,
    imageUrl: null,
    createdAt,
    updatedAt: createdAt + version * 10,
    deletedAt: null,
  };
}

type Step =
  | { kind: "upsert"; row: ClerkUserRow }
  | { kind: "delete"; id: string; deletedAt: number };

function apply(store: UserStore, step: Step) {
  return step.kind === "upsert"
    ? store.upsertUser(step.row)
    : store.deleteUser(step.id, step.deletedAt);
}

let temp: TempDatabase;

beforeEach(() => {
  temp = createTempDatabase();
});

afterEach(() => {
  temp.remove();
});

function storedRow(id: string) {
  const stored = temp.db.prepare("SELECT * FROM users WHERE id = ?").get(id) as
    Record<string, unknown> | undefined;
  if (!stored) return undefined;
  return {
    id: stored.id,
    email: stored.email,
    firstName: stored.first_name,
    lastName: stored.last_name,
    username: stored.username,
    imageUrl: stored.image_url,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
    deletedAt: stored.deleted_at,
  };
}

describe("sqliteUserStore", () => {
  it("inserts a new user", () => {
    const store = sqliteUserStore(temp.db);

    expect(store.upsertUser(row("user_a", 0))).toBe(true);
    expect(storedRow("user_a")).toEqual(row("user_a", 0));
  });

  it("newer update replaces the row", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 0));

    expect(store.upsertUser(row("user_a", 2))).toBe(true);
    expect(storedRow("user_a")).toEqual(row("user_a", 2));
  });

  it("older update changes nothing", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 2));

    expect(store.upsertUser(row("user_a", 1))).toBe(false);
    expect(storedRow("user_a")).toEqual(row("user_a", 2));
  });

  it("equal updated_at changes nothing", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 1));
    const same = { ...row("user_a", 1), firstName: "Other" };

    expect(store.upsertUser(same)).toBe(false);
    expect(storedRow("user_a")?.firstName).toBe("First1");
  });

  it("delete writes a tombstone", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 1));

    expect(store.deleteUser("user_a", 5_000)).toBe(true);
    expect(storedRow("user_a")).toEqual({
      id: "user_a",
      email: null,
      firstName: null,
      lastName: null,
      username: null,
      imageUrl: null,
      createdAt: 1_000,
      updatedAt: 5_000,
      deletedAt: 5_000,
    });
  });

  it("delete of unknown id", () => {
    const store = sqliteUserStore(temp.db);

    expect(store.deleteUser("user_new", 5_000)).toBe(true);
    expect(storedRow("user_new")?.createdAt).toBeNull();
    expect(storedRow("user_new")?.deletedAt).toBe(5_000);
  });

  it("late create fills created_at only", () => {
    const store = sqliteUserStore(temp.db);
    store.deleteUser("user_a", 5_000);

    expect(store.upsertUser(row("user_a", 0))).toBe(true);
    expect(storedRow("user_a")?.createdAt).toBe(1_000);
    expect(storedRow("user_a")?.deletedAt).toBe(5_000);
    expect(storedRow("user_a")?.email).toBeNull();
  });

  it("delete wins a tie", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 1));

    expect(store.deleteUser("user_a", row("user_a", 1).updatedAt)).toBe(true);
    expect(storedRow("user_a")?.deletedAt).toBe(1_010);
  });

  it("older delete changes nothing", () => {
    const store = sqliteUserStore(temp.db);
    store.upsertUser(row("user_a", 3));

    expect(store.deleteUser("user_a", 1_005)).toBe(false);
    expect(storedRow("user_a")?.deletedAt).toBeNull();
  });

  it("every order matches memoryUserStore", () => {
    const steps: Step[] = [
      { kind: "upsert", row: row("user_a", 0) },
      { kind: "upsert", row: row("user_a", 1) },
      { kind: "upsert", row: row("user_a", 2) },
      { kind: "delete", id: "user_a", deletedAt: 1_100 },
      { kind: "upsert", row: row("user_b", 0, 2_000) },
      { kind: "upsert", row: row("user_b", 1, 2_000) },
    ];
    const orders = permutations(steps.map((_, index) => index));

    for (const order of orders) {
      temp.db.exec("DELETE FROM users");
      const sqlite = sqliteUserStore(temp.db);
      const memory = memoryUserStore();
      for (const index of order) {
        // Each step runs twice, as a duplicate delivery would.
        apply(sqlite, steps[index]!);
        apply(sqlite, steps[index]!);
        apply(memory, steps[index]!);
      }
      for (const id of ["user_a", "user_b"]) {
        expect(storedRow(id), `${id} after ${order.join(",")}`).toEqual(
          memory.getUser(id),
        );
      }
    }
    expect(orders.length).toBe(720);
  });

  it("two connections share the ordering", () => {
    const first = sqliteUserStore(temp.db);
    const second = sqliteUserStore(temp.reopen());
    first.upsertUser(row("user_a", 2));

    expect(second.upsertUser(row("user_a", 1))).toBe(false);
    expect(storedRow("user_a")).toEqual(row("user_a", 2));
  });
});

describe("sqliteUserStore invalid rows", () => {
  it("text updatedAt is rejected", () => {
    const store = sqliteUserStore(temp.db);
    const invalid = { ...row("user_a", 0), updatedAt: "yesterday" as never };

    expect(() => store.upsertUser(invalid)).toThrow("CHECK constraint failed");
    expect(storedRow("user_a")).toBeUndefined();
  });

  it("empty id tombstone is rejected", () => {
    const store = sqliteUserStore(temp.db);

    expect(() => store.deleteUser("", 5_000)).toThrow(
      "CHECK constraint failed",
    );
    expect(temp.db.prepare("SELECT COUNT(*) FROM users").pluck().get()).toBe(0);
  });
});

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map(
      (rest) => [item, ...rest],
    ),
  );
}
