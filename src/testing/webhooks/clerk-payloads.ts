import type {
  EmailAddressJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  UserJSON,
} from "@clerk/backend";
import type {
  ClerkDeletedObjectJSON,
  ClerkWebhookEvent,
  ClerkWebhookEventType,
  ClerkWebhookPayloads,
} from "../../webhooks/exports";
import { clerkId } from "./ids";

/** The session payload of `session.*` events, with the session's user. */
export type ClerkSessionPayload = ClerkWebhookPayloads["session.created"];

/**
 * Builds a user payload shaped like Clerk's documented `user.created`
 * example: one verified primary email, default avatar, empty metadata.
 * Times default to now, in milliseconds.
 */
export function buildClerkUser(overrides: Partial<UserJSON> = {}): UserJSON {
  const now = Date.now();
  const emailId = clerkId("idn");
  return {
    object: "user",
    id: clerkId("user"),
    username: null,
    first_name: "Example",
    last_name: "Example",
    image_url: "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
    has_image: false,
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [
      {
        object: "email_address",
        id: emailId,
        email_address: "example@example.org",
        // Clerk's example sends only status and strategy here, without the
        // id and object that VerificationJSON declares.
        verification: {
          status: "verified",
          strategy: "ticket",
          attempts: null,
          expire_at: null,
        } as EmailAddressJSON["verification"],
        linked_to: [],
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    organization_memberships: null,
    external_accounts: [],
    enterprise_accounts: [],
    password_last_updated_at: null,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: now,
    updated_at: now,
    last_active_at: null,
    create_organization_enabled: true,
    create_organizations_limit: null,
    delete_self_enabled: true,
    legal_accepted_at: null,
    locale: null,
    timezone: null,
    ...overrides,
  };
}

/** Builds a `session.*` payload with an active session of a new user. */
export function buildClerkSession(
  overrides: Partial<ClerkSessionPayload> = {},
): ClerkSessionPayload {
  const now = Date.now();
  const user = overrides.user ?? buildClerkUser();
  return {
    object: "session",
    id: clerkId("sess"),
    client_id: clerkId("client"),
    user_id: user?.id ?? clerkId("user"),
    status: "active",
    actor: null,
    last_active_at: now,
    expire_at: now + 7 * 86_400_000,
    abandon_at: now + 30 * 86_400_000,
    created_at: now,
    updated_at: now,
    user,
    ...overrides,
  };
}

/** Builds an organization payload with one member. */
export function buildClerkOrganization(
  overrides: Partial<OrganizationJSON> = {},
): OrganizationJSON {
  const now = Date.now();
  return {
    object: "organization",
    id: clerkId("org"),
    name: "Acme Inc",
    slug: "acme-inc",
    image_url: "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
    has_image: false,
    members_count: 1,
    pending_invitations_count: 0,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: {},
    private_metadata: {},
    created_by: clerkId("user"),
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** Builds an `organizationMembership.*` payload: a user's role in an organization. */
export function buildClerkOrganizationMembership(
  overrides: Partial<OrganizationMembershipJSON> = {},
): OrganizationMembershipJSON {
  const now = Date.now();
  return {
    object: "organization_membership",
    id: clerkId("orgmem"),
    public_metadata: {},
    private_metadata: {},
    role: "org:member",
    permissions: [],
    created_at: now,
    updated_at: now,
    organization: buildClerkOrganization(),
    public_user_data: {
      identifier: "example@example.org",
      first_name: "Example",
      last_name: "Example",
      image_url: "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCJ9",
      has_image: false,
      user_id: clerkId("user"),
    },
    ...overrides,
  };
}

/** Builds the stub of a deleted object, as in `user.deleted`. */
export function buildClerkDeletedObject<ObjectName extends string>(
  object: ObjectName,
  id: string,
): ClerkDeletedObjectJSON<ObjectName> {
  return { object, id, deleted: true };
}

/** Options of {@link buildClerkEvent}. */
export interface BuildClerkEventOptions {
  /** Event time in milliseconds since the epoch. Default: now. */
  timestamp?: number;
  /** Default `ins_` plus a random id. */
  instanceId?: string;
}

/**
 * Wraps a payload in Clerk's event envelope (`type`, `object`, `data`,
 * `timestamp`, `instance_id`, `event_attributes`).
 */
export function buildClerkEvent<Type extends ClerkWebhookEventType>(
  type: Type,
  data: ClerkWebhookPayloads[Type],
  options: BuildClerkEventOptions = {},
): ClerkWebhookEvent<Type> {
  return {
    type,
    object: "event",
    data,
    timestamp: options.timestamp ?? Date.now(),
    instance_id: options.instanceId ?? clerkId("ins"),
    event_attributes: {
      http_request: {
        client_ip: "192.0.2.1",
        user_agent:
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
      },
    },
  } as ClerkWebhookEvent<Type>;
}
