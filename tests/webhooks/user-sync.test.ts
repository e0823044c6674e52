import { describe, expect, it } from "vitest";
import {
  WebhookPayloadError,
  createUserSync,
  isWebhookPayloadError,
  memoryUserStore,
  normalizeClerkUser,
  type ClerkWebhookEvent,
} from "../../src/webhooks/index";
import {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkUser,
} from "../../src/testing/webhooks/index";
import { createTestHandler, builds, nowMs, signedRequest } from "./support";

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

describe("normalizeClerkUser invalid payloads", () => {
  const cases: {
    name: string;
    fields: Record<string, unknown>;
    field: string;
  }[] = [
    { name: "id missing", fields: { id: undefined }, field: "data.id" },
    { name: "id empty", fields: { id: "" }, field: "data.id" },
    { name: "id number", fields: { id: 42 }, field: "data.id" },
    {
      name: "updated_at text",
      fields: { updated_at: "yesterday" },
      field: "data.updated_at",
    },
    {
      name: "updated_at missing",
      fields: { updated_at: undefined },
      field: "data.updated_at",
    },
    {
      name: "updated_at null",
      fields: { updated_at: null },
      field: "data.updated_at",
    },
    {
      name: "updated_at fraction",
      fields: { updated_at: 1.5 },
      field: "data.updated_at",
    },
    {
      name: "updated_at negative",
      fields: { updated_at: -1 },
      field: "data.updated_at",
    },
    {
      name: "updated_at unsafe integer",
      fields: { updated_at: 2 ** 60 },
      field: "data.updated_at",
    },
    {
      name: "created_at text",
      fields: { created_at: "2024-01-01" },
      field: "data.created_at",
    },
    {
      name: "first_name number",
      fields: { first_name: 7 },
      field: "data.first_name",
    },
    {
      name: "image_url object",
      fields: { image_url: {} },
      field: "data.image_url",
    },
    {
      name: "email_addresses not array",
      fields: { email_addresses: "a@example.org" },
      field: "data.email_addresses",
    },
  ];

  for (const { name, fields, field } of cases) {
    it(`rejects ${name}`, () => {
      const user = { ...buildClerkUser(), ...fields };
      let thrown: unknown;
      try {
        normalizeClerkUser(user as never, "user.created");
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(WebhookPayloadError);
      expect((thrown as Error).message).toContain(
        `Invalid user.created payload: ${field} is `,
      );
    });
  }

  it("message shows the value", () => {
    const user = { ...buildClerkUser(), updated_at: "yesterday" };

    expect(() => normalizeClerkUser(user as never, "user.updated")).toThrow(
      'Invalid user.updated payload: data.updated_at is "yesterday", expected a non-negative integer of milliseconds since the epoch.',
    );
  });

  it("rejects null data", () => {
    expect(() => normalizeClerkUser(null as never)).toThrow(
      "Invalid Clerk user payload: data is null, expected a JSON object.",
    );
  });

  it("rejects non-string primary email", () => {
    const user = buildClerkUser();
    (
      user.email_addresses[0] as unknown as Record<string, unknown>
    ).email_address = 5;

    expect(() => normalizeClerkUser(user)).toThrow(
      "data.email_addresses[0].email_address is 5",
    );
  });

  it("accepts null created_at", () => {
    const user = { ...buildClerkUser(), created_at: null };

    expect(normalizeClerkUser(user as never).createdAt).toBeNull();
  });

  it("accepts absent profile fields", () => {
    const user = { id: userId, updated_at: createdAt };

    expect(normalizeClerkUser(user as never)).toEqual({
      id: userId,
      email: null,
      firstName: null,
      lastName: null,
      username: null,
      imageUrl: null,
      createdAt: null,
      updatedAt: createdAt,
      deletedAt: null,
    });
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

/** Builds a user event with fields set or removed, as some senders send it. */
function eventWithout<Type extends "user.created" | "user.updated">(
  type: Type,
  firstName: string,
  missing: { updatedAt?: unknown; timestamp?: unknown },
) {
  const event = userEvent(type, 0, firstName) as unknown as {
    data: Record<string, unknown>;
    timestamp?: unknown;
  };
  if ("updatedAt" in missing) event.data.updated_at = missing.updatedAt;
  if ("timestamp" in missing) event.timestamp = missing.timestamp;
  return event as unknown as ClerkWebhookEvent<Type>;
}

async function thrownBy(promise: unknown): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("createUserSync row version", () => {
  it("missing updated_at uses event timestamp", async () => {
    const store = memoryUserStore();
    const event = eventWithout("user.created", "Ada", {
      updatedAt: undefined,
      timestamp: createdAt + 50,
    });
    await createUserSync(store)["user.created"](event, delivery);

    expect(store.getUser(userId)?.firstName).toBe("Ada");
    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 50);
  });

  it("null updated_at uses event timestamp", async () => {
    const store = memoryUserStore();
    const event = eventWithout("user.updated", "Ada", {
      updatedAt: null,
      timestamp: createdAt + 70,
    });
    await createUserSync(store)["user.updated"](event, delivery);

    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 70);
  });

  it("missing both times uses svix-timestamp", async () => {
    const store = memoryUserStore();
    const event = eventWithout("user.updated", "Ada", {
      updatedAt: undefined,
      timestamp: undefined,
    });
    await createUserSync(store)["user.updated"](event, {
      id: "msg_1",
      timestamp: createdAt + 90_000,
    });

    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 90_000);
  });

  it("newer timestamp replaces older updated_at", async () => {
    const store = await applyInOrder([
      userEvent("user.updated", createdAt + 100, "Old"),
      eventWithout("user.updated", "New", {
        updatedAt: undefined,
        timestamp: createdAt + 200,
      }),
    ]);

    expect(store.getUser(userId)?.firstName).toBe("New");
    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 200);
  });

  it("older timestamp loses to newer updated_at", async () => {
    const store = await applyInOrder([
      userEvent("user.updated", createdAt + 200, "New"),
      eventWithout("user.updated", "Old", {
        updatedAt: null,
        timestamp: createdAt + 100,
      }),
    ]);

    expect(store.getUser(userId)?.firstName).toBe("New");
    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 200);
  });

  it("updated_at wins over event timestamp", async () => {
    const store = memoryUserStore();
    const event = userEvent(
      "user.updated",
      createdAt + 100,
      "Ada",
    ) as ClerkWebhookEvent<"user.updated">;
    event.timestamp = createdAt + 900;
    await createUserSync(store)["user.updated"](event, delivery);

    expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 100);
  });

  it("missing both without delivery throws", async () => {
    const store = memoryUserStore();
    const event = eventWithout("user.created", "Ada", {
      updatedAt: undefined,
      timestamp: undefined,
    });
    const error = await thrownBy(
      createUserSync(store)["user.created"](event, undefined as never),
    );

    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as Error).message).toBe(
      "Invalid user.created payload: data.updated_at and timestamp are missing or null, and the callback got no delivery with a svix-timestamp, so the event cannot be ordered against other deliveries of the user. Send the event timestamp in milliseconds since the epoch, as Clerk does, or pass the delivery as the callback's second argument.",
    );
    expect(store.listUsers()).toEqual([]);
  });

  it("invalid fallback timestamp throws", async () => {
    const store = memoryUserStore();
    const event = eventWithout("user.updated", "Ada", {
      updatedAt: undefined,
      timestamp: "2024-01-01",
    });
    const error = await thrownBy(
      createUserSync(store)["user.updated"](event, delivery),
    );

    expect((error as Error).message).toBe(
      'Invalid user.updated payload: timestamp is "2024-01-01", expected a non-negative integer of milliseconds since the epoch. Retrying cannot fix a signed payload, so fix the sender or handle this event type yourself.',
    );
    expect(store.listUsers()).toEqual([]);
  });

  it("delete without timestamp uses svix-timestamp", async () => {
    const store = memoryUserStore();
    const event = deletedEvent(0) as unknown as { timestamp?: unknown };
    delete event.timestamp;
    await createUserSync(store)["user.deleted"](event as never, {
      id: "msg_1",
      timestamp: createdAt + 5_000,
    });

    expect(store.getUser(userId)?.deletedAt).toBe(createdAt + 5_000);
  });

  it("delete without any time throws", async () => {
    const store = memoryUserStore();
    const event = deletedEvent(0) as unknown as { timestamp?: unknown };
    event.timestamp = null;
    const error = await thrownBy(
      createUserSync(store)["user.deleted"](event as never, undefined as never),
    );

    expect((error as Error).message).toBe(
      "Invalid user.deleted payload: timestamp is missing or null, and the callback got no delivery with a svix-timestamp, so the event cannot be ordered against other deliveries of the user. Send the event timestamp in milliseconds since the epoch, as Clerk does, or pass the delivery as the callback's second argument.",
    );
    expect(store.listUsers()).toEqual([]);
  });
});

