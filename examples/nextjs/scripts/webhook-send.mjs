#!/usr/bin/env node
// `npm run webhook:send -- <event type> [options]`: sends a Clerk user event,
// signed with Svix like Clerk's own deliveries, to the running example app.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  buildClerkDeletedObject,
  buildClerkEvent,
  buildClerkUser,
  createSignedWebhookRequest,
  generateWebhookSecret,
} from "dropsync/testing";
import { DEFAULT_PORT, LOCAL_WEBHOOK_SIGNING_SECRET } from "../lib/defaults.js";
import { appDir, loadAppEnv, networkErrorCode } from "./env.mjs";

const usage = `Usage: npm run webhook:send -- <event type> [options]

Event types: user.created, user.updated, user.deleted

Options:
  --id <user_…>         user to update or delete (default: the last user this
                        script created)
  --first-name <name>   first name (default: a random one)
  --last-name <name>    last name (default: a random one)
  --email <address>     primary email (default: first.last@example.com)
  --username <name>     username (default: none)
  --url <url>           webhook endpoint (default:
                        http://localhost:$PORT/api/webhooks/clerk, PORT 3000)
  --bad-signature       sign with a random secret, to see the app reject it
  --help                show this help

The signing secret is CLERK_WEBHOOK_SIGNING_SECRET from the environment or
examples/nextjs/.env*, or the app's local default.`;

const eventTypes = ["user.created", "user.updated", "user.deleted"];
const firstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald"];
const lastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov"];
const stateFile = path.join(appDir, ".data/webhook-send-user.json");

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function readLastUser() {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
}

function saveLastUser(user) {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(user, null, 2));
}

function fail(message) {
  console.error(`webhook:send: ${message}`);
  process.exit(1);
}

/** Builds the profile fields from the flags, with random defaults. */
function profile(values, previous) {
  const firstName =
    values["first-name"] ??
    pick(firstNames.filter((n) => n !== previous?.first_name));
  const lastName =
    values["last-name"] ?? previous?.last_name ?? pick(lastNames);
  const email =
    values.email ?? `${firstName}.${lastName}@example.com`.toLowerCase();
  return { firstName, lastName, email, username: values.username ?? null };
}

/** Returns a user payload with `fields`, keeping the id and email id. */
function userPayload(fields, previous, now) {
  const user = buildClerkUser({
    ...(previous && {
      id: previous.id,
      primary_email_address_id: previous.primary_email_address_id,
      created_at: previous.created_at,
    }),
    first_name: fields.firstName,
    last_name: fields.lastName,
    username: fields.username,
    updated_at: now,
    ...(!previous && { created_at: now }),
  });
  user.email_addresses[0].id = user.primary_email_address_id;
  user.email_addresses[0].email_address = fields.email;
  return user;
}

function buildEvent(type, values, now) {
  const last = readLastUser();
  if (type === "user.created") {
    const user = userPayload(profile(values), undefined, now);
    if (values.id) user.id = values.id;
    return { event: buildClerkEvent(type, user, { timestamp: now }), user };
  }
  const id = values.id ?? last?.id;
  if (!id) {
    fail(`${type} needs a user: pass --id user_…, or send user.created first.`);
  }
  if (type === "user.deleted") {
    const data = buildClerkDeletedObject("user", id);
    return { event: buildClerkEvent(type, data, { timestamp: now }) };
  }
  const previous = last?.id === id ? last : { id, created_at: now - 60_000 };
  const user = userPayload(profile(values, previous), previous, now);
  return { event: buildClerkEvent(type, user, { timestamp: now }), user };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: "string" },
      "first-name": { type: "string" },
      "last-name": { type: "string" },
      email: { type: "string" },
      username: { type: "string" },
      url: { type: "string" },
      "bad-signature": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [type] = positionals;
  if (!type || !eventTypes.includes(type)) {
    fail(
      `${type ? `unknown event type "${type}"` : "missing event type"}. ` +
        `Use one of ${eventTypes.join(", ")}.\n\n${usage}`,
    );
  }

  loadAppEnv({ dev: true });
  const url =
    values.url ??
    `http://localhost:${process.env.PORT || DEFAULT_PORT}/api/webhooks/clerk`;
  const secret = values["bad-signature"]
    ? generateWebhookSecret()
    : process.env.CLERK_WEBHOOK_SIGNING_SECRET || LOCAL_WEBHOOK_SIGNING_SECRET;

  const now = Date.now();
  const { event, user } = buildEvent(type, values, now);
  const request = createSignedWebhookRequest(event, { secret, url });
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    fail(
      `could not reach ${url} (${networkErrorCode(error)}). ` +
        "Start the app with `npm run dev`, or pass --url.",
    );
  }
  const body = await response.text();
  const id = event.data.id;
  console.log(
    `${type} for ${id} -> ${response.status} ${response.statusText} ${body}`,
  );
  if (!response.ok) process.exit(1);
  if (user) saveLastUser(user);
  console.log(`See ${new URL("/users", url)}`);
}

await main();
