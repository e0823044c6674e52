#!/usr/bin/env node
// `npm run load:users`: sends Clerk user events to the running app the way
// Svix delivers them (duplicated, shuffled, concurrent), then checks that
// the users table contains exactly the final state.
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkUser,
  createSignedWebhookRequest,
} from "dropsync/testing";
import { databasePathFromUrl } from "../lib/database-url.js";
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_PORT,
  LOCAL_WEBHOOK_SIGNING_SECRET,
} from "../lib/defaults.js";
import { appDir, loadAppEnv, networkErrorCode } from "./env.mjs";

/** Seeded PRNG (mulberry32), so a seed reproduces a run's order. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plans `events` user events over `users` users: one user.created each, a
 * user.deleted as the last event of `deleteShare` of them, and user.updated
 * events spread at random over the rest. Each event is delivered 1 to 3
 * times with the same svix-id, and all deliveries are shuffled.
 * @param {{ users: number, events: number, seed: number, deleteShare?: number }} options
 */
export function planUserEvents({ users, events, seed, deleteShare = 0.2 }) {
  const next = random(seed);
  const deleted = Math.round(users * deleteShare);
  const updates = events - users - deleted;
  if (updates < 0) {
    throw new RangeError(
      `events (${events}) must be at least users + deletes (${users + deleted}).`,
    );
  }
  const updateCounts = new Array(users).fill(0);
  for (let i = 0; i < updates; i++) {
    updateCounts[Math.floor(next() * users)]++;
  }

  // Times in the past, spaced so every user's versions strictly increase.
  const base = Date.now() - 86_400_000;
  const run = seed.toString(36);
  const planned = [];
  const expected = new Map();
  for (let u = 0; u < users; u++) {
    const id = `user_load${run}x${u}`;
    const emailId = `idn_load${run}x${u}`;
    const createdAt = base + u * 1000;
    let user;
    for (let version = 0; version <= updateCounts[u]; version++) {
      user = buildClerkUser({
        id,
        primary_email_address_id: emailId,
        first_name: `First${u}v${version}`,
        last_name: `Last${u}`,
        username: `user${u}v${version}`,
        image_url: `https://img.example.com/${u}/${version}.png`,
        created_at: createdAt,
        updated_at: createdAt + version * 7,
      });
      user.email_addresses[0].id = emailId;
      user.email_addresses[0].email_address = `user${u}.v${version}@example.com`;
      const type = version === 0 ? "user.created" : "user.updated";
      planned.push(buildClerkEvent(type, user, { timestamp: user.updated_at }));
    }
    if (u < deleted) {
      const deletedAt = user.updated_at + 5;
      planned.push(
        buildClerkEvent("user.deleted", buildClerkDeletedObject("user", id), {
          timestamp: deletedAt,
        }),
      );
      expected.set(id, {
        id,
        email: null,
        first_name: null,
        last_name: null,
        username: null,
        image_url: null,
        created_at: createdAt,
        updated_at: deletedAt,
        deleted_at: deletedAt,
      });
    } else {
      expected.set(id, {
        id,
        email: user.email_addresses[0].email_address,
        first_name: user.first_name,
        last_name: user.last_name,
        username: user.username,
        image_url: user.image_url,
        created_at: createdAt,
        updated_at: user.updated_at,
        deleted_at: null,
      });
    }
  }

  const deliveries = [];
  planned.forEach((event, index) => {
    const copies = 1 + Math.floor(next() * 3);
    const body = JSON.stringify(event);
    const svixId = `msg_load${run}x${index}`;
    for (let c = 0; c < copies; c++) deliveries.push({ svixId, body });
  });
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
  }
  return { events: planned.length, deliveries, expected };
}

/**
 * Sends `deliveries` with `concurrency` requests in flight, each attempt
 * signed at send time. A 409 means another request is still processing the
 * same svix-id, so, like Svix, it retries after a short pause, up to 20
 * times. Any other status is final.
 * @param {{ url: string, secret: string, concurrency: number,
 *   deliveries: { svixId: string, body: string }[] }} options
 */
