import { createHmac } from "node:crypto";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { builds, createTestHandler, nowSeconds, secret } from "./support";

/** Signs `body` with the svix package, the reference implementation. */
function svixSignature(body: string, id: string, timestamp = nowSeconds) {
  return new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
}

function svixRequest(
  body: string,
  options: { id?: string; timestamp?: number; signature?: string } = {},
): Request {
  const id = options.id ?? "msg_case";
  const timestamp = options.timestamp ?? nowSeconds;
  return new Request("http://localhost/", {
    method: "POST",
    headers: {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": options.signature ?? svixSignature(body, id, timestamp),
    },
    body,
  });
}

for (const build of builds) {
  describe(`signature hard cases (${build.name})`, () => {
    it("integer-like keys verify unchanged", async () => {
      const received: unknown[] = [];
      const { handler } = createTestHandler(build.module, {
        onUnhandled: (event) => void received.push(event.data),
      });
      const body = '{"type":"custom.event","data":{"10":"a","9":"b"}}';
      const response = await handler(svixRequest(body));

      expect(response.status).toBe(200);
      expect(received).toEqual([{ 10: "a", 9: "b" }]);
    });

    it("re-serialised integer-like keys fail", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event","data":{"10":"a","9":"b"}}';
      // JSON.stringify(JSON.parse(body)) moves "9" before "10".
      const reserialised = JSON.stringify(JSON.parse(body));
      const response = await handler(
        svixRequest(reserialised, {
          signature: svixSignature(body, "msg_case"),
        }),
      );

      expect(reserialised).not.toBe(body);
      expect(response.status).toBe(400);
    });

    it("multibyte UTF-8 body verifies", async () => {
      const names: string[] = [];
      const { handler } = createTestHandler(build.module, {
        onUnhandled: (event) =>
          void names.push((event.data as { name: string }).name),
      });
      const body = '{"type":"custom.event","data":{"name":"Zoë 👩🏽‍💻 日本"}}';
      const response = await handler(svixRequest(body));

      expect(response.status).toBe(200);
      expect(names).toEqual(["Zoë 👩🏽‍💻 日本"]);
    });

    it("trailing newline is part of signature", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}\n';
      const signedWith = svixRequest(body);
      const signedWithout = svixRequest(body, {
        signature: svixSignature(body.trimEnd(), "msg_case"),
      });

      expect((await handler(signedWith)).status).toBe(200);
      expect((await handler(signedWithout)).status).toBe(400);
    });

    it("empty body returns invalid payload", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const response = await handler(svixRequest(""));

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "invalid_payload", status: 400 }]);
    });

    it("non-JSON body returns invalid payload", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const response = await handler(svixRequest("type=user.created"));

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "invalid_payload", status: 400 }]);
    });

    it("valid signature last among several", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}';
      const valid = svixSignature(body, "msg_case");
      const signature = `v1a,${valid.slice(3)} v2,xyz v1,${"A".repeat(43)}= ${valid}`;
      const response = await handler(svixRequest(body, { signature }));

      expect(response.status).toBe(200);
    });

    it("truncated signature is rejected", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}';
      const signature = svixSignature(body, "msg_case").slice(0, -2);
      const response = await handler(svixRequest(body, { signature }));

      expect(response.status).toBe(400);
      expect(errors).toEqual([{ code: "signature_mismatch", status: 400 }]);
    });

    it("v1a entry with valid bytes is skipped", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}';
      const signature = `v1a,${svixSignature(body, "msg_case").slice(3)}`;
      const response = await handler(svixRequest(body, { signature }));

      expect(response.status).toBe(400);
    });

    for (const offset of [-300, 300]) {
      it(`timestamp ${offset} s is accepted`, async () => {
        const { handler } = createTestHandler(build.module);
        const response = await handler(
          svixRequest('{"type":"custom.event"}', {
            timestamp: nowSeconds + offset,
          }),
        );

        expect(response.status).toBe(200);
      });
    }

    for (const offset of [-301, 301]) {
      it(`timestamp ${offset} s is rejected`, async () => {
        const { handler, errors } = createTestHandler(build.module);
        const response = await handler(
          svixRequest('{"type":"custom.event"}', {
            timestamp: nowSeconds + offset,
          }),
        );

        expect(response.status).toBe(400);
        expect(errors).toEqual([
          { code: "timestamp_out_of_tolerance", status: 400 },
        ]);
      });
    }

    it("webhook- prefixed headers verify", async () => {
      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}';
      const response = await handler(
        new Request("http://localhost/", {
          method: "POST",
          headers: {
            "webhook-id": "msg_std",
            "webhook-timestamp": String(nowSeconds),
            "webhook-signature": svixSignature(body, "msg_std"),
          },
          body,
        }),
      );

      expect(response.status).toBe(200);
    });

    it("empty-key forgery is rejected", async () => {
      // With an empty key, anyone can compute HMAC(“”, content). The secret
      // "whsec_" alone decodes to that key, so it must never be accepted.
      expect(() =>
        build.module.createClerkWebhookHandler({ secret: "whsec_" }),
      ).toThrow(TypeError);

      const { handler } = createTestHandler(build.module);
      const body = '{"type":"custom.event"}';
      const emptyKeyDigest = createHmac("sha256", new Uint8Array(0))
        .update(`msg_case.${nowSeconds}.${body}`)
        .digest("base64");
      const signature = `v1,${emptyKeyDigest}`;
      const response = await handler(svixRequest(body, { signature }));

      expect(response.status).toBe(400);
    });
  });
}
