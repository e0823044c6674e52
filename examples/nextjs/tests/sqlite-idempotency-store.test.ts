import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteIdempotencyStore } from "../lib/sqlite-idempotency-store";
import { createTempDatabase, type TempDatabase } from "./temp-database";

let temp: TempDatabase;
let now: number;
const clock = () => now;

beforeEach(() => {
  temp = createTempDatabase();
  now = 1_000_000;
});

afterEach(() => {
  temp.remove();
});

describe("sqliteIdempotencyStore", () => {
  it("first claim is acquired", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);

    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("claim while running is in_progress", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");

    expect(store.claim("msg_1")).toBe("in_progress");
  });

  it("claim after complete is processed", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");
    store.complete("msg_1");

    expect(store.claim("msg_1")).toBe("processed");
  });

  it("claim after release is acquired", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");
    store.release("msg_1");

    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("expired lease is acquired again", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");
    now += 2 * 60_000;

    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("processed id expires after 3 days", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");
    store.complete("msg_1");
    now += 3 * 24 * 60 * 60_000 - 1;
    expect(store.claim("msg_1")).toBe("processed");

    now += 1;
    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("second connection sees the claim", () => {
    const first = sqliteIdempotencyStore(temp.db, clock);
    const second = sqliteIdempotencyStore(temp.reopen(), clock);
    first.claim("msg_1");

    expect(second.claim("msg_1")).toBe("in_progress");
    first.complete("msg_1");
    expect(second.claim("msg_1")).toBe("processed");
  });

  it("release keeps a processed id", () => {
    const store = sqliteIdempotencyStore(temp.db, clock);
    store.claim("msg_1");
    store.complete("msg_1");
    store.release("msg_1");

    expect(store.claim("msg_1")).toBe("processed");
  });
});
