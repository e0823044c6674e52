import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appDir } from "./support/paths";

// Checks of the example's package.json: `npm install` of the example must
// install nothing it does not use, and nothing that needs a newer Node than
// the one the package supports.

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: { node?: string };
}

const repoDir = path.resolve(appDir, "../..");
const SOURCE_FOLDERS = ["app", "components", "lib", "scripts"];
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|css)$/;

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

function installedManifest(name: string): Manifest {
  return readManifest(path.join(repoDir, "node_modules", name, "package.json"));
}

/** Lists the example's source files, including those at its top level. */
function sourceFiles(): string[] {
  const topLevel = readdirSync(appDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.join(appDir, entry.name));
  const nested = SOURCE_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(appDir, folder), {
      recursive: true,
      encoding: "utf8",
    })
      .filter((file) => SOURCE_FILE.test(file))
      .map((file) => path.join(appDir, folder, file)),
  );
  return [...topLevel, ...nested];
}

/** Returns the package names that the example's source imports. */
function importedPackages(): Set<string> {
  const specifier =
    /(?:from\s+|import\s*\(\s*|require\(\s*|@import\s+)["']([^"'./][^"']*)["']/g;
  const names = new Set<string>();
  for (const file of sourceFiles()) {
    for (const match of readFileSync(file, "utf8").matchAll(specifier)) {
      const parts = (match[1] ?? "").split("/");
      const name = parts[0]?.startsWith("@")
        ? `${parts[0]}/${parts[1]}`
        : (parts[0] ?? "");
      names.add(name);
    }
  }
  return names;
}

/** Returns the lowest Node major version that an `engines.node` range allows. */
function lowestNodeMajor(range: string): number {
  const majors = range
    .split("||")
    .map((alternative) => /(\d+)/.exec(alternative)?.[1])
    .filter((major) => major !== undefined)
    .map(Number);
  return Math.min(...majors);
}

const example = readManifest(path.join(appDir, "package.json"));
const dependencies = Object.keys(example.dependencies ?? {});

describe("example dependencies", () => {
  it("imports or peers each one", () => {
    const imported = importedPackages();
    const peers = new Set(
      [...imported]
        .filter((name) => dependencies.includes(name))
        .flatMap((name) =>
          Object.keys(installedManifest(name).peerDependencies ?? {}),
        ),
    );

    const unused = dependencies.filter(
      (name) => !imported.has(name) && !peers.has(name),
    );

    expect(unused).toEqual([]);
  });

  it("run on supported Node", () => {
    const supported = readManifest(path.join(repoDir, "package.json")).engines
      ?.node;
    const supportedMajor = lowestNodeMajor(supported ?? "");

    const tooNew = dependencies
      .map((name) => ({ name, node: installedManifest(name).engines?.node }))
      .filter(({ node }) => node !== undefined)
      .filter(({ node }) => lowestNodeMajor(node ?? "") > supportedMajor)
      .map(({ name, node }) => `${name} (engines.node ${node})`);

    expect(tooNew).toEqual([]);
  });
});
