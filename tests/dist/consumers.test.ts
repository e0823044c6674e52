import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entries, repoRoot } from "./helpers";

let consumerDir: string;

/**
 * Packs the package with `npm pack`, unpacks the tarball as
 * node_modules/dropsync of a scratch app outside the repository, and links
 * the repository's installed dependencies beside it, so the scratch app
 * resolves `dropsync` exactly as an installed copy, without a registry.
 */
beforeAll(() => {
  consumerDir = mkdtempSync(join(tmpdir(), "dropsync-consumer-"));
  const packOutput = execFileSync(
    "npm",
    ["pack", "--json", "--pack-destination", consumerDir],
    { cwd: repoRoot, encoding: "utf8" },
  );
  const [{ filename }] = JSON.parse(packOutput) as [{ filename: string }];
  const modules = join(consumerDir, "node_modules");
  const packageDir = join(modules, "dropsync");
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", [
    "-xzf",
    join(consumerDir, filename),
    "-C",
    packageDir,
    "--strip-components=1",
  ]);

  const repoModules = join(repoRoot, "node_modules");
  for (const name of readdirSync(repoModules)) {
    if (name === "dropsync" || name.startsWith(".")) continue;
    symlinkSync(join(repoModules, name), join(modules, name));
  }
});

afterAll(() => {
  rmSync(consumerDir, { recursive: true, force: true });
});

function runNode(file: string, source: string): string {
  writeFileSync(join(consumerDir, file), source);

  return execFileSync("node", [file], { cwd: consumerDir, encoding: "utf8" });
}

describe("packed tarball", () => {
  const specifiers = Object.keys(entries);

  it("loads every entry from an ESM consumer", () => {
    const lines = specifiers.map(
      (specifier) =>
        `console.log(${JSON.stringify(specifier)}, Object.keys(await import(${JSON.stringify(specifier)})).length > 0);`,
    );
    const output = runNode("consumer.mjs", lines.join("\n"));

    expect(output.trim().split("\n")).toEqual(
      specifiers.map((specifier) => `${specifier} true`),
    );
  });

  it("loads every entry from a CJS consumer", () => {
    const lines = specifiers.map(
      (specifier) =>
        `console.log(${JSON.stringify(specifier)}, Object.keys(require(${JSON.stringify(specifier)})).length > 0);`,
    );
    const output = runNode("consumer.cjs", lines.join("\n"));

    expect(output.trim().split("\n")).toEqual(
      specifiers.map((specifier) => `${specifier} true`),
    );
  });

  it("contains only dist files and package metadata", () => {
    const files = readdirSync(join(consumerDir, "node_modules", "dropsync"));

    expect(files.sort()).toEqual(
      ["LICENSE", "README.md", "dist", "package.json"].sort(),
    );
  });
});
