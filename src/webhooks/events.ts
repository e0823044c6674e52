import type {
  DeletedObjectJSON,
  OrganizationMembershipJSON,
  UserDeletedJSON,
  WebhookEvent as BackendWebhookEvent,
} from "@clerk/backend";

/**
 * Every webhook event type that Clerk sends, 46 in all: the 45 of
 * `@clerk/backend` 3.25.0 plus `session.pending`. Events of other types still
 * reach `onUnhandled`.
 */
export const clerkWebhookEventTypes = [
  "user.created",
  "user.updated",
  "user.deleted",
  "email.created",
  "sms.created",
  "session.created",
  "session.pending",
  "session.ended",
  "session.removed",
  "session.revoked",
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organizationDomain.created",
  "organizationDomain.updated",
  "organizationDomain.deleted",
  "organizationMembership.created",
  "organizationMembership.updated",
  "organizationMembership.deleted",
  "organizationInvitation.created",
  "organizationInvitation.accepted",
  "organizationInvitation.revoked",
  "role.created",
  "role.updated",
  "role.deleted",
  "permission.created",
  "permission.updated",
  "permission.deleted",
  "waitlistEntry.created",
  "waitlistEntry.updated",
  "paymentAttempt.created",
  "paymentAttempt.updated",
  "subscription.created",
  "subscription.updated",
  "subscription.active",
  "subscription.pastDue",
  "subscriptionItem.created",
  "subscriptionItem.updated",
  "subscriptionItem.active",
  "subscriptionItem.canceled",
  "subscriptionItem.upcoming",
  "subscriptionItem.ended",
  "subscriptionItem.abandoned",
  "subscriptionItem.incomplete",
  "subscriptionItem.pastDue",
  "subscriptionItem.freeTrialEnding",
] as const;

/** A Clerk webhook event type, such as `"user.created"`. */
export type ClerkWebhookEventType = (typeof clerkWebhookEventTypes)[number];

/** The payload that `@clerk/backend` declares for an event type. */
type BackendPayload<Type extends string> =
  BackendWebhookEvent extends infer Event
    ? Event extends { type: infer EventType; data: infer Data }
      ? Type extends EventType
        ? Data
        : never
      : never
    : never;

/**
 * The stub Clerk sends when an object is deleted, such as
 * `{ "object": "user", "id": "user_…", "deleted": true }`. Clerk always sets
 * `id` on webhook stubs, although `DeletedObjectJSON` marks it optional.
 */
export type ClerkDeletedObjectJSON<ObjectName extends string = string> = Omit<
  DeletedObjectJSON,
  "object" | "id" | "deleted"
> & {
  object: ObjectName;
  id: string;
  deleted: true;
};

/**
 * The `user.deleted` payload: a deleted-object stub, with the user's
 * `external_id` when one was set.
 */
export type ClerkDeletedUserJSON = ClerkDeletedObjectJSON<"user"> &
  Pick<UserDeletedJSON, "external_id">;

/**
 * The `data` of each event type, derived from `@clerk/backend`'s
 * `WebhookEvent` with corrections. The `*.deleted` events of users,
 * organizations, domains, roles and permissions carry deleted-object stubs,
 * although `@clerk/backend` 3.25.0 types `role.deleted` and
 * `permission.deleted` as full objects. `organizationMembership.deleted`
 * carries the full membership. `session.pending`, missing from
 * `@clerk/backend`, carries a session like the other session events.
 */
export type ClerkWebhookPayloads = {
  [Type in ClerkWebhookEventType]: Type extends "user.deleted"
    ? ClerkDeletedUserJSON
    : Type extends "organization.deleted"
      ? ClerkDeletedObjectJSON<"organization">
      : Type extends "organizationDomain.deleted"
        ? ClerkDeletedObjectJSON<"organization_domain">
        : Type extends "role.deleted"
          ? ClerkDeletedObjectJSON<"role">
          : Type extends "permission.deleted"
            ? ClerkDeletedObjectJSON<"permission">
            : Type extends "organizationMembership.deleted"
              ? OrganizationMembershipJSON
              : Type extends "session.pending"
                ? BackendPayload<"session.created">
                : BackendPayload<Type>;
};

/** Request details Clerk attaches to an event (`event_attributes`). */
export type ClerkWebhookEventAttributes =
  BackendWebhookEvent["event_attributes"];

/**
 * A verified Clerk event envelope exactly as Clerk sent it, typed by `type`.
 * `timestamp` is in milliseconds since the epoch.
 */
export type ClerkWebhookEvent<
  Type extends ClerkWebhookEventType = ClerkWebhookEventType,
> = Type extends ClerkWebhookEventType
  ? {
      type: Type;
      object: "event";
      data: ClerkWebhookPayloads[Type];
      /** When Clerk created the event, in milliseconds since the epoch. */
      timestamp: number;
      instance_id: string;
      event_attributes: ClerkWebhookEventAttributes;
    }
  : never;

/**
 * A verified event whose `type` dropsync does not know, such as one that
 * Clerk adds after this release. Only `type` is guaranteed.
 */
export type UnknownClerkWebhookEvent = {
  type: string;
  object?: unknown;
  data?: unknown;
  timestamp?: unknown;
  instance_id?: unknown;
  event_attributes?: unknown;
  [field: string]: unknown;
};

/** Returns whether `type` is one of {@link clerkWebhookEventTypes}. */
export function isClerkWebhookEventType(
  type: string,
): type is ClerkWebhookEventType {
  return knownEventTypes.has(type);
}

const knownEventTypes: ReadonlySet<string> = new Set(clerkWebhookEventTypes);
