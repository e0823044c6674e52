import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "svix";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildClerkDeletedObject,
  buildClerkEvent,
} from "../../src/testing/webhooks/index";
import {
  builds,
  createTestHandler,
  nowMs,
  nowSeconds,
  secret,
} from "./support";

// Cases that Svix and Clerk users run into in production, each signed by the
// svix package so that only the handler under test is ours.

const deliveryId = "msg_pitfall";

/** Signs `body` with the svix package at the test clock. */
function svixSignature(body: string | Uint8Array, id = deliveryId): string {
  return new Webhook(secret).sign(
    id,
    new Date(nowSeconds * 1000),
    typeof body === "string" ? body : Buffer.from(body),
  );
}

function post(
  body: string | Uint8Array,
  headers: Record<string, string>,
): Request {
  return new Request("http://localhost/api/webhooks/clerk", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

function svixHeaders(signature: string): Record<string, string> {
  return {
    "svix-id": deliveryId,
    "svix-timestamp": String(nowSeconds),
    "svix-signature": signature,
  };
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { message: string } };
  return body.error.message;
}

const customEvent = '{"type":"custom.event","data":{}}';

for (const build of builds) {
  describe(`delivery pitfalls (${build.name})`, () => {
    it("BOM-prefixed body verifies and parses", async () => {
      const types: string[] = [];
      const { handler } = createTestHandler(build.module, {
        onUnhandled: (event) => void types.push(event.type),
      });
      const body = `\uFEFF${customEvent}`;
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(response.status).toBe(200);
      expect(types).toEqual(["custom.event"]);
    });

    it("CRLF body verifies unchanged", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{\r\n  "type": "custom.event"\r\n}\r\n';

      const exact = await handler(post(body, svixHeaders(svixSignature(body))));
      const normalised = await handler(
        post(body.replaceAll("\r\n", "\n"), svixHeaders(svixSignature(body))),
      );

      expect(exact.status).toBe(200);
      expect(normalised.status).toBe(400);
    });

    it("mixed-case header names verify", async () => {
      const { handler } = createTestHandler(build.module);
      const response = await handler(
        post(customEvent, {
          "Svix-Id": deliveryId,
          "SVIX-TIMESTAMP": String(nowSeconds),
          "Svix-Signature": svixSignature(customEvent),
        }),
      );

      expect(response.status).toBe(200);
    });

    it("mixed svix- and webhook- headers verify", async () => {
      const { handler } = createTestHandler(build.module);
      const response = await handler(
        post(customEvent, {
          "svix-id": deliveryId,
          "webhook-timestamp": String(nowSeconds),
          "webhook-signature": svixSignature(customEvent),
        }),
      );

      expect(response.status).toBe(200);
    });

    it("comma-joined signature headers verify", async () => {
      const { handler } = createTestHandler(build.module);
      const valid = svixSignature(customEvent);
      const stale = `v1,${"A".repeat(43)}=`;

      const validFirst = await handler(
        post(customEvent, svixHeaders(`${valid}, ${stale}`)),
      );
      const validLast = await handler(
        post(customEvent, svixHeaders(`${stale}, ${valid}`)),
      );

      expect(validFirst.status).toBe(200);
      expect(validLast.status).toBe(200);
    });

    it("tab-separated signatures verify", async () => {
      const { handler } = createTestHandler(build.module);
      const signature = `v1,${"A".repeat(43)}=\t${svixSignature(customEvent)}`;
      const response = await handler(post(customEvent, svixHeaders(signature)));

      expect(response.status).toBe(200);
    });

    it("request without Svix headers is explained", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const response = await handler(
        post(customEvent, { "content-type": "application/json" }),
      );

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "missing_header", status: 400 }]);
      expect(await errorMessage(response)).toMatch(
        /^Missing headers svix-id, svix-timestamp and svix-signature .*so Svix did not send this request/,
      );
    });

    it("one dropped header is named", async () => {
      const { handler } = createTestHandler(build.module);
      const headers = svixHeaders(svixSignature(customEvent));
      delete headers["svix-signature"];
      const response = await handler(post(customEvent, headers));

      expect(await errorMessage(response)).toMatch(
        /^Missing header svix-signature \(or its webhook- equivalent\).*no proxy/,
      );
    });

    it("ISO timestamp header is named", async () => {
      const { handler } = createTestHandler(build.module);
      const headers = svixHeaders(svixSignature(customEvent));
      headers["svix-timestamp"] = "2026-01-01T00:00:00Z";
      const response = await handler(post(customEvent, headers));

      expect(response.status).toBe(400);
      expect(await errorMessage(response)).toBe(
        'Invalid svix-timestamp "2026-01-01T00:00:00Z": it must be an integer number of seconds since the epoch.',
      );
    });

    it("future timestamp is too new", async () => {
      const { handler } = createTestHandler(build.module);
      const timestamp = nowSeconds + 600;
      const response = await handler(
        post(customEvent, {
          "svix-id": deliveryId,
          "svix-timestamp": String(timestamp),
          "svix-signature": new Webhook(secret).sign(
            deliveryId,
            new Date(timestamp * 1000),
            customEvent,
          ),
        }),
      );

      expect(response.status).toBe(400);
      expect(await errorMessage(response)).toBe(
        `Webhook timestamp ${timestamp} is too new: it is 600 s from the server clock ${nowSeconds}, and the tolerance is 300 s. Check the server clock if this repeats.`,
      );
    });

    it("day-old replay gets resend hint", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const timestamp = nowSeconds - 86_400;
      const response = await handler(
        post(customEvent, {
          "svix-id": deliveryId,
          "svix-timestamp": String(timestamp),
          "svix-signature": new Webhook(secret).sign(
            deliveryId,
            new Date(timestamp * 1000),
            customEvent,
          ),
        }),
      );

      expect(response.status).toBe(400);
      expect(errors).toEqual([
        { code: "timestamp_out_of_tolerance", status: 400 },
      ]);
      expect(await errorMessage(response)).toBe(
        `Webhook timestamp ${timestamp} is too old: it is 86400 s from the server clock ${nowSeconds}, and the tolerance is 300 s. A saved delivery sent again later fails this check: resend it from the Clerk Dashboard, which signs each attempt anew, or sign a fresh copy with signWebhook from dropsync/testing.`,
      );
    });

    it("wider tolerance accepts an old delivery", async () => {
      const { handler } = createTestHandler(build.module, { tolerance: 3600 });
      const timestamp = nowSeconds - 1800;
      const response = await handler(
        post(customEvent, {
          "svix-id": deliveryId,
          "svix-timestamp": String(timestamp),
          "svix-signature": new Webhook(secret).sign(
            deliveryId,
            new Date(timestamp * 1000),
            customEvent,
          ),
        }),
      );

      expect(response.status).toBe(200);
    });

    it("mismatch names delivery and count", async () => {
      const { handler } = createTestHandler(build.module);
      const signature = `v1,${"A".repeat(43)}= v1,${"B".repeat(43)}=`;
      const response = await handler(post(customEvent, svixHeaders(signature)));
      const message = await errorMessage(response);

      expect(response.status).toBe(400);
      expect(message).toContain(
        `No v1 signature in svix-signature (2 checked) of delivery ${deliveryId} matches the signing secret.`,
      );
      expect(message).toContain("JSON.stringify on a parsed body");
    });

    it("stringified object body is explained", async () => {
      const { handler } = createTestHandler(build.module);
      const response = await handler(
        post("[object Object]", svixHeaders(svixSignature(customEvent))),
      );
      const message = await errorMessage(response);

      expect(response.status).toBe(400);
      expect(message).toContain('The body is the text "[object Object]"');
    });

    it("empty rebuilt body is explained", async () => {
      const { handler } = createTestHandler(build.module);
      const response = await handler(
        post("", svixHeaders(svixSignature(customEvent))),
      );
      const message = await errorMessage(response);

      expect(response.status).toBe(400);
      expect(message).toContain("The body is empty");
    });

    it("non-UTF-8 body names the byte", async () => {
      const { handler, errors } = createTestHandler(build.module);
      // {"type":"caf<0xE9>"} is Latin-1, where UTF-8 would need 0xC3 0xA9.
      const body = Uint8Array.from([
        ...new TextEncoder().encode('{"type":"caf'),
        0xe9,
        ...new TextEncoder().encode('"}'),
      ]);
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );
      const message = await errorMessage(response);

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "invalid_payload", status: 400 }]);
      expect(message).toContain(
        "Webhook body is not valid UTF-8: decoding fails at byte 12 of 15 (0xe9).",
      );
    });

    it("byte after a complete é is named", async () => {
      const { handler } = createTestHandler(build.module);
      // "é" is 0xC3 0xA9, complete, so the stray 0xFF at offset 11 is the error.
      const body = Uint8Array.from([
        ...new TextEncoder().encode('{"type":"é'),
        0xff,
        ...new TextEncoder().encode('"}'),
      ]);
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(await errorMessage(response)).toContain(
        "decoding fails at byte 11 of 14 (0xff).",
      );
    });

    it("body cut inside a character is named", async () => {
      const { handler } = createTestHandler(build.module);
      const body = new TextEncoder().encode('{"type":"é').subarray(0, -1);
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(await errorMessage(response)).toContain(
        "decoding fails at its end, inside a multi-byte sequence",
      );
    });

    it("unknown event type without onUnhandled returns 200", async () => {
      let calls = 0;
      const { handler, errors } = createTestHandler(build.module, {
        on: { "user.created": () => void calls++ },
      });
      const body = '{"type":"billing.subscription.created","data":{}}';
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(response.status).toBe(200);
      expect(calls).toBe(0);
      expect(errors).toEqual([]);
    });

    it("user.deleted stub leaves a tombstone", async () => {
      const store = build.module.memoryUserStore();
      const { handler } = createTestHandler(build.module, {
        on: { ...build.module.createUserSync(store) },
      });
      const event = buildClerkEvent(
        "user.deleted",
        buildClerkDeletedObject("user", "user_2deleted"),
        { timestamp: nowMs },
      );
      const body = JSON.stringify(event);
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(event.data).toEqual({
        deleted: true,
        id: "user_2deleted",
        object: "user",
      });
      expect(response.status).toBe(200);
      expect(store.listUsers()).toEqual([
        {
          id: "user_2deleted",
          email: null,
          firstName: null,
          lastName: null,
          username: null,
          imageUrl: null,
          createdAt: null,
          updatedAt: nowMs,
          deletedAt: nowMs,
        },
      ]);
    });

    it("user.deleted without id stores nothing", async () => {
      const store = build.module.memoryUserStore();
      const { handler, errors } = createTestHandler(build.module, {
        on: { ...build.module.createUserSync(store) },
      });
      const body = JSON.stringify({
        type: "user.deleted",
        object: "event",
        data: { deleted: true, object: "user" },
        timestamp: nowMs,
      });
      const response = await handler(
        post(body, svixHeaders(svixSignature(body))),
      );

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "invalid_payload", status: 400 }]);
      expect(store.listUsers()).toEqual([]);
    });
  });
}

describe("repeated svix-signature header over Node http", () => {
  const servers: Server[] = [];

  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  it("two header lines verify", async () => {
    const handler = builds[1].module.createClerkWebhookHandler({
      secret,
      now: () => nowMs,
    });
    const server = createServer(builds[1].module.toNodeHandler(handler));
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;

    // Node's http client sends an array value as one header line per entry,
    // and the server joins them with ", ".
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          timeout: 5000,
          headers: {
            "svix-id": deliveryId,
            "svix-timestamp": String(nowSeconds),
            "svix-signature": [
              svixSignature(customEvent),
              `v1,${"A".repeat(43)}=`,
            ],
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("timeout", () => request.destroy(new Error("timed out")));
      request.on("error", reject);
      request.end(customEvent);
    });

    expect(status).toBe(200);
  });
});
