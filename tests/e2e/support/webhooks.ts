import {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkUser,
  createSignedWebhookRequest,
} from "../../../src/testing";

type ClerkUser = ReturnType<typeof buildClerkUser>;

/**
 * Builds a Clerk user with one primary email, as `user.created` carries it.
 * With `previous`, it is a newer version of that user.
 */
export function clerkUser(
  fields: { first: string; last: string; email: string },
  previous?: ClerkUser,
): ClerkUser {
  const now = Date.now();
  const user = buildClerkUser({
    ...(previous && {
      id: previous.id,
      primary_email_address_id: previous.primary_email_address_id,
      created_at: previous.created_at,
    }),
    first_name: fields.first,
    last_name: fields.last,
    updated_at: previous ? Math.max(now, previous.updated_at + 1) : now,
  });
  user.email_addresses[0]!.id = user.primary_email_address_id!;
  user.email_addresses[0]!.email_address = fields.email;
  return user;
}

/** Sends a signed `user.created` or `user.updated` event; returns the response. */
export function sendUserEvent(
  url: string,
  secret: string,
  type: "user.created" | "user.updated",
  user: ClerkUser,
): Promise<Response> {
  const event = buildClerkEvent(type, user, { timestamp: user.updated_at });
  return fetch(createSignedWebhookRequest(event, { secret, url }));
}

/** Sends a signed `user.deleted` event; returns the response. */
export function sendUserDeleted(
  url: string,
  secret: string,
  id: string,
): Promise<Response> {
  const event = buildClerkEvent(
    "user.deleted",
    buildClerkDeletedObject("user", id),
  );
  return fetch(createSignedWebhookRequest(event, { secret, url }));
}
