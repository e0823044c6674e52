import { verifyWebhook } from "@clerk/backend/webhooks";
import { Webhook } from "svix";
import { Bench } from "tinybench";
import {
  buildClerkEvent,
  buildClerkUser,
  generateWebhookSecret,
  signWebhook,
} from "../../src/testing/webhooks/index";
import * as neutralBuild from "../../src/webhooks/index";
import * as nodeBuild from "../../src/webhooks/index.node";

type Handler = (request: Request) => Promise<Response>;

const secret = generateWebhookSecret();

/** Builds a `user.created` event padded with metadata to 2 KB, as a JSON string. */
function clerkPayload(): string {
  const user = buildClerkUser({ public_metadata: { plan: "pro", notes: "" } });
  const event = buildClerkEvent("user.created", user);
  const base = JSON.stringify(event).length;
  user.public_metadata = { plan: "pro", notes: "x".repeat(2048 - base) };
  return JSON.stringify(event);
}

const body = clerkPayload();
let sequence = 0;

// Each timed iteration handles a batch of requests, so that timer overhead
// and garbage collection spread evenly over the tasks.
const batchSize = 50;
const rounds = 7;

/** New signed requests with unique delivery ids, built outside the timing. */
function nextBatch(): Request[] {
  const batch: Request[] = [];
  for (let index = 0; index < batchSize; index++) {
    const signed = signWebhook(body, { secret, id: `msg_bench_${sequence++}` });
    batch.push(
      new Request("http://localhost/api/webhooks/clerk", {
        method: "POST",
        headers: { "content-type": "application/json", ...signed.headers },
        body,
      }),
    );
  }
  return batch;
}

const noop = (_event: unknown) => {};

function dropsyncHandler(
  build: typeof neutralBuild,
  options: { idempotency?: false } = {},
): Handler {
  return build.createClerkWebhookHandler({
    secret,
    on: { "user.created": noop },
    ...options,
  });
}

/** Creates the handler an app writes with svix: read, verify, parse, dispatch. */
function svixHandler(): Handler {
  const webhook = new Webhook(secret);
  const handlers: Record<string, (event: unknown) => void> = {
    "user.created": noop,
  };
  return async (request) => {
    const text = await request.text();
    webhook.verify(text, {
      "svix-id": request.headers.get("svix-id") ?? "",
      "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
      "svix-signature": request.headers.get("svix-signature") ?? "",
    });
    const event = JSON.parse(text) as { type: string };
    handlers[event.type]?.(event);
    return new Response("ok");
  };
}

/** Creates the handler an app writes with @clerk/backend: verifyWebhook, then dispatch. */
function clerkHandler(): Handler {
  const handlers: Record<string, (event: unknown) => void> = {
    "user.created": noop,
  };
  return async (request) => {
    const event = await verifyWebhook(request, { signingSecret: secret });
    handlers[event.type]?.(event);
    return new Response("ok");
  };
}

const svixName = "svix baseline";
const clerkName = "@clerk/backend verifyWebhook";
const tasks: Record<string, Handler> = {
  [svixName]: svixHandler(),
  [clerkName]: clerkHandler(),
  "dropsync, node build": dropsyncHandler(nodeBuild),
  "dropsync, node build, no idempotency": dropsyncHandler(nodeBuild, {
    idempotency: false,
  }),
  "dropsync, web crypto build": dropsyncHandler(neutralBuild),
};
const taskNames = Object.keys(tasks);

/** Runs every task once, in the given order; returns median µs per request. */
async function runRound(order: string[]): Promise<Map<string, number>> {
  const bench = new Bench({ time: 600, warmupTime: 150 });
  for (const name of order) {
    const handler = tasks[name]!;
    let batch: Request[] = [];
    bench.add(
      name,
      async () => {
        for (const request of batch) {
          const response = await handler(request);
          if (response.status !== 200) {
            throw new Error(`${name} returned ${response.status}`);
          }
        }
      },
      { beforeEach: () => void (batch = nextBatch()) },
    );
  }
  await bench.run();

  const medians = new Map<string, number>();
  for (const task of bench.tasks) {
    if (task.result.state !== "completed") {
      throw new Error(`${task.name} did not complete: ${task.result.state}`);
    }
    medians.set(task.name, (task.result.latency.p50 * 1000) / batchSize);
  }
  return medians;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Rounds rotate the task order; ratios are paired within a round, so load
// from other processes affects both sides of a ratio alike.
const perRound: Map<string, number>[] = [];
for (let round = 0; round < rounds; round++) {
  const order = taskNames.map(
    (_, index) => taskNames[(index + round) % taskNames.length]!,
  );
  perRound.push(await runRound(order));
}

console.log(
  `Body: ${body.length} bytes. Node ${process.version}. ${rounds} rounds, batches of ${batchSize}; medians of per-round medians.`,
);
console.table(
  taskNames.map((name) => {
    const micros = perRound.map((round) => round.get(name)!);
    const ratioTo = (baseline: string) =>
      median(perRound.map((round) => round.get(name)! / round.get(baseline)!));
    return {
      task: name,
      "µs per request": median(micros).toFixed(1),
      "vs svix": `${ratioTo(svixName).toFixed(2)}x`,
      "vs @clerk/backend": `${ratioTo(clerkName).toFixed(2)}x`,
    };
  }),
);
