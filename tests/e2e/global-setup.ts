import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cleanEnv } from "./support/app-server";
import { appDir, dropsyncCli, nextBin } from "./support/paths";

/**
 * Builds the example app once for every e2e file. The package itself must
 * already be built (`npm test` builds it before this suite).
 */
export default function setup(): void {
  if (!existsSync(dropsyncCli)) {
    throw new Error(
      `${dropsyncCli} is missing. Run \`npm run build\` before the e2e suite.`,
    );
  }
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: appDir,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 300_000,
  });
  if (build.status !== 0) {
    throw new Error(
      `next build of the example app failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`,
    );
  }
}
