import { Webhook } from "svix";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signWebhook } from "../../src/testing/webhooks/index";
import {
  builds,
  createTestHandler,
  nowMs,
  nowSeconds,
  secret,
} from "./support";

/** Creates a small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = ["a", "Z", "9", " ", '"', "\\", "é", "😀", "\n", "{", "日"];

interface Case {
  id: string;
  timestamp: number;
  body: string;
  signature: string;
}

/** Builds a case signed by svix, then maybe breaks one part of it. */
function makeCase(next: () => number, index: number): Case {
  const id = `msg_${index}_${Math.floor(next() * 1e9).toString(36)}`;
  const timestamp = nowSeconds + Math.round((next() - 0.5) * 700);
  let text = "";
  const length = Math.floor(next() * 40);
  for (let i = 0; i < length; i++) {
    text += alphabet[Math.floor(next() * alphabet.length)];
  }
  const body = JSON.stringify({
    type: "custom.event",
    data: { text, n: index },
  });
  const signature = new Webhook(secret).sign(
    id,
    new Date(timestamp * 1000),
    body,
  );

  const mutation = Math.floor(next() * 5);
  if (mutation === 0) return { id, timestamp, body: `${body} `, signature };
  if (mutation === 1) {
    const flipped = signature.endsWith("A=") ? "B=" : "A=";
    return { id, timestamp, body, signature: signature.slice(0, -2) + flipped };
  }
  if (mutation === 2) return { id: `${id}x`, timestamp, body, signature };
  return { id, timestamp, body, signature };
}

function svixAccepts(testCase: Case): boolean {
  try {
    new Webhook(secret).verify(testCase.body, {
      "svix-id": testCase.id,
      "svix-timestamp": String(testCase.timestamp),
      "svix-signature": testCase.signature,
    });
    return true;
  } catch {
    return false;
  }
}

describe("svix differential", () => {
  // svix reads Date.now itself, so both sides share the mocked clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(nowMs);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const build of builds) {
    it(`verdicts agree on 300 cases (${build.name})`, async () => {
      const next = random(20_260_101);
      const { handler } = createTestHandler(build.module, {
        idempotency: false,
      });
      const disagreements: string[] = [];
      let accepted = 0;

      for (let index = 0; index < 300; index++) {
        const testCase = makeCase(next, index);
        const response = await handler(
          new Request("http://localhost/", {
            method: "POST",
            headers: {
              "svix-id": testCase.id,
              "svix-timestamp": String(testCase.timestamp),
              "svix-signature": testCase.signature,
            },
            body: testCase.body,
          }),
        );
        const ours = response.status === 200;
        if (ours) accepted++;
        if (ours !== svixAccepts(testCase)) {
          disagreements.push(`${testCase.id}: dropsync ${response.status}`);
        }
      }

      expect(disagreements).toEqual([]);
      // Both verdicts occur, so the comparison is not vacuous.
      expect(accepted).toBeGreaterThan(50);
      expect(accepted).toBeLessThan(250);
    });
  }

  it("svix verifies signWebhook output", () => {
    const body = '{"type":"user.created","data":{"id":"user_1"}}';
    const signed = signWebhook(body, {
      secret,
      id: "msg_ours",
      timestamp: nowMs,
    });

    expect(() =>
      new Webhook(secret).verify(body, signed.headers),
    ).not.toThrow();
  });

  it("svix rejects a changed signWebhook body", () => {
    const body = '{"type":"user.created","data":{"id":"user_1"}}';
    const signed = signWebhook(body, {
      secret,
      id: "msg_ours",
      timestamp: nowMs,
    });

    expect(() =>
      new Webhook(secret).verify(
        body.replace("user_1", "user_2"),
        signed.headers,
      ),
    ).toThrow("No matching signature found");
  });

  it("timestamp with trailing letters: only svix accepts", async () => {
    // svix parses the timestamp with parseInt, which ignores trailing text;
    // dropsync requires digits only. This is where the two intentionally differ.
    const body = '{"type":"custom.event"}';
    const signature = new Webhook(secret).sign("msg_t", new Date(nowMs), body);
    const headers = {
      "svix-id": "msg_t",
      "svix-timestamp": `${nowSeconds}abc`,
      "svix-signature": signature,
    };
    const { handler } = createTestHandler(builds[0].module);
    const response = await handler(
      new Request("http://localhost/", { method: "POST", headers, body }),
    );

    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(response.status).toBe(400);
  });
});
