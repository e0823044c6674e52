import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UploadThingError } from "uploadthing/server";
import {
  clerkAuth,
  createFileRouter,
  sessionTokenFromRequest,
} from "../../src/server";
import {
  appOrigin,
  generateSigningKey,
  signSessionToken,
} from "./support/clerk-tokens";
import {
  startRequestRecorder,
  type RequestRecorder,
} from "./support/request-recorder";
import { serveFetch, type LocalServer } from "./support/serve-fetch";
import {
  createTestRouteHandler,
  requestPresignedUrls,
} from "./support/uploadthing";

const clerkKey = generateSigningKey();
const otherKey = generateSigningKey();
const now = Math.floor(Date.now() / 1000);

const auth = clerkAuth({
  jwtKey: clerkKey.publicKeyPem,
  authorizedParties: [appOrigin],
});

function requestWith(headers: Record<string, string>) {
  return new Request("http://127.0.0.1/api/uploadthing", { headers });
}

function bearer(token: string) {
  return requestWith({ authorization: `Bearer ${token}` });
}

async function rejectionOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as UploadThingError;
  }
  throw new Error("Expected the request to be rejected.");
}

describe("clerkAuth valid tokens", () => {
  it("returns the user from a bearer token", async () => {
    const user = await auth(bearer(signSessionToken(clerkKey)));

    expect(user?.userId).toBe("user_2abc");
  });

  it("returns the session id", async () => {
    const user = await auth(bearer(signSessionToken(clerkKey)));

    expect(user?.sessionId).toBe("sess_2abc");
  });

  it("returns the organization id", async () => {
    const token = signSessionToken(clerkKey, {
      o: { id: "org_9", rol: "admin", slg: "acme" },
    });
    const user = await auth(bearer(token));

    expect(user?.orgId).toBe("org_9");
  });

  it("reads the session cookie", async () => {
    const token = signSessionToken(clerkKey);
    const user = await auth(
      requestWith({ cookie: `theme=dark; __session=${token}; other=1` }),
    );

    expect(user?.userId).toBe("user_2abc");
  });

  it("prefers the header over the cookie", async () => {
    const headerToken = signSessionToken(clerkKey, { sub: "user_header" });
    const cookieToken = signSessionToken(clerkKey, { sub: "user_cookie" });
    const user = await auth(
      requestWith({
        authorization: `Bearer ${headerToken}`,
        cookie: `__session=${cookieToken}`,
      }),
    );

    expect(user?.userId).toBe("user_header");
  });

  it("normalizes authorized party URLs", async () => {
    const withSlash = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      authorizedParties: [`${appOrigin}/`],
    });
    const user = await withSlash(bearer(signSessionToken(clerkKey)));

    expect(user?.userId).toBe("user_2abc");
  });

  it("checks the audience when configured", async () => {
    const withAudience = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      audience: "uploads",
    });
    const user = await withAudience(
      bearer(signSessionToken(clerkKey, { aud: "uploads" })),
    );

    expect(user?.userId).toBe("user_2abc");
  });
});

describe("clerkAuth rejected tokens", () => {
  const cases: { name: string; request: () => Request; message: string }[] = [
    {
      name: "expired token",
      request: () =>
        bearer(
          signSessionToken(clerkKey, {
            iat: now - 600,
            nbf: now - 610,
            exp: now - 540,
          }),
        ),
      message:
        "Your session token has expired. Refresh the page or sign in again, then retry the upload.",
    },
    {
      name: "token signed by another key",
      request: () => bearer(signSessionToken(otherKey)),
      message:
        "Your session token is invalid. Sign in again, then retry the upload.",
    },
    {
      name: "token for another origin",
      request: () =>
        bearer(signSessionToken(clerkKey, { azp: "https://evil.example" })),
      message:
        "Your session token was issued to an origin that this upload route does not accept.",
    },
    {
      name: "token not active yet",
      request: () =>
        bearer(signSessionToken(clerkKey, { nbf: now + 600, iat: now + 600 })),
      message:
        "Your session token is not valid yet. Check the clock of the device and the server, then retry the upload.",
    },
    {
      name: "malformed token",
      request: () => bearer("not-a-jwt"),
      message:
        "Your session token is invalid. Sign in again, then retry the upload.",
    },
    {
      name: "pending session",
      request: () => bearer(signSessionToken(clerkKey, { sts: "pending" })),
      message:
        "Your session has pending tasks, such as choosing an organization. Finish signing in, then retry the upload.",
    },
  ];

  for (const testCase of cases) {
    it(`rejects ${testCase.name} with 403`, async () => {
      const error = await rejectionOf(auth(testCase.request()));

      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe(testCase.message);
    });
  }

  it("rejects the wrong audience", async () => {
    const withAudience = clerkAuth({
      jwtKey: clerkKey.publicKeyPem,
      audience: "uploads",
    });
    const error = await rejectionOf(
      withAudience(bearer(signSessionToken(clerkKey, { aud: "billing" }))),
    );

    expect(error.message).toBe(
      "Your session token was issued for another audience than this upload route accepts.",
    );
  });

  it("returns null without a token", async () => {
    expect(await auth(requestWith({}))).toBeNull();
  });

  it("treats Bearer null as missing", async () => {
    expect(await auth(requestWith({ authorization: "Bearer null" }))).toBe(
      null,
    );
  });

  it("ignores non-bearer authorization", async () => {
    expect(await auth(requestWith({ authorization: "Basic dXNlcg==" }))).toBe(
      null,
    );
  });
});

