import { WebhookPayloadError } from "./errors";
import type { WebhookDelivery } from "./options";
import { invalidField, isEpochMilliseconds } from "./user-payload";

/**
 * Returns the time of a Clerk event in milliseconds since the epoch: its
 * top-level `timestamp`, which Clerk sets when it creates the event, or the
 * delivery's `svix-timestamp` when the event has none (absent or null).
 *
 * `missingFields` names every field that was looked for before, such as
 * `["data.updated_at", "timestamp"]`, for the error when both are missing.
 *
 * @throws WebhookPayloadError when `timestamp` is present but not a
 *   non-negative integer, or when it is missing and `delivery` has no
 *   `timestamp`.
 */
export function eventTime(
  source: string,
  event: { timestamp?: unknown },
  delivery: Partial<WebhookDelivery> | undefined,
  missingFields: readonly string[],
): number {
  const timestamp = event.timestamp;
  if (timestamp !== undefined && timestamp !== null) {
    if (isEpochMilliseconds(timestamp)) return timestamp;
    throw invalidField(
      source,
      "timestamp",
      timestamp,
      "a non-negative integer of milliseconds since the epoch",
    );
  }

  // NOTE: svix-timestamp is the time of this attempt, not of the change, so
  // a retry of an older event gets a later time. Clerk always sends
  // `timestamp`, so only other senders reach this fallback.
  const attemptTime = delivery?.timestamp;
  if (isEpochMilliseconds(attemptTime)) return attemptTime;

  const verb = missingFields.length === 1 ? "is" : "are";
  throw new WebhookPayloadError(
    `Invalid ${source} payload: ${missingFields.join(" and ")} ${verb} missing or null, and the callback got no delivery with a svix-timestamp, so the event cannot be ordered against other deliveries of the user. Send the event timestamp in milliseconds since the epoch, as Clerk does, or pass the delivery as the callback's second argument.`,
  );
}