export async function sendDeliveries({ url, secret, concurrency, deliveries }) {
  const statuses = new Map();
  const failures = [];
  let retries = 0;
  let cursor = 0;

  async function deliver({ svixId, body }) {
    for (let attempt = 0; ; attempt++) {
      const request = createSignedWebhookRequest(body, {
        secret,
        url,
        id: svixId,
      });
      let response;
      try {
        response = await fetch(request);
      } catch (error) {
        throw new Error(
          `Could not reach ${url} (${networkErrorCode(error)}). ` +
            "Start the app with `npm run dev`, or pass --url.",
          { cause: error },
        );
      }
      const text = await response.text();
      if (response.status === 409 && attempt < 20) {
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (!response.ok)
        failures.push({ svixId, status: response.status, body: text });
      return;
    }
  }

  async function worker() {
    while (cursor < deliveries.length) {
      await deliver(deliveries[cursor++]);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  return { statuses, failures, retries, elapsedMs };
}

/**
 * Compares the users table with the expected rows. Returns one message per
 * difference (at most 20).
 * @param {string} databasePath
 * @param {Map<string, Record<string, unknown>>} expected
 */
export function compareUsers(databasePath, expected) {
  const db = new Database(databasePath, {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const select = db.prepare("SELECT * FROM users WHERE id = ?");
    const differences = [];
    for (const [id, want] of expected) {
      const have = select.get(id);
      if (!have) {
        differences.push(`${id}: missing`);
      } else {
        for (const [column, value] of Object.entries(want)) {
          if (have[column] !== value) {
            differences.push(
              `${id}.${column}: expected ${JSON.stringify(value)}, got ${JSON.stringify(have[column])}`,
            );
          }
        }
      }
      if (differences.length >= 20) break;
    }
    return differences;
  } finally {
    db.close();
  }
}

/**
 * Plans one load run with {@link planUserEvents}, sends it and checks it.
 * @param {{ url: string, secret: string, databasePath: string,
 *   users?: number, events?: number, concurrency?: number, seed?: number }} options
 */
export async function runUserLoad(options) {
  const {
    url,
    secret,
    databasePath,
    users = 500,
    events = 5000,
    concurrency = 20,
    seed = Date.now() % 2147483647,
  } = options;
  const plan = planUserEvents({ users, events, seed });
  const sent = await sendDeliveries({
    url,
    secret,
    concurrency,
    deliveries: plan.deliveries,
  });
  const differences = compareUsers(databasePath, plan.expected);
  const serverErrors = [...sent.statuses]
    .filter(([status]) => status >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    seed,
    events: plan.events,
    deliveries: plan.deliveries.length,
    statuses: Object.fromEntries(sent.statuses),
    failures: sent.failures,
    retries: sent.retries,
    serverErrors,
    elapsedMs: sent.elapsedMs,
    eventsPerSecond: plan.events / (sent.elapsedMs / 1000),
    deliveriesPerSecond: plan.deliveries.length / (sent.elapsedMs / 1000),
    differences,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      users: { type: "string", default: "500" },
      events: { type: "string", default: "5000" },
      concurrency: { type: "string", default: "20" },
      seed: { type: "string" },
    },
  });
  loadAppEnv({ dev: true });
  const port = process.env.PORT || DEFAULT_PORT;
  const report = await runUserLoad({
    url: values.url ?? `http://localhost:${port}/api/webhooks/clerk`,
    secret:
      process.env.CLERK_WEBHOOK_SIGNING_SECRET || LOCAL_WEBHOOK_SIGNING_SECRET,
    databasePath: databasePathFromUrl(
      process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
      appDir,
    ),
    users: Number(values.users),
    events: Number(values.events),
    concurrency: Number(values.concurrency),
    ...(values.seed && { seed: Number(values.seed) }),
  });
  console.log(
    `${report.events} events in ${report.deliveries} deliveries (seed ${report.seed}): ` +
      `${(report.elapsedMs / 1000).toFixed(1)} s, ` +
      `${report.eventsPerSecond.toFixed(0)} events/s, ` +
      `${report.deliveriesPerSecond.toFixed(0)} deliveries/s`,
  );
  console.log(
    `statuses: ${JSON.stringify(report.statuses)}, 409 retries: ${report.retries}`,
  );
  for (const failure of report.failures.slice(0, 10)) {
    console.log(`failed: ${failure.svixId} ${failure.status} ${failure.body}`);
  }
  for (const difference of report.differences)
    console.log(`mismatch: ${difference}`);
  const ok = report.failures.length === 0 && report.differences.length === 0;
  console.log(ok ? "database matches the expected final state" : "FAILED");
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    console.error(`load:users: ${error.message}`);
    process.exitCode = 1;
  }
}
