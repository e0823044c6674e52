import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { appDir, dropsyncCli, nextBin } from "./paths";
import {
  freePort,
  spawnGroup,
  waitForHttp,
  type GroupProcess,
} from "./processes";

/** A running example app (`next start`) and its ingest emulator. */
export interface ExampleApp {
  /** Base URL of the app, such as `http://localhost:41234`. */
  url: string;
  /** Base URL of the ingest emulator. */
  ingestUrl: string;
  /** Folder where the emulator stores uploaded files. */
  uploadDir: string;
  /** Absolute path of the app's SQLite database. */
  databasePath: string;
  server: GroupProcess;
  emulator: GroupProcess;
  /** Stops both process groups and deletes the temporary folder. */
  stop(): Promise<void>;
}

/** Variables that would make a run depend on the developer's own keys. */
const hostVariables = [
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_SECRET_KEY",
  "CLERK_JWT_KEY",
  "CLERK_WEBHOOK_SIGNING_SECRET",
  "UPLOADTHING_TOKEN",
  "UPLOADTHING_INGEST_URL",
  "DATABASE_URL",
  "PORT",
  "INGEST_PORT",
];

/**
 * Returns the test process's environment without the app's own settings,
 * with `NODE_ENV=production` and telemetry off.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of hostVariables) delete env[name];
  return {
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CLERK_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
  };
}

/**
 * Starts the ingest emulator CLI and `next start -H localhost` on free
 * ports, with a fresh database and upload folder in a temporary directory.
 * `env` is added to the app's environment. Requires `next build` first.
 */
export async function startExampleApp(
  env: NodeJS.ProcessEnv = {},
): Promise<ExampleApp> {
  const dir = await mkdtemp(path.join(tmpdir(), "dropsync-e2e-"));
  const uploadDir = path.join(dir, "uploads");
  const databasePath = path.join(dir, "app.db");
  const [appPort, ingestPort] = [await freePort(), await freePort()];
  const baseEnv = cleanEnv();

  const emulator = spawnGroup(
    process.execPath,
    [dropsyncCli, "ingest", "--port", String(ingestPort), "--dir", uploadDir],
    { cwd: appDir, env: baseEnv },
  );
  const server = spawnGroup(
    process.execPath,
    [nextBin, "start", "-H", "localhost", "-p", String(appPort)],
    {
      cwd: appDir,
      env: {
        ...baseEnv,
        DATABASE_URL: `file:${databasePath}`,
        INGEST_PORT: String(ingestPort),
        ...env,
      },
    },
  );

  const app: ExampleApp = {
    url: `http://localhost:${appPort}`,
    ingestUrl: `http://127.0.0.1:${ingestPort}`,
    uploadDir,
    databasePath,
    server,
    emulator,
    async stop() {
      await Promise.all([server.stop(), emulator.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };

  try {
    await waitForHttp(app.ingestUrl, emulator);
    await waitForHttp(`${app.url}/local-mode`, server);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}
