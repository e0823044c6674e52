import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv } from "./support/app-server";
import { queryDatabase } from "./support/database";
import { appDir } from "./support/paths";
import {
  freePort,
  spawnGroup,
  waitForHttp,
  type GroupProcess,
} from "./support/processes";

let dir: string;
let dev: GroupProcess;
let port: number;
let ingestPort: number;
let appUrl: string;
let ingestUrl: string;

// `npm run dev` in the example runs scripts/dev.mjs. This suite starts it
// the same way, with ports and files of its own.
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dropsync-dev-"));
  [port, ingestPort] = [await freePort(), await freePort()];
  appUrl = `http://localhost:${port}`;
  ingestUrl = `http://127.0.0.1:${ingestPort}`;
  dev = spawnGroup(process.execPath, ["scripts/dev.mjs"], {
    cwd: appDir,
    env: {
      ...cleanEnv(),
      NODE_ENV: "development",
      PORT: String(port),
      INGEST_PORT: String(ingestPort),
      INGEST_DIR: path.join(dir, "uploads"),
      DATABASE_URL: `file:${path.join(dir, "app.db")}`,
    },
  });
  await waitForHttp(ingestUrl, dev);
  // The first request compiles the page, which takes a while in next dev.
  await waitForHttp(`${appUrl}/local-mode`, dev, 180_000);
}, 240_000);

afterAll(async () => {
  await dev?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** IPv4 addresses of this machine's network interfaces other than loopback. */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined)
    .filter((info) => !info.internal && info.family === "IPv4")
    .map((info) => info.address);
}

/** Connects to `host:port`; resolves with "connected" or the error code. */
function connectResult(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code ?? error.message),
    );
  });
}

describe("npm run dev", () => {
  it("serves the app in local mode", async () => {
    const html = await (await fetch(`${appUrl}/local-mode`)).text();

    expect(html).toContain('data-testid="local-mode-banner"');
    expect(html).toContain(`the local ingest emulator at ${ingestUrl}`);
  });

  it("creates the database on start", () => {
    const tables = queryDatabase<{ name: string }>(
      path.join(dir, "app.db"),
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );

    expect(tables.map((table) => table.name)).toEqual([
      "uploads",
      "users",
      "users_invalid",
      "webhook_deliveries",
    ]);
  });

  it("creates the upload folder", () => {
    expect(existsSync(path.join(dir, "uploads"))).toBe(true);
  });

  it("next dev binds localhost", () => {
    expect(dev.output()).toMatch(
      new RegExp(`- Network: +http://localhost:${port}\\n`),
    );
  });

  // A machine with loopback only has no other interface to try.
  it.skipIf(externalAddresses().length === 0)(
    "refuses other interfaces",
    async () => {
      for (const address of externalAddresses()) {
        expect(await connectResult(address, port)).toBe("ECONNREFUSED");
        expect(await connectResult(address, ingestPort)).toBe("ECONNREFUSED");
      }
    },
  );

  it("SIGTERM stops both processes", async () => {
    process.kill(dev.child.pid!, "SIGTERM");

    expect(await dev.exited).toBe(0);
    await expect(fetch(ingestUrl)).rejects.toThrow();
    await expect(fetch(appUrl)).rejects.toThrow();
  }, 30_000);
});
