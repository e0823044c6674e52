import { describe, expect, it } from "vitest";
import {
  memoryIdempotencyStore,
  type IdempotencyStore,
} from "../../src/webhooks/index";
import {
  builds,
  createTestHandler,
  signedRequest,
  userCreatedBody,
} from "./support";

for (const build of builds) {
  describe(`delivery idempotency (${build.name})`, () => {
    it("concurrent duplicates run callback once", async () => {
      let calls = 0;
      const { handler } = createTestHandler(build.module, {
        on: {
          "user.created": async () => {
            calls++;
            await new Promise((resolve) => setTimeout(resolve, 20));
          },
        },
      });
      const body = userCreatedBody();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => handler(signedRequest(body))),
      );

      expect(calls).toBe(1);
      expect(responses.map((response) => response.status)).toEqual(
        Array(8).fill(200),
      );
    });

    it("failed callback runs again on retry", async () => {
      let calls = 0;
      const { handler } = createTestHandler(build.module, {
        on: {
          "user.created": () => {
            calls++;
            if (calls === 1) throw new Error("database is locked");
          },
        },
      });
      const body = userCreatedBody();
      const first = await handler(signedRequest(body));
      const retry = await handler(signedRequest(body));
      const duplicate = await handler(signedRequest(body));

      expect(first.status).toBe(500);
      expect(retry.status).toBe(200);
      expect(duplicate.status).toBe(200);
      expect(calls).toBe(2);
    });

    it("concurrent duplicate retries after failure", async () => {
      let calls = 0;
      const { handler } = createTestHandler(build.module, {
        on: {
          "user.created": async () => {
            calls++;
            await new Promise((resolve) => setTimeout(resolve, 10));
            if (calls === 1) throw new Error("timeout");
          },
        },
      });
      const body = userCreatedBody();
      const [first, second] = await Promise.all([
        handler(signedRequest(body)),
        handler(signedRequest(body)),
      ]);

      // Either request may claim the id first. The one that runs the failing
      // call gets 500, and the waiting duplicate then runs it again.
      const statuses = [first.status, second.status].sort();

      expect(statuses).toEqual([200, 500]);
      expect(calls).toBe(2);
    });

    it("claim held elsewhere returns 409", async () => {
      const store: IdempotencyStore = {
        claim: () => "in_progress",
        complete: () => {},
        release: () => {},
      };
      const { handler } = createTestHandler(build.module, {
        idempotency: store,
      });
      const response = await handler(signedRequest(userCreatedBody()));

      expect(response.status).toBe(409);
    });

    it("failing store returns 500", async () => {
      const store: IdempotencyStore = {
        claim: async () => {
          throw new Error("redis down");
        },
        complete: () => {},
        release: () => {},
      };
      const { handler, errors } = createTestHandler(build.module, {
        idempotency: store,
      });
      const response = await handler(signedRequest(userCreatedBody()));

      expect(response.status).toBe(500);
      expect(errors).toEqual([
        { code: "idempotency_store_failed", status: 500 },
      ]);
    });

    it("disabled idempotency runs every duplicate", async () => {
      let calls = 0;
      const { handler } = createTestHandler(build.module, {
        idempotency: false,
        on: { "user.created": () => void calls++ },
      });
      const body = userCreatedBody();
      await handler(signedRequest(body));
      await handler(signedRequest(body));

      expect(calls).toBe(2);
    });
  });
}

describe("memoryIdempotencyStore", () => {
  it("claim after complete returns processed", () => {
    const store = memoryIdempotencyStore();
    store.claim("msg_1");
    store.complete("msg_1");

    expect(store.claim("msg_1")).toBe("processed");
  });

  it("claim during run returns in_progress", () => {
    const store = memoryIdempotencyStore();
    store.claim("msg_1");

    expect(store.claim("msg_1")).toBe("in_progress");
  });

  it("expired lease can be claimed", () => {
    let now = 0;
    const store = memoryIdempotencyStore({ leaseMs: 1000, now: () => now });
    store.claim("msg_1");
    now = 1001;

    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("processed id expires after maxAgeMs", () => {
    let now = 0;
    const store = memoryIdempotencyStore({ maxAgeMs: 5000, now: () => now });
    store.claim("msg_1");
    store.complete("msg_1");
    now = 5001;

    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("oldest ids are dropped beyond maxEntries", () => {
    const store = memoryIdempotencyStore({ maxEntries: 4 });
    for (const id of ["msg_1", "msg_2", "msg_3", "msg_4", "msg_5"]) {
      store.claim(id);
      store.complete(id);
    }

    expect(store.claim("msg_5")).toBe("processed");
    expect(store.claim("msg_4")).toBe("processed");
    expect(store.claim("msg_1")).toBe("acquired");
  });

  it("invalid maxEntries throws TypeError", () => {
    expect(() => memoryIdempotencyStore({ maxEntries: 0 })).toThrow(
      "maxEntries must be a positive finite number, but it is 0.",
    );
  });
});
