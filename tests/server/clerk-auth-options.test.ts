import { describe, expect, it } from "vitest";
import { clerkAuth, type ClerkAuthOptions } from "../../src/server";

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
        "clerkAuth: unknown option authorizedParty. The options are jwtKey, secretKey, apiUrl, authorizedParties, audience, clockSkewInMs, allowPendingSessions.",
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
      }),
    ).not.toThrow();
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
