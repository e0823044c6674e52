import { parseArgs } from "node:util";

import { startIngestEmulator } from "./emulator";
import { createIngestLogger } from "./cli-log";
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

/** Parses `dropsync ingest` arguments; throws `UsageError` on bad input. */
export function parseIngestArgs(args: string[]): IngestCommandOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
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
    throw new UsageError(
      error instanceof Error ? error.message : String(error),
    );
  }
  const apiKey = values["api-key"] ?? DEFAULT_INGEST_API_KEY;
  if (!apiKey.startsWith("sk_")) {
    throw new UsageError(
      `Invalid --api-key: UploadThing API keys start with "sk_". Pass a key ` +
        `such as ${DEFAULT_INGEST_API_KEY}.`,
    );
  }
  return {
    port: parsePort(values.port),
    host: values.host ?? "127.0.0.1",
    dir: values.dir ?? DEFAULT_CLI_DIR,
    apiKey,
    appId: values["app-id"] ?? DEFAULT_INGEST_APP_ID,
    help: values.help ?? false,
  };
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CLI_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(
      `Invalid --port "${text}": pass a whole number from 0 to 65535 (0 picks a free port).`,
    );
  }
  return port;
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
  const emulator = await startIngestEmulator({
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
