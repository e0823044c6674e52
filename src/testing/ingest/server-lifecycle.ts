import type { Server } from "node:http";

import type { IngestEvent } from "./types";

/** Resolves with the next event of `type` that `predicate` accepts. */
export function waitForEvent<TType extends IngestEvent["type"]>(
  listeners: Set<(event: IngestEvent) => void>,
  type: TType,
  predicate:
    ((event: Extract<IngestEvent, { type: TType }>) => boolean) | undefined,
  timeoutMs: number,
): Promise<Extract<IngestEvent, { type: TType }>> {
  return new Promise((resolvePromise, reject) => {
    const listener = (event: IngestEvent) => {
      if (event.type !== type) return;
      const typed = event as Extract<IngestEvent, { type: TType }>;
      if (predicate !== undefined && !predicate(typed)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolvePromise(typed);
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for a "${type}" ingest event.`,
        ),
      );
    }, timeoutMs);
    listeners.add(listener);
  });
}

/** Starts listening, turning EADDRINUSE into an actionable message. */
export function listen(
  server: Server,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use. Stop the process that uses ` +
              "it, or pick another port (0 picks a free one).",
          ),
        );
        return;
      }
      reject(error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolvePromise();
    });
  });
}

/**
 * Formats the bound host for URLs: a wildcard address becomes the loopback
 * address, and IPv6 addresses get brackets.
 */
export function formatHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
