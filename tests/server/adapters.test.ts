import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteHandler as createExpressHandler } from "uploadthing/express";
import { createRouteHandler as createNextHandler } from "uploadthing/next";
import { createUploadthing } from "uploadthing/server";
import { clerkAuth, createFileRouter } from "../../src/server";
import {
  appOrigin,
  generateSigningKey,
  signSessionToken,
} from "./support/clerk-tokens";
import { invoiceInput } from "./support/invoice-input";
import {
  startRequestRecorder,
  type RequestRecorder,
} from "./support/request-recorder";
import { serveFetch, type LocalServer } from "./support/serve-fetch";
import {
  createTestRouteHandler,
  requestPresignedUrls,
  testHandlerConfig,
} from "./support/uploadthing";

const clerkKey = generateSigningKey();
const f = createUploadthing();
const router = createFileRouter({
  auth: clerkAuth({
    jwtKey: clerkKey.publicKeyPem,
    authorizedParties: [appOrigin],
  }),
  routes: {
    invoice: f({ pdf: { maxFileSize: "4MB" } })
      .input(invoiceInput)
      .middleware(({ input }) => ({ invoiceId: input.invoiceId }))
      .onUploadComplete(() => undefined),
  },
});
const photo = { name: "me.png", size: 5000, type: "image/png" };

let ingest: RequestRecorder;

beforeAll(async () => {
  ingest = await startRequestRecorder();
});

afterAll(async () => {
  await ingest.close();
});

describe("uploadthing/express adapter", () => {
  let server: ReturnType<ReturnType<typeof express>["listen"]>;
  let handlerUrl: string;

  beforeAll(async () => {
    const app = express();
    app.use(
      "/api/uploadthing",
      createExpressHandler({
        router,
        config: testHandlerConfig(ingest.origin),
      }),
    );
    await new Promise<void>((resolve) => {
      server = app.listen(0, "127.0.0.1", () => resolve());
    });
    handlerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/uploadthing`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("rejects an anonymous request", async () => {
    const response = await requestPresignedUrls(handlerUrl, "avatar", [photo]);

    expect(response).toEqual({
      status: 403,
      body: {
        code: "FORBIDDEN",
        message: "You must be signed in to upload files.",
      },
    });
  });

  it("accepts a session cookie", async () => {
    const response = await requestPresignedUrls(handlerUrl, "avatar", [photo], {
      headers: { cookie: `__session=${signSessionToken(clerkKey)}` },
    });

    expect(response.status).toBe(200);
  });
});

describe("uploadthing/next adapter", () => {
  let POST: ReturnType<typeof createNextHandler>["POST"];

  beforeAll(() => {
    POST = createNextHandler({
      router,
      config: testHandlerConfig(ingest.origin),
    }).POST;
  });

  async function post(headers: Record<string, string>) {
    const request = new Request(
      "http://localhost:3000/api/uploadthing?actionType=upload&slug=avatar",
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ files: [photo], input: undefined }),
      },
    );
    return POST(request as Parameters<typeof POST>[0]);
  }

  it("rejects an anonymous request", async () => {
    const response = await post({});

    expect(response.status).toBe(403);
  });

  it("accepts a bearer token", async () => {
    const response = await post({
      authorization: `Bearer ${signSessionToken(clerkKey)}`,
    });

    expect(response.status).toBe(200);
  });
});

describe("route input errors", () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await serveFetch(createTestRouteHandler(router, ingest.origin));
  });

  afterAll(async () => {
    await server.close();
  });

  it("names the invalid input field", async () => {
    const response = await requestPresignedUrls(
      `${server.origin}/api/uploadthing`,
      "invoice",
      [{ name: "q1.pdf", size: 1000, type: "application/pdf" }],
      {
        headers: { authorization: `Bearer ${signSessionToken(clerkKey)}` },
        input: { invoiceId: 7 },
      },
    );

    expect(response).toEqual({
      status: 400,
      body: {
        code: "BAD_REQUEST",
        message: "Invalid input: invoiceId: Expected a string",
      },
    });
  });
});
