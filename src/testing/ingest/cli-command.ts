import { parseArgs } from "node:util";

import { startIngestEmulator } from "./emulator";
import { createIngestLogger } from "./cli-log";
import { IngestOptionError } from "./option-error";
import { DEFAULT_INGEST_API_KEY, DEFAULT_INGEST_APP_ID } from "./token";

/** Port of `dropsync ingest` when `--port` is not given. */
export const DEFAULT_CLI_PORT = 4599;

/** Storage folder of `dropsync ingest` when `--dir` is not given. */
export const DEFAULT_CLI_DIR = ".data/uploads";

/** Help text of `dropsync ingest`. */
export const INGEST_HELP = `Usage: dropsync ingest [options]

Starts a local emulator of UploadThing's ingest service. The uploadthing
route handler and client then upload, call back and serve files without
the cloud.

Options:
  --port <number>   TCP port, 0 to 65535 (default ${DEFAULT_CLI_PORT}; 0 picks a free port)
  --host <address>  Interface to bind (default 127.0.0.1: this machine only)
  --dir <path>      Folder for stored files and their .json records,
                    relative to the current folder (default ${DEFAULT_CLI_DIR})
  --api-key <key>   API key in the token, starting with sk_
                    (default ${DEFAULT_INGEST_API_KEY}, local only)
  --app-id <id>     App id in the token (default ${DEFAULT_INGEST_APP_ID})
  -h, --help        Show this help

At start it prints the UPLOADTHING_TOKEN and UPLOADTHING_INGEST_URL to set
in the app's environment. It logs each stored upload and each error, and
stops on SIGINT (Ctrl+C) or SIGTERM.

Exit status: 0 after SIGINT or SIGTERM, 1 when the emulator cannot start
with valid options (such as a port in use), 2 for invalid options.
`;

/** Invalid command-line input; the command exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Options parsed from the command line. */
export interface IngestCommandOptions {
  port: number;
  host: string;
  dir: string;
  apiKey: string;
  appId: string;
  help: boolean;
}

/** Value options of `dropsync ingest`, by flag name. */
const VALUE_FLAGS = {
  port: "--port",
  host: "--host",
  dir: "--dir",
  "api-key": "--api-key",
  "app-id": "--app-id",
} as const;

/** Command-line flag of each `startIngestEmulator` option the command sets. */
const FLAG_OF_OPTION: Record<string, string> = {
  port: "--port",
  host: "--host",
  dir: "--dir",
  apiKey: "--api-key",
  appId: "--app-id",
};

/** Parses `dropsync ingest` arguments; throws `UsageError` on bad input. */
export function parseIngestArgs(args: string[]): IngestCommandOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinDashValues(args),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        dir: { type: "string" },
        "api-key": { type: "string" },
        "app-id": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw parseArgsUsageError(error);
  }
  return {
    port: parsePort(values.port),
    host: values.host ?? "127.0.0.1",
    dir: values.dir ?? DEFAULT_CLI_DIR,
    apiKey: values["api-key"] ?? DEFAULT_INGEST_API_KEY,
    appId: values["app-id"] ?? DEFAULT_INGEST_APP_ID,
    help: values.help ?? false,
  };
}

/**
 * Joins a value flag and a following argument that starts with a dash,
 * such as `--port -1`, into `--port=-1`. `parseArgs` rejects the split form
 * as ambiguous, but the value then reaches the option's own check, whose
 * message names the valid range. A following known flag stays a flag.
 */
function joinDashValues(args: string[]): string[] {
  const flags = new Set<string>(Object.values(VALUE_FLAGS));
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    const next = args[index + 1];
    const nextIsValue =
      next !== undefined &&
      next.startsWith("-") &&
      next !== "-h" &&
      !flags.has(next.split("=")[0] ?? "") &&
      next !== "--help";
    if (flags.has(arg) && nextIsValue) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Turns a `parseArgs` error into a message that names the flag and the fix. */
function parseArgsUsageError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new UsageError(
      `Unknown option '${flag}'. Options: ${Object.values(VALUE_FLAGS).join(", ")}, --help.`,
    );
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? "an option";
    return new UsageError(
      flag === "--help" || flag === "-h"
        ? `Option ${flag} takes no value. Pass ${flag} alone.`
        : `Missing value for ${flag}: pass it as ${flag} <value> or ${flag}=<value>.`,
    );
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? message;
    return new UsageError(
      `Unexpected argument "${argument}": dropsync ingest takes options ` +
        "only. Put a value after its flag, as in --dir uploads.",
    );
  }
  return new UsageError(message);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CLI_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(
      `Invalid --port ${JSON.stringify(text)}: pass an integer from 0 to 65535 (0 picks a free port).`,
    );
  }
  return port;
}

/**
 * Starts the emulator with the command's options. An invalid option becomes
 * a `UsageError` (status 2). An option that cannot be used on this machine,
 * such as a port in use, becomes an `Error` (status 1). Both name the flag.
 */
async function startWithFlags(
  options: Parameters<typeof startIngestEmulator>[0],
): ReturnType<typeof startIngestEmulator> {
  try {
    return await startIngestEmulator(options);
  } catch (error) {
    if (!(error instanceof IngestOptionError)) throw error;
    const message = error.describe(
      FLAG_OF_OPTION[error.option] ?? error.option,
    );
    if (error.problem === "invalid") throw new UsageError(message);
    throw new Error(message, { cause: error });
  }
}

/**
 * Runs `dropsync ingest` until SIGINT or SIGTERM, then closes the server
 * and exits with status 0. Returns the exit status for early exits.
 */
export async function runIngestCommand(args: string[]): Promise<number> {
  const options = parseIngestArgs(args);
  if (options.help) {
    process.stdout.write(INGEST_HELP);
    return 0;
  }
  const logger = createIngestLogger({
    info: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  });
  const emulator = await startWithFlags({
    port: options.port,
    host: options.host,
    dir: options.dir,
    apiKey: options.apiKey,
    appId: options.appId,
    onEvent: (event) => logger.log(event),
  });
  process.stdout.write(
    `[ingest] UploadThing ingest emulator listening on ${emulator.url}\n` +
      `[ingest] storing files in ${emulator.dir}\n` +
      "[ingest] set these in the app's environment:\n" +
      `UPLOADTHING_TOKEN=${emulator.token}\n` +
      `UPLOADTHING_INGEST_URL=${emulator.url}\n`,
  );

  const stop = (signal: NodeJS.Signals) => {
    logger.flush();
    process.stdout.write(`[ingest] received ${signal}, stopping\n`);
    void emulator.close().then(() => {
      process.stdout.write("[ingest] stopped\n");
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise<number>(() => {});
}
