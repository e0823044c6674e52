import { readFileSync } from "node:fs";
import path from "node:path";

/** A TypeScript file of a README code example. */
export interface ExampleFile {
  /** Absolute path that the file gets in the compiled program. */
  fileName: string;
  source: string;
}

const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

/** Returns the README text between a heading and the next `###` heading. */
export function readmeSection(heading: string): string {
  const readme = readFileSync(path.join(repositoryRoot, "README.md"), "utf8");
  const start = readme.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`README.md has no heading ${heading}`);

  const end = readme.indexOf("\n### ", start + heading.length);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Returns the body of every ```ts block of a Markdown text. */
export function typeScriptBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) blocks.push(match[1] ?? "");
  return blocks;
}

// A block may show several files, each starting with a `// app/.../x.ts`
// comment line, and they import each other by relative path.
const fileHeader = /^\/\/ ([\w./-]+\.ts)$/;

/**
 * Splits the code blocks into files under `directory`. Each file ends with
 * `export {}`, so names in one example never clash with another's.
 */
export function exampleFiles(
  blocks: readonly string[],
  directory: string,
): ExampleFile[] {
  const files: ExampleFile[] = [];
  blocks.forEach((block, blockIndex) => {
    const exampleDirectory = path.join(directory, `example-${blockIndex + 1}`);
    let fileName = path.join(exampleDirectory, "index.ts");
    let lines: string[] = [];

    const flush = () => {
      if (lines.join("").trim() === "") return;
      files.push({ fileName, source: `${lines.join("\n")}\nexport {};\n` });
      lines = [];
    };

    for (const line of block.split("\n")) {
      const header = fileHeader.exec(line);
      if (header?.[1]) {
        flush();
        fileName = path.join(exampleDirectory, header[1]);
      }
      lines.push(line);
    }
    flush();
  });
  return files;
}
