import { createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UploadThingError } from "uploadthing/server";
import { clerkAuth, type ClerkAuthOptions } from "../../src/server";
import {
  generateSigningKey,
  issuer,
  signSessionToken,
  type SigningKey,
} from "./support/clerk-tokens";
import { serveFetch, type LocalServer } from "./support/serve-fetch";

const optionList =
  "jwtKey, secretKey, apiUrl, apiVersion, authorizedParties, audience, issuer, clockSkewInMs, skipJwksCache, jwksCacheTtlInMs, allowPendingSessions";

// Options as plain JavaScript may pass them, without TypeScript's checks.
function createWith(options: Record<string, unknown>) {
  return () =>
    clerkAuth({ jwtKey: "public-key", ...options } as ClerkAuthOptions);
}

describe("clerkAuth option types", () => {
  it.each([
    [
      "authorizedParties",
      "https://a.com",
      'a list of origins, such as ["https://example.com"]',
    ],
    [
      "authorizedParties",
      ["https://a.com", 1],
      'a list of origins, such as ["https://example.com"]',
    ],
    ["audience", 42, "a string or a list of strings"],
    ["audience", ["api", ""], "a string or a list of strings"],
    ["jwtKey", 123, "a non-empty string"],
    ["secretKey", "", "a non-empty string"],
    ["apiUrl", {}, "a non-empty string"],
    ["clockSkewInMs", "5000", "a number of milliseconds of at least 0"],
    ["clockSkewInMs", -1, "a number of milliseconds of at least 0"],
    ["allowPendingSessions", "yes", "true or false"],
    ["apiVersion", "", "a non-empty string"],
    ["issuer", 5, "a string or a list of strings"],
    ["issuer", [""], "a string or a list of strings"],
    ["skipJwksCache", "true", "true or false"],
    ["jwksCacheTtlInMs", -1, "a number of milliseconds of at least 0"],
  ])("rejects %s %j", (name, value, expected) => {
    expect(createWith({ [name]: value })).toThrow(
      new TypeError(
        `clerkAuth: the ${name} option must be ${expected}, not ${JSON.stringify(value)}.`,
      ),
    );
  });

  it("rejects an unknown option", () => {
    expect(createWith({ authorizedParty: ["https://a.com"] })).toThrow(
      new TypeError(
        `clerkAuth: unknown option authorizedParty. The options are ${optionList}.`,
      ),
    );
  });

  it("rejects headerType with the reason", () => {
    expect(createWith({ headerType: ["JWT", "at+jwt"] })).toThrow(
      new TypeError(
        `clerkAuth: the headerType option is not supported, because clerkAuth verifies session tokens, whose typ header is always JWT. The options are ${optionList}.`,
      ),
    );
  });

  it("rejects a string as options", () => {
    expect(() => clerkAuth("sk_test" as unknown as ClerkAuthOptions)).toThrow(
      new TypeError(
        'clerkAuth: options must be an object such as { authorizedParties: ["https://example.com"] }, not "sk_test".',
      ),
    );
  });

  it("accepts a single audience", () => {
    expect(createWith({ audience: "api" })).not.toThrow();
  });

  it("accepts every documented option", () => {
    expect(
      createWith({
        secretKey: "sk_test_1",
        apiUrl: "https://api.clerk.com",
        authorizedParties: ["https://a.com"],
        audience: ["api", "web"],
        clockSkewInMs: 0,
        allowPendingSessions: true,
        apiVersion: "v1",
        issuer: "https://clerk.example.com",
        skipJwksCache: false,
      }),
    ).not.toThrow();
  });
});

