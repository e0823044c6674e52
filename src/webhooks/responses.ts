import type { WebhookError } from "./errors";

const jsonHeaders = { "content-type": "application/json; charset=utf-8" };

// The message of these errors can carry details of the app (a callback's
// error text, a database error), so the response shows a fixed one instead.
const privateMessages: Partial<Record<WebhookError["code"], string>> = {
  callback_failed: "The webhook callback failed; the delivery will be retried.",
  idempotency_store_failed:
    "The idempotency store failed; the delivery will be retried.",
};

/** Creates the 2xx response for a processed or duplicate delivery. */
export function acceptedResponse(duplicate: boolean): Response {
  const body = duplicate
    ? { received: true, duplicate: true }
    : { received: true };
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: jsonHeaders,
  });
}

/** Creates the 409 response for a delivery that another run is processing. */
export function inProgressResponse(): Response {
  const body = {
    error: {
      code: "delivery_in_progress",
      message: "Another run is processing this delivery; retry later.",
    },
  };
  return new Response(JSON.stringify(body), {
    status: 409,
    headers: jsonHeaders,
  });
}

/** Creates the response for a {@link WebhookError}, with its status and code. */
export function errorResponse(error: WebhookError): Response {
  const message = privateMessages[error.code] ?? error.message;
  const headers: Record<string, string> = { ...jsonHeaders };
  if (error.status === 405) headers.allow = "POST";
  return new Response(
    JSON.stringify({ error: { code: error.code, message } }),
    { status: error.status, headers },
  );
}
