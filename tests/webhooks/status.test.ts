import { describe, expect, it } from "vitest";
import {
  builds,
  createTestHandler,
  nowSeconds,
  signedRequest,
  userCreatedBody,
} from "./support";

for (const build of builds) {
  describe(`handler status codes (${build.name})`, () => {
    it("verified event returns 200", async () => {
      const seen: string[] = [];
      const { handler } = createTestHandler(build.module, {
        on: { "user.created": (event) => void seen.push(event.data.id) },
      });
      const body = userCreatedBody();
      const response = await handler(signedRequest(body));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true });
      expect(seen).toEqual([JSON.parse(body).data.id]);
    });

    it("unhandled event returns 200 after onUnhandled", async () => {
      const unhandled: string[] = [];
      const { handler } = createTestHandler(build.module, {
        onUnhandled: (event) => void unhandled.push(event.type),
      });
      const body = JSON.stringify({ type: "agent.created", data: {} });
      const response = await handler(signedRequest(body));

      expect(response.status).toBe(200);
      expect(unhandled).toEqual(["agent.created"]);
    });

    it("processed delivery id returns 200 duplicate", async () => {
      let calls = 0;
      const { handler } = createTestHandler(build.module, {
        on: { "user.created": () => void calls++ },
      });
      const body = userCreatedBody();
      await handler(signedRequest(body));
      const response = await handler(signedRequest(body));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        received: true,
        duplicate: true,
      });
      expect(calls).toBe(1);
    });

    const rejections = [
      {
        name: "missing svix-id",
        request: () =>
          signedRequest(userCreatedBody(), { headers: { "svix-id": "" } }),
        status: 400,
        code: "missing_header",
      },
      {
        name: "whitespace-only svix-signature",
        request: () =>
          signedRequest(userCreatedBody(), {
            headers: { "svix-signature": "   " },
          }),
        status: 400,
        code: "missing_header",
      },
      {
        name: "non-integer timestamp",
        request: () =>
          signedRequest(userCreatedBody(), {
            headers: { "svix-timestamp": `${nowSeconds}.5` },
          }),
        status: 400,
        code: "invalid_header",
      },
      {
        name: "signature without v1 entry",
        request: () =>
          signedRequest(userCreatedBody(), { signature: "v2,abc v1a,def" }),
        status: 400,
        code: "invalid_header",
      },
      {
        name: "wrong signature",
        request: () =>
          signedRequest(userCreatedBody(), {
            signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
          }),
        status: 400,
        code: "signature_mismatch",
      },
      {
        name: "stale timestamp",
        request: () =>
          signedRequest(userCreatedBody(), { timestamp: nowSeconds - 301 }),
        status: 400,
        code: "timestamp_out_of_tolerance",
      },
      {
        name: "JSON array body",
        request: () => signedRequest("[1,2]"),
        status: 400,
        code: "invalid_payload",
      },
      {
        name: "object without type",
        request: () => signedRequest('{"data":{}}'),
        status: 400,
        code: "invalid_payload",
      },
    ];

    for (const rejection of rejections) {
      it(`${rejection.name} returns ${rejection.status}`, async () => {
        const { handler, errors } = createTestHandler(build.module);
        const response = await handler(rejection.request());
        const body = (await response.json()) as { error: { code: string } };

        expect(response.status).toBe(rejection.status);
        expect(body.error.code).toBe(rejection.code);
        expect(errors).toEqual([
          { code: rejection.code, status: rejection.status },
        ]);
      });
    }

    it("GET returns 405 with Allow", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const response = await handler(
        new Request("http://localhost/", { method: "GET" }),
      );

      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(errors).toEqual([{ code: "method_not_allowed", status: 405 }]);
    });

    it("large content-length returns 413 unread", async () => {
      const { handler, errors } = createTestHandler(build.module, {
        maxBodyBytes: 100,
      });
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(64));
        },
      });
      const request = signedRequest("{}", {
        headers: { "content-length": "5000" },
      });
      const streaming = new Request(request.url, {
        method: "POST",
        headers: request.headers,
        body,
        duplex: "half",
      } as RequestInit);
      const response = await handler(streaming);

      expect(response.status).toBe(413);
      expect(errors).toEqual([{ code: "body_too_large", status: 413 }]);
      expect(pulls).toBeLessThanOrEqual(1);
    });

    it("endless stream returns 413 and is cancelled", async () => {
      const { handler } = createTestHandler(build.module, {
        maxBodyBytes: 1000,
      });
      let pulls = 0;
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(256));
        },
        cancel() {
          cancelled = true;
        },
      });
      const headers = signedRequest("{}").headers;
      const response = await handler(
        new Request("http://localhost/", {
          method: "POST",
          headers,
          body,
          duplex: "half",
        } as RequestInit),
      );

      expect(response.status).toBe(413);
      expect(cancelled).toBe(true);
      // Four chunks reach 1024 bytes, and the stream may have queued one more.
      expect(pulls).toBeLessThanOrEqual(6);
    });

    it("throwing callback returns 500 without its message", async () => {
      const { handler, errors } = createTestHandler(build.module, {
        on: {
          "user.created": () => {
            throw new Error("database password is hunter2");
          },
        },
      });
      const response = await handler(signedRequest(userCreatedBody()));
      const text = await response.text();

      expect(response.status).toBe(500);
      expect(text).not.toContain("hunter2");
      expect(JSON.parse(text).error.code).toBe("callback_failed");
      expect(errors).toEqual([{ code: "callback_failed", status: 500 }]);
    });

    it("throwing onUnhandled returns 500", async () => {
      const { handler } = createTestHandler(build.module, {
        onUnhandled: async () => {
          throw new Error("queue unavailable");
        },
      });
      const response = await handler(signedRequest('{"type":"email.created"}'));

      expect(response.status).toBe(500);
    });

    it("consumed request body returns 500", async () => {
      const { handler, errors } = createTestHandler(build.module);
      const request = signedRequest(userCreatedBody());
      await request.text();
      const response = await handler(request);

      expect(response.status).toBe(500);
      expect(errors).toEqual([{ code: "body_consumed", status: 500 }]);
    });
  });
}
