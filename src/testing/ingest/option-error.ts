/**
 * Kind of option failure: `invalid` for a wrong value (the `dropsync ingest`
 * command exits with status 2), or `unavailable` for a valid value that
 * cannot be used on this machine right now, such as a port in use (status 1).
 */
export type IngestOptionProblem = "invalid" | "unavailable";

/**
 * An option of `startIngestEmulator` that is invalid or cannot be used.
 * The message names the option, its value and the fix; `describe` builds
 * the same message under another name, such as the command's `--port`.
 */
export class IngestOptionError extends Error {
  override readonly name = "IngestOptionError";
  /** Name of the option in `IngestEmulatorOptions`, such as `port`. */
  readonly option: string;
  readonly value: unknown;
  readonly problem: IngestOptionProblem;
  private readonly explain: (optionName: string) => string;

  constructor(
    option: string,
    value: unknown,
    explain: (optionName: string) => string,
    options: { problem?: IngestOptionProblem; cause?: unknown } = {},
  ) {
    super(explain(option), { cause: options.cause });
    this.option = option;
    this.value = value;
    this.problem = options.problem ?? "invalid";
    this.explain = explain;
  }

  /** Builds the message with `optionName` in place of the option's name. */
  describe(optionName: string): string {
    return this.explain(optionName);
  }
}

/**
 * Creates the error for an invalid value: `Invalid <option> <value>: <fix>`.
 * Strings are quoted so that an empty or padded value stays visible.
 */
export function invalidOption(
  option: string,
  value: unknown,
  fix: string,
): IngestOptionError {
  return new IngestOptionError(
    option,
    value,
    (name) => `Invalid ${name} ${formatValue(value)}: ${fix}`,
  );
}

/** Formats an option value for a message. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "(a function)";
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