describe("clerkAuth empty claim lists", () => {
  it.each([
    [
      "authorizedParties",
      "azp",
      `your app's origins, such as ["https://example.com"]`,
    ],
    ["audience", "aud", 'the accepted audiences, such as ["api"]'],
    [
      "issuer",
      "iss",
      'the accepted issuers, such as ["https://clerk.example.com"]',
    ],
  ])("rejects an empty %s", (name, claim, fix) => {
    expect(createWith({ [name]: [] })).toThrow(
      new TypeError(
        `clerkAuth: the ${name} option is an empty list, and @clerk/backend skips the ${claim} check for an empty list, so every token would pass that check. List ${fix}, or leave the option out.`,
      ),
    );
  });
});

describe("clerkAuth authorized parties", () => {
  it.each([
    ["app.example.com", "it has no scheme, such as https://."],
    ["https://a.com/dashboard", "an origin has no path, query or fragment."],
  ])("rejects the entry %s", (party, reason) => {
    expect(createWith({ authorizedParties: [party] })).toThrow(
      new TypeError(
        `clerkAuth: invalid authorizedParties entry ${JSON.stringify(party)}: ${reason} Write an origin as scheme://host[:port], such as "https://example.com".`,
      ),
    );
  });
});

const clerkKey = generateSigningKey();
const now = Math.floor(Date.now() / 1000);

function bearer(token: string) {
  return new Request("http://127.0.0.1/api/uploadthing", {
    headers: { authorization: `Bearer ${token}` },
  });
}

async function rejectionOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as UploadThingError;
  }
  throw new Error("Expected the request to be rejected.");
}

describe("clerkAuth clockSkewInMs pass-through", () => {
  const expiredSecondsAgo = signSessionToken(clerkKey, {
    iat: now - 70,
    nbf: now - 80,
    exp: now - 10,
  });
  const activeInSeconds = signSessionToken(clerkKey, {
    iat: now + 20,
    nbf: now + 20,
    exp: now + 80,
  });

  it("default skew rejects expired token", async () => {
    const auth = clerkAuth({ jwtKey: clerkKey.publicKeyPem });
    const error = await rejectionOf(auth(bearer(expiredSecondsAgo)));

    expect(error.message).toBe(
      "Your session token has expired. Refresh the page or sign in again, then retry the upload.",
    );
  });

  it("wider skew accepts expired token", async () => {
    const auth = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      clockSkewInMs: 30_000,
    });
    const user = await auth(bearer(expiredSecondsAgo));

    expect(user?.userId).toBe("user_2abc");
  });

  it("default skew rejects early token", async () => {
    const auth = clerkAuth({ jwtKey: clerkKey.publicKeyPem });
    const error = await rejectionOf(auth(bearer(activeInSeconds)));

    expect(error.message).toBe(
      "Your session token is not valid yet. Check the clock of the device and the server, then retry the upload.",
    );
  });

  it("wider skew accepts early token", async () => {
    const auth = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      clockSkewInMs: 30_000,
    });
    const user = await auth(bearer(activeInSeconds));

    expect(user?.userId).toBe("user_2abc");
  });
});

describe("clerkAuth issuer pass-through", () => {
  it("accepts the listed issuer", async () => {
    const auth = clerkAuth({ jwtKey: clerkKey.publicKeyPem, issuer: [issuer] });
    const user = await auth(bearer(signSessionToken(clerkKey)));

    expect(user?.userId).toBe("user_2abc");
  });

  it("rejects another issuer", async () => {
    const auth = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      issuer: "https://clerk.other.test",
    });
    const error = await rejectionOf(auth(bearer(signSessionToken(clerkKey))));

    expect(error.message).toBe(
      "Your session token was issued by another Clerk instance.",
    );
  });
});

/** Starts a local stand-in for Clerk's Backend API that serves `GET /{version}/jwks`. */
function startJwksServer(key: SigningKey) {
  const requests: { path: string; authorization: string | null }[] = [];
  const jwk = {
    ...createPublicKey(key.publicKeyPem).export({ format: "jwk" }),
    kid: key.kid,
    alg: "RS256",
    use: "sig",
  };
  const started = serveFetch(async (request) => {
    const path = new URL(request.url).pathname;
    requests.push({
      path,
      authorization: request.headers.get("authorization"),
    });
    if (!path.endsWith("/jwks")) return new Response("{}", { status: 404 });
    return Response.json({ keys: [jwk] });
  });
  return { requests, started };
}