describe("clerkAuth options", () => {
  it("requires a key", () => {
    const saved = {
      jwt: process.env.CLERK_JWT_KEY,
      secret: process.env.CLERK_SECRET_KEY,
    };
    delete process.env.CLERK_JWT_KEY;
    delete process.env.CLERK_SECRET_KEY;
    try {
      expect(() => clerkAuth()).toThrow(
        "clerkAuth needs Clerk's JWT public key (the jwtKey option or CLERK_JWT_KEY) or a secret key (the secretKey option or CLERK_SECRET_KEY) to verify session tokens.",
      );
    } finally {
      if (saved.jwt !== undefined) process.env.CLERK_JWT_KEY = saved.jwt;
      if (saved.secret !== undefined)
        process.env.CLERK_SECRET_KEY = saved.secret;
    }
  });

  it("reads the key from CLERK_JWT_KEY", async () => {
    process.env.CLERK_JWT_KEY = clerkKey.publicKeyPem;
    try {
      const fromEnvironment = clerkAuth();
      const user = await fromEnvironment(bearer(signSessionToken(clerkKey)));

      expect(user?.userId).toBe("user_2abc");
    } finally {
      delete process.env.CLERK_JWT_KEY;
    }
  });
});

describe("sessionTokenFromRequest", () => {
  it("decodes an encoded cookie value", () => {
    const request = requestWith({ cookie: "__session=a%2Eb%2Ec" });

    expect(sessionTokenFromRequest(request)).toBe("a.b.c");
  });

  it("ignores the cookie after sign-out", () => {
    const request = requestWith({ cookie: "__session=a.b.c; __client_uat=0" });

    expect(sessionTokenFromRequest(request)).toBeUndefined();
  });

  it("reads the cookie of an active client", () => {
    const request = requestWith({
      cookie: "__client_uat=1733300000; __session=a.b.c",
    });

    expect(sessionTokenFromRequest(request)).toBe("a.b.c");
  });

  it("ignores cookies with a longer name", () => {
    const request = requestWith({ cookie: "__session_xyz=abc" });

    expect(sessionTokenFromRequest(request)).toBeUndefined();
  });
});

describe("clerkAuth through the route handler", () => {
  let ingest: RequestRecorder;
  let server: LocalServer;
  let handlerUrl: string;
  const photo = { name: "me.png", size: 5000, type: "image/png" };

  beforeAll(async () => {
    ingest = await startRequestRecorder();
    const router = createFileRouter({ auth });
    server = await serveFetch(createTestRouteHandler(router, ingest.origin));
    handlerUrl = `${server.origin}/api/uploadthing`;
  });

  afterAll(async () => {
    await server.close();
    await ingest.close();
  });

  it("signs a URL for a valid token", async () => {
    const response = await requestPresignedUrls(handlerUrl, "avatar", [photo], {
      headers: { authorization: `Bearer ${signSessionToken(clerkKey)}` },
    });
    const [presigned] = response.body as { key: string }[];
    const registration = await ingest.waitForRequest((request) =>
      request.body.includes(presigned?.key ?? "missing key"),
    );

    expect(response.status).toBe(200);
    expect(JSON.parse(registration.body).metadata).toEqual({
      userId: "user_2abc",
    });
  });

  const rejected: { name: string; headers: () => Record<string, string> }[] = [
    { name: "missing token", headers: () => ({}) },
    {
      name: "expired token",
      headers: () => ({
        authorization: `Bearer ${signSessionToken(clerkKey, { exp: now - 120 })}`,
      }),
    },
    {
      name: "forged token",
      headers: () => ({
        authorization: `Bearer ${signSessionToken(otherKey)}`,
      }),
    },
    {
      name: "wrong authorized party",
      headers: () => ({
        cookie: `__session=${signSessionToken(clerkKey, { azp: "https://evil.example" })}`,
      }),
    },
  ];

  for (const testCase of rejected) {
    it(`rejects a ${testCase.name} with 403`, async () => {
      const before = ingest.requests.length;
      const response = await requestPresignedUrls(
        handlerUrl,
        "avatar",
        [photo],
        { headers: testCase.headers() },
      );

      expect(response.status).toBe(403);
      expect((response.body as { code: string }).code).toBe("FORBIDDEN");
      expect(ingest.requests.length).toBe(before);
    });
  }
});
