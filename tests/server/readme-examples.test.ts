import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  exampleFiles,
  readmeSection,
  typeScriptBlocks,
  type ExampleFile,
} from "./support/readme-examples";

const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const exampleDirectory = path.join(repositoryRoot, "tests/server/.readme");

// The names that README examples use without defining them.
const ambientDeclarations: ExampleFile = {
  fileName: path.join(exampleDirectory, "ambient.d.ts"),
  source: `
import type { AuthFunction, UploadAuth } from "dropsync/server";
import type { createFileRouter as CreateFileRouter } from "dropsync/server";

declare global {
  const auth: AuthFunction<UploadAuth>;
  const createFileRouter: typeof CreateFileRouter;
  const uploadRouter: ReturnType<typeof CreateFileRouter>;
  const db: {
    files: {
      insert(row: { userId: string; route: string; key: string; url: string }): Promise<void>;
    };
  };
}
`,
};

function compile(files: readonly ExampleFile[]): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(repositoryRoot, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const options: ts.CompilerOptions = {
    ...parsed?.options,
    noEmit: true,
    types: [],
    baseUrl: repositoryRoot,
    paths: { "dropsync/server": ["src/server/index.ts"] },
  };
  const virtualFiles = new Map(files.map((file) => [file.fileName, file]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) =>
    virtualFiles.get(fileName)?.source ?? readFile(fileName);
  host.fileExists = (fileName) =>
    virtualFiles.has(fileName) || fileExists(fileName);
  host.directoryExists = (directory) =>
    directory.startsWith(exampleDirectory) || ts.sys.directoryExists(directory);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const file = virtualFiles.get(fileName);
    return file
      ? ts.createSourceFile(fileName, file.source, languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  };

  const program = ts.createProgram([...virtualFiles.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(
      diagnostic.messageText,
      "\n",
    );
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(
      diagnostic.start,
    );
    const fileName = path.relative(exampleDirectory, diagnostic.file.fileName);
    return `${fileName}:${line + 1}: ${message}`;
  });
}

describe("dropsync/server README examples", () => {
  const blocks = typeScriptBlocks(readmeSection("### `dropsync/server`"));
  const files = exampleFiles(blocks, exampleDirectory);

  it("finds every code block", () => {
    expect(blocks).toHaveLength(6);
  });

  it("compiles every example", { timeout: 120_000 }, () => {
    expect(compile([ambientDeclarations, ...files])).toEqual([]);
  });
});