describe("normalizeClerkUser fallbackUpdatedAt", () => {
  it("versions a payload without updated_at", () => {
    const user = { ...buildClerkUser({ id: userId }), updated_at: null };

    expect(normalizeClerkUser(user, "user.updated", 1234).updatedAt).toBe(1234);
  });

  it("ignores fallback when updated_at is set", () => {
    const user = buildClerkUser({ id: userId, updated_at: 99 });

    expect(normalizeClerkUser(user, "user.updated", 1234).updatedAt).toBe(99);
  });

  it("rejects a fractional fallback", () => {
    expect(() =>
      normalizeClerkUser(buildClerkUser(), "user.updated", 1.5),
    ).toThrow(
      new TypeError(
        "normalizeClerkUser: fallbackUpdatedAt must be a non-negative integer of milliseconds since the epoch, not 1.5.",
      ),
    );
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

    it("user.created without updated_at is stored", async () => {
      const store = memoryUserStore();
      const { handler } = createTestHandler(build.module, {
        on: { ...createUserSync(store) },
      });
      const event = eventWithout("user.created", "Ada", {
        updatedAt: undefined,
        timestamp: createdAt + 50,
      });
      const response = await handler(signedRequest(JSON.stringify(event)));

      expect(response.status).toBe(200);
      expect(store.getUser(userId)?.updatedAt).toBe(createdAt + 50);
    });

    it("event without any time uses svix-timestamp", async () => {
      const store = memoryUserStore();
      const { handler } = createTestHandler(build.module, {
        on: { ...createUserSync(store) },
      });
      const event = eventWithout("user.updated", "Ada", {
        updatedAt: null,
        timestamp: null,
      });
      const response = await handler(signedRequest(JSON.stringify(event)));

      expect(response.status).toBe(200);
      expect(store.getUser(userId)?.updatedAt).toBe(nowMs);
    });

    const invalidBodies: { name: string; body: unknown; message: string }[] = [
      {
        name: "text updated_at",
        body: buildClerkEvent(
          "user.created",
          { ...buildClerkUser(), updated_at: "yesterday" } as never,
          { timestamp: createdAt },
        ),
        message: 'Invalid user.created payload: data.updated_at is "yesterday"',
      },
      {
        name: "update without id",
        body: buildClerkEvent(
          "user.updated",
          { ...buildClerkUser(), id: undefined } as never,
          { timestamp: createdAt },
        ),
        message: "Invalid user.updated payload: data.id is missing",
      },
      {
        name: "deleted stub without id",
        body: buildClerkEvent(
          "user.deleted",
          { object: "user", deleted: true } as never,
          { timestamp: createdAt },
        ),
        message: "Invalid user.deleted payload: data.id is missing",
      },
      {
        name: "deleted with null data",
        body: buildClerkEvent("user.deleted", null as never, {
          timestamp: createdAt,
        }),
        message: "Invalid user.deleted payload: data is null",
      },
      {
        name: "created with null data",
        body: buildClerkEvent("user.created", null as never, {
          timestamp: createdAt,
        }),
        message: "Invalid user.created payload: data is null",
      },
    ];

    for (const { name, body, message } of invalidBodies) {
      it(`${name} gets 400, stores nothing`, async () => {
        const store = memoryUserStore();
        const reported: unknown[] = [];
        const { handler } = createTestHandler(build.module, {
          on: { ...createUserSync(store) },
          onError: (error) => {
            reported.push(error);
          },
        });
        const response = await handler(signedRequest(JSON.stringify(body)));
        const json = (await response.json()) as {
          error: { code: string; message: string };
        };

        expect(response.status).toBe(400);
        expect(json.error.code).toBe("invalid_payload");
        expect(json.error.message).toContain(message);
        expect(store.listUsers()).toEqual([]);
        expect(reported.length).toBe(1);
        expect(isWebhookPayloadError(reported[0])).toBe(true);
        expect((reported[0] as Error).message).toContain(message);
      });
    }

    it("invalid payload retry gets 400 again", async () => {
      const store = memoryUserStore();
      const { handler } = createTestHandler(build.module, {
        on: { ...createUserSync(store) },
      });
      const body = JSON.stringify(
        buildClerkEvent(
          "user.deleted",
          { object: "user", deleted: true } as never,
          { timestamp: createdAt },
        ),
      );
      await handler(signedRequest(body, { id: "msg_retry" }));
      const retry = await handler(signedRequest(body, { id: "msg_retry" }));

      expect(retry.status).toBe(400);
      expect(store.listUsers()).toEqual([]);
    });

    it("payload error from own callback", async () => {
      const { handler, errors } = createTestHandler(build.module, {
        idempotency: false,
        on: {
          "session.created": () => {
            throw new WebhookPayloadError("session without user_id");
          },
        },
      });
      const body = buildClerkEvent("session.created", {} as never);
      const response = await handler(signedRequest(JSON.stringify(body)));

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "invalid_payload", status: 400 }]);
    });
  });
}
