import type {
  OrganizationMembershipJSON,
  SessionJSON,
  UserJSON,
} from "@clerk/backend";
import { describe, expectTypeOf, it } from "vitest";
import {
  clerkWebhookEventTypes,
  createClerkWebhookHandler,
  createUserSync,
  memoryUserStore,
  type ClerkDeletedObjectJSON,
  type ClerkDeletedUserJSON,
  type ClerkWebhookEvent,
  type ClerkWebhookEventType,
  type WebhookDelivery,
} from "../../src/webhooks/index";

describe("Clerk event types", () => {
  it("list has 46 types", () => {
    expectTypeOf(clerkWebhookEventTypes)
      .toHaveProperty("length")
      .toEqualTypeOf<46>();
  });

  it("user.created receives a user", () => {
    createClerkWebhookHandler({
      on: {
        "user.created": (event, delivery) => {
          expectTypeOf(event.type).toEqualTypeOf<"user.created">();
          expectTypeOf(event.data).toEqualTypeOf<UserJSON>();
          expectTypeOf(delivery).toEqualTypeOf<WebhookDelivery>();
        },
      },
    });
  });

  it("user.deleted receives a stub", () => {
    createClerkWebhookHandler({
      on: {
        "user.deleted": (event) => {
          expectTypeOf(event.data).toEqualTypeOf<ClerkDeletedUserJSON>();
          expectTypeOf(event.data.id).toEqualTypeOf<string>();
          expectTypeOf(event.data.deleted).toEqualTypeOf<true>();
          // @ts-expect-error a deleted user stub has no email addresses
          void event.data.email_addresses;
        },
      },
    });
  });

  it("role and permission deletes are stubs", () => {
    expectTypeOf<ClerkWebhookEvent<"role.deleted">["data"]>().toEqualTypeOf<
      ClerkDeletedObjectJSON<"role">
    >();
    expectTypeOf<
      ClerkWebhookEvent<"permission.deleted">["data"]
    >().toEqualTypeOf<ClerkDeletedObjectJSON<"permission">>();
  });

  it("membership delete carries the membership", () => {
    expectTypeOf<
      ClerkWebhookEvent<"organizationMembership.deleted">["data"]
    >().toEqualTypeOf<OrganizationMembershipJSON>();
  });

  it("session.pending carries a session", () => {
    expectTypeOf<
      ClerkWebhookEvent<"session.pending">["data"]
    >().toMatchTypeOf<SessionJSON>();
  });

  it("event union narrows by type", () => {
    const narrow = (event: ClerkWebhookEvent) => {
      if (event.type === "organization.deleted") {
        expectTypeOf(event.data.object).toEqualTypeOf<"organization">();
      }
    };
    expectTypeOf(narrow).parameter(0).toEqualTypeOf<ClerkWebhookEvent>();
  });

  it("unknown type in on is rejected", () => {
    createClerkWebhookHandler({
      on: {
        // @ts-expect-error "user.create" is a typo of "user.created"
        "user.create": () => {},
      },
    });
  });

  it("user sync spreads into on", () => {
    const sync = createUserSync(memoryUserStore());
    createClerkWebhookHandler({ on: { ...sync } });
    expectTypeOf<keyof typeof sync>().toEqualTypeOf<
      "user.created" | "user.updated" | "user.deleted"
    >();
  });

  it("type list matches the union", () => {
    expectTypeOf<
      (typeof clerkWebhookEventTypes)[number]
    >().toEqualTypeOf<ClerkWebhookEventType>();
  });
});
