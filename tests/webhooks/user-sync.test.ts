import { describe, expect, it } from "vitest";
import {
  createUserSync,
  memoryUserStore,
  normalizeClerkUser,
  type ClerkWebhookEvent,
} from "../../src/webhooks/index";
import {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkUser,
} from "../../src/testing/webhooks/index";
import { createTestHandler, builds, signedRequest } from "./support";

const userId = "user_29w83sxmDNGwOuEthce5gg56FcC";
const createdAt = 1_654_012_591_514;

function userEvent(
  type: "user.created" | "user.updated",
  updatedAt: number,
  firstName: string,
): ClerkWebhookEvent<typeof type> {
  const user = buildClerkUser({
    id: userId,
    first_name: firstName,
    created_at: createdAt,
    updated_at: updatedAt,
  });
  return buildClerkEvent(type, user, { timestamp: updatedAt });
}

function deletedEvent(timestamp: number) {
  return buildClerkEvent(
    "user.deleted",
    buildClerkDeletedObject("user", userId),
    { timestamp },
  );
}

const delivery = { id: "msg_1", timestamp: 0 };

/** Applies events through the sync callbacks in the given order. */
async function applyInOrder(
  events: ClerkWebhookEvent<"user.created" | "user.updated" | "user.deleted">[],
) {
  const store = memoryUserStore();
  const sync = createUserSync(store);
  for (const event of events) {
    if (event.type === "user.deleted")
      await sync["user.deleted"](event, delivery);
    else if (event.type === "user.created") {
      await sync["user.created"](event, delivery);
    } else await sync["user.updated"](event, delivery);
  }
  return store;
}

function permutations<Item>(items: Item[]): Item[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map(
      (rest) => [item, ...rest],
    ),
  );
}

describe("normalizeClerkUser", () => {
  it("maps Clerk user JSON to row", () => {
    const user = buildClerkUser({
      id: userId,
      username: "",
      created_at: createdAt,
      updated_at: createdAt + 1,
    });

    expect(normalizeClerkUser(user)).toEqual({
      id: userId,
      email: "example@example.org",
      firstName: "Example",
      lastName: "Example",
      username: null,
      imageUrl: "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
      createdAt,
      updatedAt: createdAt + 1,
      deletedAt: null,
    });
  });

  it("picks the primary email, not the first", () => {
    const user = buildClerkUser();
    const primary = user.email_addresses[0]!;
    user.email_addresses = [
      { ...primary, id: "idn_other", email_address: "old@example.org" },
      primary,
    ];

    expect(normalizeClerkUser(user).email).toBe("example@example.org");
  });

  it("phone-only user has null email", () => {
    const user = buildClerkUser({
      email_addresses: [],
      primary_email_address_id: null,
    });

    expect(normalizeClerkUser(user).email).toBeNull();
  });
});

describe("createUserSync ordering", () => {
  it("older update never overwrites newer", async () => {
    const store = await applyInOrder([
      userEvent("user.updated", createdAt + 200, "New"),
      userEvent("user.updated", createdAt + 100, "Old"),
    ]);

    expect(store.getUser(userId)?.firstName).toBe("New");
  });

  it("update for unknown user creates it", async () => {
    const store = await applyInOrder([
      userEvent("user.updated", createdAt + 100, "Late"),
    ]);

    expect(store.getUser(userId)?.firstName).toBe("Late");
  });

  it("delete leaves tombstone dated by event", async () => {
    const store = await applyInOrder([
      userEvent("user.created", createdAt, "Ada"),
      deletedEvent(createdAt + 500),
    ]);

    expect(store.getUser(userId)).toEqual({
      id: userId,
      email: null,
      firstName: null,
      lastName: null,
      username: null,
      imageUrl: null,
      createdAt,
      updatedAt: createdAt + 500,
      deletedAt: createdAt + 500,
    });
  });

  it("late create does not resurrect user", async () => {
    const store = await applyInOrder([
      deletedEvent(createdAt + 500),
      userEvent("user.created", createdAt, "Ada"),
    ]);

    expect(store.getUser(userId)?.deletedAt).toBe(createdAt + 500);
    expect(store.getUser(userId)?.firstName).toBeNull();
  });

  it("newer update than tombstone restores user", async () => {
    const store = await applyInOrder([
      deletedEvent(createdAt + 500),
      userEvent("user.updated", createdAt + 600, "Back"),
    ]);

    expect(store.getUser(userId)?.deletedAt).toBeNull();
    expect(store.getUser(userId)?.firstName).toBe("Back");
  });

  it("delete wins a timestamp tie", async () => {
    const store = await applyInOrder([
      userEvent("user.updated", createdAt + 500, "Tie"),
      deletedEvent(createdAt + 500),
    ]);

    expect(store.getUser(userId)?.deletedAt).toBe(createdAt + 500);
  });

  it("every arrival order converges", async () => {
    const events = [
      userEvent("user.created", createdAt, "Ada"),
      userEvent("user.updated", createdAt + 100, "Ada L."),
      deletedEvent(createdAt + 500),
      // A duplicate delivery of the update.
      userEvent("user.updated", createdAt + 100, "Ada L."),
    ];
    const finalRows = new Set<string>();
    for (const order of permutations(events)) {
      const store = await applyInOrder(order);
      finalRows.add(JSON.stringify(store.getUser(userId)));
    }

    expect([...finalRows]).toEqual([
      JSON.stringify({
        id: userId,
        email: null,
        firstName: null,
        lastName: null,
        username: null,
        imageUrl: null,
        createdAt,
        updatedAt: createdAt + 500,
        deletedAt: createdAt + 500,
      }),
    ]);
  });

  it("invalid store throws TypeError", () => {
    expect(() => createUserSync({} as never)).toThrow(TypeError);
  });
});

for (const build of builds) {
  describe(`user sync through handler (${build.name})`, () => {
    it("signed user.created lands in store", async () => {
      const store = memoryUserStore();
      const { handler } = createTestHandler(build.module, {
        on: { ...createUserSync(store) },
      });
      const event = userEvent("user.created", createdAt, "Ada");
      const response = await handler(signedRequest(JSON.stringify(event)));

      expect(response.status).toBe(200);
      expect(store.listUsers().map((row) => row.firstName)).toEqual(["Ada"]);
    });
  });
}
