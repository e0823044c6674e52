import type { WebhookError } from "./errors";
import type {
  ClerkWebhookHandlerOptions,
  WebhookErrorContext,
  WebhookLogFields,
} from "./options";

/** Sends log records and errors to the hooks of the handler options. */
export interface Reporter {
  debug(message: string, fields: WebhookLogFields): void;
  /** Reports a rejected request or a failure to `onError` and the logger. */
  error(error: WebhookError, context: WebhookErrorContext): Promise<void>;
}

/** Creates the reporter for one handler. */
export function createReporter(options: ClerkWebhookHandlerOptions): Reporter {
  const { logger, onError } = options;

  return {
    debug(message, fields) {
      logger?.debug?.(message, fields);
    },

    async error(error, context) {
      const fields: WebhookLogFields = {
        code: error.code,
        status: context.status,
        deliveryId: context.delivery?.id,
        eventType: context.event?.type,
      };
      const level = context.status >= 500 ? "error" : "warn";
      const log = logger?.[level];
      log?.call(logger, error.message, fields);

      let received = log !== undefined;
      if (onError !== undefined) {
        try {
          await onError(error, context);
          received = true;
        } catch (hookError) {
          // The hook's own failure must not change the response or vanish.
          console.error("dropsync/webhooks: onError threw", hookError);
        }
      }
      if (!received) {
        console[level](`dropsync/webhooks: ${error.message}`, fields);
      }
    },
  };
}
