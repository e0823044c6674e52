import type { verifyToken } from "@clerk/backend";
import { UploadThingError } from "uploadthing/server";
import { checkClerkAuthOptions } from "./clerk-auth-options";
import { rejectTokenError } from "./clerk-token-errors";
import type { UploadAuth } from "./router-options";
import { sessionTokenFromRequest } from "./session-token";
import { forbiddenError } from "./upload-error";

/** The verified claims of a Clerk session token. */
export type ClerkSessionClaims = Awaited<ReturnType<typeof verifyToken>>;

/** The user that `clerkAuth` returns for a valid session token. */
export interface ClerkUploadAuth extends UploadAuth {
  /** The `sub` claim: Clerk's user id. */
  userId: string;
  /** The `sid` claim: the session id. */
  sessionId: string | null;
  /** The active organization's id, or `null` without one. */
  orgId: string | null;
  claims: ClerkSessionClaims;
}

/** Options of `clerkAuth`. Keys default to the environment variables named. */
export interface ClerkAuthOptions {
  /**
   * Clerk's JWT public key (PEM), from the API keys page of the Clerk
   * Dashboard. With it, tokens are verified without any network request.
   * Defaults to `CLERK_JWT_KEY`.
   */
  jwtKey?: string;
  /**
   * Clerk's secret key, used to fetch the JWT public keys from Clerk's API
   * when no `jwtKey` is set. Defaults to `CLERK_SECRET_KEY`.
   */
  secretKey?: string;
  /** Clerk's Backend API URL, for the key fetch. Defaults to Clerk's. */
  apiUrl?: string;
  /** The Backend API version in the key fetch URL. Defaults to `v1`. */
  apiVersion?: string;
  /**
   * Origins allowed in the token's `azp` claim, like `https://example.com`.
   * Scheme and host are compared in lower case and a trailing slash is
   * ignored. An empty list throws, because Clerk would skip the check.
   */
  authorizedParties?: string[];
  /**
   * Accepted `aud` claims, for tokens from a Clerk JWT template. When set, a
   * token without `aud` is rejected. An empty list throws, because Clerk
   * would skip the check.
   */
  audience?: string | string[];
  /**
   * Accepted `iss` claims, such as the instance's Frontend API URL
   * `https://clerk.example.com`. An empty list throws, because Clerk would
   * skip the check.
   */
  issuer?: string | string[];
  /** Allowed clock difference with Clerk, in milliseconds. Defaults to 5000. */
  clockSkewInMs?: number;
  /**
   * Whether Clerk's public keys are fetched for every token instead of
   * cached. Only used with `secretKey` and no `jwtKey`.
   */
  skipJwksCache?: boolean;
  /**
   * Deprecated by `@clerk/backend`, which ignores it (3.25.0 caches the keys
   * for up to 5 minutes). Accepted so that older configs keep working, with
   * a warning at startup.
   */
  jwksCacheTtlInMs?: number;
  /**
   * Accept sessions that still have pending tasks (claim `sts: "pending"`),
   * such as choosing an organization. Clerk treats them as signed out by
   * default, and so does this function.
   */
  allowPendingSessions?: boolean;
}

type ClerkBackend = typeof import("@clerk/backend");
let clerkBackend: Promise<ClerkBackend> | undefined;

// @clerk/backend is an optional peer dependency, so it loads on the first
// request: apps with their own auth function do not need it installed.
async function loadClerkBackend(): Promise<ClerkBackend> {
  clerkBackend ??= import("@clerk/backend");
  try {
    return await clerkBackend;
  } catch (error) {
    clerkBackend = undefined;
    console.error(
      "dropsync: clerkAuth could not load @clerk/backend. Install it with `npm install @clerk/backend`.",
      error,
    );
    throw new UploadThingError({
      code: "INTERNAL_SERVER_ERROR",
      message: "The server could not verify session tokens.",
      cause: error,
    });
  }
}

