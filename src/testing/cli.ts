#!/usr/bin/env node
import { runIngestCommand, UsageError } from "./ingest/cli-command";

const HELP = `Usage: dropsync <command> [options]

Commands:
  ingest   Start the local UploadThing ingest emulator

Run "dropsync <command> --help" for the options of a command.
`;

/** Runs the `dropsync` command line and returns its exit status. */
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h") {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "ingest") return runIngestCommand(rest);
  throw new UsageError(
    `Unknown command "${command}": the only command is ingest, as in ` +
      '"dropsync ingest --port 4599".',
  );
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(
        `dropsync: ${error.message}\nRun "dropsync --help" or "dropsync ingest --help" for usage.\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `dropsync: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