describe("clerkAuth audience pass-through", () => {
  const auth = clerkAuth({
    jwtKey: clerkKey.publicKeyPem,
    audience: ["uploads", "api"],
  });

  it("accepts a listed audience", async () => {
    const user = await auth(
      bearer(signSessionToken(clerkKey, { aud: ["other", "api"] })),
    );

    expect(user?.userId).toBe("user_2abc");
  });

  it("rejects a token without aud", async () => {
    const error = await rejectionOf(auth(bearer(signSessionToken(clerkKey))));

    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      "Your session token has no audience (aud claim), but this upload route accepts only tokens for its audience. Send a token from the Clerk JWT template that sets it.",
    );
  });

  it("rejects an empty aud", async () => {
    const error = await rejectionOf(
      auth(bearer(signSessionToken(clerkKey, { aud: [] }))),
    );

    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("clerkAuth key fetch options", () => {
  const jwks = startJwksServer(clerkKey);
  let server: LocalServer;

  beforeAll(async () => {
    server = await jwks.started;
  });

  afterAll(async () => {
    await server.close();
  });

  // @clerk/backend caches keys per apiUrl, apiVersion and secretKey for the
  // whole process, so each case uses its own secret key.
  it("skipJwksCache fetches keys per token", async () => {
    jwks.requests.length = 0;
    const auth = clerkAuth({
      secretKey: "sk_test_skip_cache",
      apiUrl: server.origin,
      skipJwksCache: true,
    });
    await auth(bearer(signSessionToken(clerkKey)));
    await auth(bearer(signSessionToken(clerkKey)));

    expect(jwks.requests.map((request) => request.path)).toEqual([
      "/v1/jwks",
      "/v1/jwks",
    ]);
  });

  it("cached keys are fetched once", async () => {
    jwks.requests.length = 0;
    const auth = clerkAuth({
      secretKey: "sk_test_cached",
      apiUrl: server.origin,
    });
    await auth(bearer(signSessionToken(clerkKey)));
    const user = await auth(bearer(signSessionToken(clerkKey)));

    expect(user?.userId).toBe("user_2abc");
    expect(jwks.requests.map((request) => request.path)).toEqual(["/v1/jwks"]);
  });

  it("apiVersion sets the fetch path", async () => {
    jwks.requests.length = 0;
    const auth = clerkAuth({
      secretKey: "sk_test_api_version",
      apiUrl: server.origin,
      apiVersion: "v2",
    });
    const user = await auth(bearer(signSessionToken(clerkKey)));

    expect(user?.userId).toBe("user_2abc");
    expect(jwks.requests).toEqual([
      { path: "/v2/jwks", authorization: "Bearer sk_test_api_version" },
    ]);
  });
});

describe("clerkAuth jwksCacheTtlInMs", () => {
  it("warns that the option has no effect", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      clerkAuth({ jwtKey: clerkKey.publicKeyPem, jwksCacheTtlInMs: 60_000 });

      expect(warn.mock.calls).toEqual([
        [
          "dropsync: clerkAuth's jwksCacheTtlInMs option has no effect, because @clerk/backend deprecates it and caches Clerk's keys for up to 5 minutes. Remove it, or set skipJwksCache: true to fetch the keys for every token.",
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it("still verifies tokens", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const auth = clerkAuth({
        jwtKey: clerkKey.publicKeyPem,
        jwksCacheTtlInMs: 60_000,
      });
      const user = await auth(bearer(signSessionToken(clerkKey)));

      expect(user?.userId).toBe("user_2abc");
    } finally {
      warn.mockRestore();
    }
  });
});