function environmentVariable(name: string): string | undefined {
  const environment = (
    globalThis as { process?: { env?: Record<string, string | undefined> } }
  ).process?.env;
  const value = environment?.[name];

  return value === "" ? undefined : value;
}

function hasAudienceClaim(claims: ClerkSessionClaims): boolean {
  const audience = (claims as { aud?: unknown }).aud;
  if (typeof audience === "string") return audience !== "";
  return (
    Array.isArray(audience) &&
    audience.some((entry) => typeof entry === "string" && entry !== "")
  );
}

function organizationId(claims: ClerkSessionClaims): string | null {
  // Version 2 session tokens carry the organization in `o.id`, version 1
  // tokens in `org_id`.
  const compact = (claims as { o?: { id?: unknown } }).o?.id;
  if (typeof compact === "string") return compact;

  const legacy = (claims as { org_id?: unknown }).org_id;
  return typeof legacy === "string" ? legacy : null;
}

/**
 * Creates an `auth` function that authenticates a Fetch `Request` with a
 * Clerk session token, from the `Authorization: Bearer` header or the
 * `__session` cookie, verified by `@clerk/backend`. A request without a
 * token returns `null` (403 "You must be signed in"). An expired, forged,
 * wrong-audience or wrong-origin token is rejected with 403 FORBIDDEN and a
 * message that explains why.
 *
 * @throws TypeError when neither a JWT public key nor a secret key is set,
 *   or when an option has the wrong type, such as a string for the list
 *   `authorizedParties`.
 */
export function clerkAuth(
  clerkOptions?: ClerkAuthOptions,
): (request: Request) => Promise<ClerkUploadAuth | null> {
  const options = checkClerkAuthOptions(clerkOptions);
  const jwtKey = options.jwtKey ?? environmentVariable("CLERK_JWT_KEY");
  const secretKey =
    options.secretKey ?? environmentVariable("CLERK_SECRET_KEY");
  if (!jwtKey && !secretKey) {
    throw new TypeError(
      "clerkAuth needs Clerk's JWT public key (the jwtKey option or CLERK_JWT_KEY) or a secret key (the secretKey option or CLERK_SECRET_KEY) to verify session tokens.",
    );
  }

  if (options.jwksCacheTtlInMs !== undefined) {
    console.warn(
      "dropsync: clerkAuth's jwksCacheTtlInMs option has no effect, because @clerk/backend deprecates it and caches Clerk's keys for up to 5 minutes. Remove it, or set skipJwksCache: true to fetch the keys for every token.",
    );
  }
  const verifyOptions = {
    jwtKey,
    secretKey,
    apiUrl: options.apiUrl,
    apiVersion: options.apiVersion,
    authorizedParties: options.authorizedParties,
    audience: options.audience,
    issuer: options.issuer,
    clockSkewInMs: options.clockSkewInMs,
    skipJwksCache: options.skipJwksCache,
    jwksCacheTtlInMs: options.jwksCacheTtlInMs,
  };

  return async (request) => {
    const token = sessionTokenFromRequest(request);
    if (!token) return null;

    const { verifyToken } = await loadClerkBackend();
    let claims: ClerkSessionClaims;
    try {
      claims = await verifyToken(token, verifyOptions);
    } catch (error) {
      throw rejectTokenError(error);
    }

    // verifyToken skips the audience check for a token without `aud`, such
    // as a plain session token, but a configured audience means it is
    // required.
    if (options.audience !== undefined && !hasAudienceClaim(claims)) {
      throw forbiddenError(
        "Your session token has no audience (aud claim), but this upload route accepts only tokens for its audience. Send a token from the Clerk JWT template that sets it.",
      );
    }
    if (claims.sts === "pending" && !options.allowPendingSessions) {
      throw forbiddenError(
        "Your session has pending tasks, such as choosing an organization. Finish signing in, then retry the upload.",
      );
    }

    return {
      userId: claims.sub,
      sessionId: typeof claims.sid === "string" ? claims.sid : null,
      orgId: organizationId(claims),
      claims,
    };
  };
}
