import { EdgeVM } from "@edge-runtime/vm";
import { beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "../../src/testing/webhooks/index";
import { bundleWebhooksEntry } from "./bundle";
import { secret, userCreatedBody } from "./support";

let vm: EdgeVM;
let inputs: string[];

beforeAll(async () => {
  const bundle = await bundleWebhooksEntry();
  inputs = bundle.inputs;
  vm = new EdgeVM();
  vm.evaluate(bundle.code);
});

/** Runs a signed delivery through a handler created inside the edge VM. */
async function deliverInVm(options: string, body: string): Promise<number> {
  const signed = signWebhook(body, { secret, id: "msg_edge" });
  const run = `(async () => {
    const handler = dropsyncWebhooks.createClerkWebhookHandler(${options});
    const response = await handler(new Request("https://edge.example/api/webhooks/clerk", {
      method: "POST",
      headers: ${JSON.stringify(signed.headers)},
      body: ${JSON.stringify(body)},
    }));
    return response.status;
  })()`;
  return (await vm.evaluate(run)) as number;
}

describe("edge runtime", () => {
  it("VM has no Buffer or process", () => {
    expect(vm.evaluate("typeof Buffer")).toBe("undefined");
    expect(vm.evaluate("typeof process")).toBe("undefined");
    expect(vm.evaluate("typeof require")).toBe("undefined");
  });

  it("bundle reads no node_modules or node: input", () => {
    const external = inputs.filter(
      (input) => input.startsWith("node:") || input.includes("node_modules"),
    );

    expect(external).toEqual([]);
  });

  it("signed delivery returns 200", async () => {
    const status = await deliverInVm(
      `{ secret: ${JSON.stringify(secret)}, on: { "user.created": () => {} } }`,
      userCreatedBody(),
    );

    expect(status).toBe(200);
  });

  it("tampered delivery returns 400", async () => {
    const signed = signWebhook('{"type":"a"}', { secret, id: "msg_edge" });
    const status = await vm.evaluate(`(async () => {
      const handler = dropsyncWebhooks.createClerkWebhookHandler({
        secret: ${JSON.stringify(secret)},
        onError: () => {},
      });
      const response = await handler(new Request("https://edge.example/", {
        method: "POST",
        headers: ${JSON.stringify(signed.headers)},
        body: '{"type":"b"}',
      }));
      return response.status;
    })()`);

    expect(status).toBe(400);
  });

  it("undefined secret without process returns 500", async () => {
    const status = await deliverInVm(
      `{ onError: () => {} }`,
      userCreatedBody(),
    );

    expect(status).toBe(500);
  });
});
