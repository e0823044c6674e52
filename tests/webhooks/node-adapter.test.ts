import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import {
  createClerkWebhookHandler,
  createUserSync,
  memoryUserStore,
  toNodeHandler,
  type NodeRequestListener,
} from "../../src/webhooks/index.node";
import { signWebhook } from "../../src/testing/webhooks/index";
import { secret, userCreatedBody } from "./support";

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Posts a signed body; every request is bounded by a 5 s timeout. */
function postSigned(url: string, body: string): Promise<Response> {
  const signed = signWebhook(body, { secret });
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signed.headers },
    body,
    signal: AbortSignal.timeout(5000),
  });
}

function createSyncedHandler() {
  const store = memoryUserStore();
  const errors: string[] = [];
  const handler = createClerkWebhookHandler({
    secret,
    on: { ...createUserSync(store) },
    onError: (error) => void errors.push(error.code),
  });
  return { store, errors, handler };
}

describe("Express adapter", () => {
  it("raw-body route returns 200", async () => {
    const { store, handler } = createSyncedHandler();
    const app = express();
    app.post(
      "/api/webhooks/clerk",
      express.raw({ type: "application/json" }),
      toNodeHandler(handler),
    );
    app.use(express.json());
    const base = await listen(createServer(app));
    const body = userCreatedBody();
    const response = await postSigned(`${base}/api/webhooks/clerk`, body);

    expect(response.status).toBe(200);
    expect(store.listUsers().map((row) => row.id)).toEqual([
      JSON.parse(body).data.id,
    ]);
  });

  it("route behind express.json explains mounting", async () => {
    const { handler, errors } = createSyncedHandler();
    const app = express();
    app.use(express.json());
    app.post("/api/webhooks/clerk", toNodeHandler(handler));
    const base = await listen(createServer(app));
    const response = await postSigned(
      `${base}/api/webhooks/clerk`,
      userCreatedBody(),
    );
    const payload = (await response.json()) as {
      error: { code: string; message: string };
    };

    expect(response.status).toBe(500);
    expect(payload.error.code).toBe("body_consumed");
    expect(payload.error.message).toContain(
      'express.raw({ type: "application/json" }) before any express.json()',
    );
    expect(errors).toEqual(["body_consumed"]);
  });

  it("route on a router uses the stream", async () => {
    const { store, handler } = createSyncedHandler();
    const app = express();
    const router = express.Router();
    router.post("/clerk", toNodeHandler(handler));
    app.use("/webhooks", router);
    const base = await listen(createServer(app));
    const response = await postSigned(
      `${base}/webhooks/clerk`,
      userCreatedBody(),
    );

    expect(response.status).toBe(200);
    expect(store.listUsers()).toHaveLength(1);
  });
});

describe("Node http adapter", () => {
  it("stream body returns 200", async () => {
    const { handler } = createSyncedHandler();
    const base = await listen(createServer(toNodeHandler(handler)));

    expect((await postSigned(base, userCreatedBody())).status).toBe(200);
  });

  it("consumed stream falls back to rawBody", async () => {
    const { handler } = createSyncedHandler();
    const listener = toNodeHandler(handler);
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      Object.assign(request, { rawBody: Buffer.concat(chunks) });
      await listener(request, response);
    });
    const base = await listen(server);

    expect((await postSigned(base, userCreatedBody())).status).toBe(200);
  });

  it("consumed stream without rawBody explains", async () => {
    // Koa and Fastify body parsers read the stream and keep the parsed body
    // on their own request objects, out of the adapter's sight.
    const { handler, errors } = createSyncedHandler();
    const listener = toNodeHandler(handler);
    const server = createServer(async (request, response) => {
      for await (const chunk of request) void chunk;
      await listener(request, response);
    });
    const base = await listen(server);
    const response = await postSigned(base, userCreatedBody());
    const payload = (await response.json()) as { error: { message: string } };

    expect(response.status).toBe(500);
    expect(errors).toEqual(["body_consumed"]);
    expect(payload.error.message).toContain(
      "set req.rawBody to the raw body as a Buffer or string",
    );
  });

  it("empty parsed body with unread stream verifies", async () => {
    // Express 4's body parsers set req.body = {} even when they skip a
    // request, and leave its stream unread.
    const { handler } = createSyncedHandler();
    const listener = toNodeHandler(handler);
    const server = createServer(async (request, response) => {
      Object.assign(request, { body: {} });
      await listener(request, response);
    });
    const base = await listen(server);

    expect((await postSigned(base, userCreatedBody())).status).toBe(200);
  });

  it("text body from a parser verifies", async () => {
    const { handler } = createSyncedHandler();
    const listener = toNodeHandler(handler);
    const server = createServer(async (request, response) => {
      let text = "";
      for await (const chunk of request) text += String(chunk);
      Object.assign(request, { body: text });
      await listener(request, response);
    });
    const base = await listen(server);

    expect((await postSigned(base, userCreatedBody())).status).toBe(200);
  });

  it("large content-length returns 413 and closes", async () => {
    const handler = createClerkWebhookHandler({ secret, onError: () => {} });
    const listener: NodeRequestListener = toNodeHandler(handler, {
      maxBodyBytes: 1024,
    });
    const base = await listen(createServer(listener));
    const { port } = new URL(base);
    const signed = signWebhook("{}", { secret });

    const result = await new Promise<{ status: number; connection: string }>(
      (resolve, reject) => {
        const outgoing = httpRequest({
          host: "127.0.0.1",
          port,
          method: "POST",
          headers: { ...signed.headers, "content-length": 10 * 1024 * 1024 },
          timeout: 5000,
        });
        outgoing.on("response", (response) => {
          resolve({
            status: response.statusCode ?? 0,
            connection: String(response.headers.connection),
          });
          response.resume();
        });
        outgoing.on("timeout", () => reject(new Error("request timed out")));
        outgoing.on("error", reject);
        // Only the first 64 KiB is ever sent, so the server must not wait for more.
        outgoing.write(new Uint8Array(64 * 1024));
      },
    );

    expect(result.status).toBe(413);
    expect(result.connection).toBe("close");
  });

  it("oversized chunked body returns 413", async () => {
    const handler = createClerkWebhookHandler({ secret, onError: () => {} });
    const base = await listen(
      createServer(toNodeHandler(handler, { maxBodyBytes: 1024 })),
    );
    const { port } = new URL(base);
    const signed = signWebhook("{}", { secret });

    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        headers: { ...signed.headers, "transfer-encoding": "chunked" },
        timeout: 5000,
      });
      outgoing.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
      });
      outgoing.on("timeout", () => reject(new Error("request timed out")));
      outgoing.on("error", reject);
      outgoing.write(new Uint8Array(4096));
    });

    expect(status).toBe(413);
  });

  it("handler maxBodyBytes is the default limit", async () => {
    const handler = createClerkWebhookHandler({
      secret,
      maxBodyBytes: 16,
      onError: () => {},
    });
    const base = await listen(createServer(toNodeHandler(handler)));

    expect((await postSigned(base, userCreatedBody())).status).toBe(413);
  });

  it("GET returns 405", async () => {
    const { handler } = createSyncedHandler();
    const base = await listen(createServer(toNodeHandler(handler)));
    const response = await fetch(base, { signal: AbortSignal.timeout(5000) });

    expect(response.status).toBe(405);
  });
});
