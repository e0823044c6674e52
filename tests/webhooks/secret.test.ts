import { afterEach, describe, expect, it, vi } from "vitest";
import { createClerkWebhookHandler } from "../../src/webhooks/index";
import {
  createTestHandler,
  builds,
  nowMs,
  otherSecret,
  secret,
  signedRequest,
  userCreatedBody,
} from "./support";

function creationError(value: unknown): unknown {
  try {
    createClerkWebhookHandler({ secret: value as string });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("secret option validation", () => {
  const invalid = [
    {
      name: "empty string",
      value: "",
      message: 'leave secret undefined rather than "".',
    },
    { name: "prefix only", value: "whsec_", message: "decodes to 0 bytes" },
    {
      name: "pasted signature",
      value: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      message: 'starts with "v1,", so it is a signature',
    },
    {
      name: "not base64",
      value: "whsec_not*base64!",
      message: "not valid base64",
    },
    {
      name: "URL-safe alphabet",
      value: "whsec_ab-_ab-_",
      message: "not valid base64",
    },
    {
      name: "missing padding",
      value: "whsec_QUJD",
      message: "decodes to 3 bytes",
    },
    {
      name: "short key",
      value: "whsec_c2hvcnQ=",
      message: "decodes to 5 bytes",
    },
    {
      name: "non-canonical bits",
      value: "whsec_QR==",
      message: "not valid base64",
    },
    {
      name: "signature prefix before whsec_",
      value: `v1,${secret}`,
      message:
        'secret starts with "v1," before the whsec_ prefix: remove "v1,"',
    },
    {
      name: "Clerk secret key",
      value: "sk_live_6ahp7mEMlgTGc2OYPOvxKIW9GprBoyT8nJWOcRIDmW",
      message: "secret is a Clerk API key (sk_… or pk_…)",
    },
    {
      name: "Clerk publishable key",
      value: "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
      message: "secret is a Clerk API key (sk_… or pk_…)",
    },
    {
      name: "Svix asymmetric key",
      value:
        "whpk_MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=",
      message: "secret is a Svix asymmetric key (whpk_…)",
    },
    {
      name: "doubled prefix",
      value: `whsec_${secret}`,
      message: "secret has the whsec_ prefix twice",
    },
    {
      name: "whole .env line",
      value: `CLERK_WEBHOOK_SIGNING_SECRET=${secret}`,
      message: 'secret starts with a variable name and "="',
    },
    {
      name: "base64 of a secret",
      value: btoa(secret),
      message: "secret is base64 of a whsec_ secret, so it was encoded twice",
    },
    { name: "number", value: 42, message: "secret must be a string" },
    {
      name: "quoted secret",
      value: '"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"',
      message: "secret is wrapped in quotes",
    },
  ];

  for (const { name, value, message } of invalid) {
    it(`${name} throws TypeError`, () => {
      const error = creationError(value);

      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toContain(message);
    });
  }

  it("error never contains the secret", () => {
    const error = creationError("whsec_c2VjcmV0LXNlY3JldA==") as TypeError;

    expect(error.message).not.toContain("c2VjcmV0");
  });

  it("array entry error names its index", () => {
    const error = creationError([secret, "whsec_"]) as TypeError;

    expect(error.message).toMatch(/^secret\[1\] decodes to 0 bytes/);
  });

  it("empty array throws TypeError", () => {
    expect(() => createClerkWebhookHandler({ secret: [] })).toThrow(
      "secret is an empty array",
    );
  });

  it("surrounding whitespace is trimmed", () => {
    expect(() =>
      createClerkWebhookHandler({ secret: `  ${secret}\n` }),
    ).not.toThrow();
  });

  it("unprefixed secret with padding is accepted", () => {
    // Letters and digits before "=" or "==" must not look like a NAME=value
    // line from a .env file.
    for (const key of [
      btoa("0123456789abcdefghijklmno"),
      btoa("0123456789abcdefghijklmnop"),
    ]) {
      expect(key).toMatch(/^[A-Za-z0-9]+==?$/);
      expect(() => createClerkWebhookHandler({ secret: key })).not.toThrow();
    }
  });

  it("unprefixed secret is accepted", async () => {
    const handler = createClerkWebhookHandler({
      secret: secret.slice("whsec_".length),
      now: () => nowMs,
    });

    expect((await handler(signedRequest(userCreatedBody()))).status).toBe(200);
  });
});

describe("secret rotation", () => {
  for (const build of builds) {
    it(`second secret verifies (${build.name})`, async () => {
      const { handler } = createTestHandler(build.module, {
        secret: [otherSecret, secret],
      });

      expect((await handler(signedRequest(userCreatedBody()))).status).toBe(
        200,
      );
    });
  }
});

describe("secret from environment", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("missing variable returns 500", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", undefined);
    const { handler, errors } = createTestHandler(builds[0].module, {
      secret: undefined,
    });
    const response = await handler(signedRequest(userCreatedBody()));

    expect(response.status).toBe(500);
    expect(errors).toEqual([{ code: "secret_missing", status: 500 }]);
  });

  it("other variable name is reported", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", undefined);
    vi.stubEnv("CLERK_WEBHOOK_SECRET", secret);
    const messages: string[] = [];
    const handler = createClerkWebhookHandler({
      now: () => nowMs,
      onError: (error) => void messages.push(error.message),
    });
    const response = await handler(signedRequest(userCreatedBody()));

    expect(response.status).toBe(500);
    expect(messages).toEqual([
      "Missing webhook signing secret: CLERK_WEBHOOK_SIGNING_SECRET is not set, but CLERK_WEBHOOK_SECRET is. Rename CLERK_WEBHOOK_SECRET to CLERK_WEBHOOK_SIGNING_SECRET, or pass secret: process.env.CLERK_WEBHOOK_SECRET to createClerkWebhookHandler.",
    ]);
  });

  it("variable with CRLF ending verifies", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", `${secret}\r\n`);
    const { handler } = createTestHandler(builds[0].module, {
      secret: undefined,
    });

    expect((await handler(signedRequest(userCreatedBody()))).status).toBe(200);
  });

  it("variable is read at request time", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", undefined);
    const { handler } = createTestHandler(builds[0].module, {
      secret: undefined,
    });
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", secret);

    expect((await handler(signedRequest(userCreatedBody()))).status).toBe(200);
  });

  it("invalid variable returns 500", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", "whsec_");
    const { handler, errors } = createTestHandler(builds[0].module, {
      secret: undefined,
    });
    const response = await handler(signedRequest(userCreatedBody()));

    expect(response.status).toBe(500);
    expect(errors).toEqual([{ code: "invalid_secret", status: 500 }]);
  });

  it("missing secret is logged without hooks", async () => {
    vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", undefined);
    const consoleError = vi
      .spyOn(console, "error")
      .mockImplementation(() => {});
    const handler = createClerkWebhookHandler({ now: () => nowMs });
    await handler(signedRequest(userCreatedBody()));

    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toContain(
      "Missing webhook signing secret",
    );
    consoleError.mockRestore();
  });
});
