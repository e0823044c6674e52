import { UploadThingError } from "uploadthing/server";
import type { FileRejection } from "./validate-files";

/** UploadThing's error codes, such as `"FORBIDDEN"` or `"TOO_LARGE"`. */
export type UploadErrorCode = UploadThingError["code"];

/**
 * The JSON body of every error response of a dropsync router. The client
 * receives `message` as the error message and this whole object as its
 * `cause`.
 */
export type UploadErrorShape = {
  message: string;
  code: UploadErrorCode;
  /** One entry per rejected file or count limit, when files were rejected. */
  rejections?: { name: string | null; reason: string }[];
};

/**
 * Creates the 403 error that rejects an anonymous, unauthorized or over-quota
 * upload request. Its message reaches the client.
 */
export function forbiddenError(message: string, cause?: unknown) {
  return new UploadThingError({ code: "FORBIDDEN", message, cause });
}

/** Creates the error that rejects files which break a route's limits. */
export function fileRejectionError(rejections: FileRejection[]) {
  const [first] = rejections;

  return new UploadThingError<Pick<UploadErrorShape, "rejections">>({
    code: first?.code ?? "BAD_REQUEST",
    message: rejections.map((rejection) => rejection.reason).join(" "),
    data: {
      rejections: rejections.map(({ name, reason }) => ({ name, reason })),
    },
  });
}

interface SchemaIssue {
  message: string;
  path?: readonly unknown[];
}

function isSchemaIssueList(value: unknown): value is SchemaIssue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (issue) =>
        typeof issue === "object" &&
        issue !== null &&
        typeof (issue as SchemaIssue).message === "string",
    )
  );
}

function pathSegment(segment: unknown): string {
  if (typeof segment === "object" && segment !== null && "key" in segment) {
    return String(segment.key);
  }

  return String(segment);
}

/**
 * Describes why input validation failed. Zod errors carry `issues`, and
 * UploadThing wraps Standard Schema issues in a ParserError's `cause`.
 */
function describeInputError(cause: unknown): string | undefined {
  const candidates = [
    (cause as { issues?: unknown } | undefined)?.issues,
    (cause as { cause?: unknown } | undefined)?.cause,
  ];
  for (const candidate of candidates) {
    if (isSchemaIssueList(candidate) && candidate.length > 0) {
      return candidate
        .map((issue) => {
          const path = (issue.path ?? []).map(pathSegment).join(".");
          return path ? `${path}: ${issue.message}` : issue.message;
        })
        .join("; ");
    }
  }

  return cause instanceof Error ? cause.message : undefined;
}

/**
 * Formats every error of a dropsync router for the client. UploadThing's own
 * formatter sends only "Invalid config: FileSizeMismatch" and drops the
 * reason, so this one sends the reason as the message.
 */
export function formatUploadError(error: UploadThingError): UploadErrorShape {
  const data = error.data as Partial<UploadErrorShape> | undefined;
  const shape: UploadErrorShape = { message: error.message, code: error.code };
  if (data?.rejections) shape.rejections = data.rejections;

  if (error.message.startsWith("Invalid config:")) {
    // UploadThing puts the reason of a rejected file into the cause.
    const reason = error.cause instanceof Error ? error.cause.message : "";
    if (reason) shape.message = reason;
  } else if (error.message === "Invalid input") {
    const reason = describeInputError(error.cause);
    if (reason) shape.message = `Invalid input: ${reason}`;
  }

  return shape;
}
