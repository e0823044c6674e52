import type { Server } from "node:http";

import { IngestOptionError, invalidOption } from "./option-error";
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

/**
 * Starts listening. Errors of the port or host become an `IngestOptionError`
 * that names the option and the fix.
 */
export function listen(
  server: Server,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(listenError(error, port, host));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolvePromise();
    });
  });
}

function listenError(
  error: NodeJS.ErrnoException,
  port: number,
  host: string,
): Error {
  const unavailable = (
    option: string,
    value: unknown,
    explain: (name: string) => string,
  ) =>
    new IngestOptionError(option, value, explain, {
      problem: "unavailable",
      cause: error,
    });
  switch (error.code) {
    case "EADDRINUSE":
      return unavailable(
        "port",
        port,
        (name) =>
          `Port ${port} on ${host} is already in use. Stop the process that ` +
          `uses it, or pick another ${name} (0 picks a free one).`,
      );
    case "EACCES":
      return unavailable(
        "port",
        port,
        (name) =>
          `Permission denied to listen on port ${port} of ${host}: ports ` +
          `below 1024 need extra privileges. Pass a ${name} from 1024 to ` +
          "65535, or 0 for a free one.",
      );
    case "ENOTFOUND":
    case "EAI_NONAME":
    case "EAI_FAIL":
      return invalidOption(
        "host",
        host,
        "it does not resolve to an address. Pass a local address or a " +
          "hostname that resolves to one, such as 127.0.0.1.",
      );
    case "EAI_AGAIN":
      return unavailable(
        "host",
        host,
        (name) =>
          `Resolving ${name} "${host}" failed for now (EAI_AGAIN). Pass an ` +
          "IP address such as 127.0.0.1, or retry when name resolution works.",
      );
    case "EADDRNOTAVAIL":
    case "EAFNOSUPPORT":
      return invalidOption(
        "host",
        host,
        `no network interface of this machine has that address (${error.code}). ` +
          "Pass a local address such as 127.0.0.1.",
      );
    default:
      return error;
  }
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
