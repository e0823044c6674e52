// Bundle size of `import { Dropzone } from "dropsync"` against UploadThing's
// `generateUploadDropzone`, both bundled and minified by esbuild with the
// same settings. Prints gzip sizes of the initial load (the entry and the
// chunks it imports statically), their ratio, and the size of the chunks
// loaded on demand.
//
// Usage: npm run bench:bundle [-- --dist]
//   --dist  bundles the built dist/index.js instead of src/index.ts.
import { build } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("../..", import.meta.url));
const useDist = process.argv.includes("--dist");
const dropsyncEntry = useDist ? "./dist/index.js" : "./src/index.ts";

// Packages a React app with shadcn/ui already ships.
const sharedExternals = [
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "clsx",
  "tailwind-merge",
];

// Everything dropsync imports from npm, to measure dropsync's own code.
const dropsyncDependencies = [
  ...sharedExternals,
  "@uploadthing/react",
  "uploadthing",
  "uploadthing/*",
  "@uploadthing/mime-types",
  "@radix-ui/react-progress",
];

const cases = [
  {
    name: "dropsync Dropzone",
    source: `export { Dropzone } from ${JSON.stringify(dropsyncEntry)};`,
    external: sharedExternals,
  },
  {
    name: "UploadThing generateUploadDropzone",
    source:
      'import { generateUploadDropzone } from "@uploadthing/react";\n' +
      "export const UploadDropzone = generateUploadDropzone();",
    external: sharedExternals,
  },
  {
    name: "dropsync own code",
    source: `export { Dropzone } from ${JSON.stringify(dropsyncEntry)};`,
    external: dropsyncDependencies,
  },
];

// Code splitting is on, as in the bundlers of Next.js and Vite, so a chunk
// behind a dynamic import() is counted apart from the initial entry chunk.
async function measure({ source, external }) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    bundle: true,
    splitting: true,
    outdir: "/bundle-bench",
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    external,
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: "silent",
  });
  const js = result.outputFiles.filter((file) => file.path.endsWith(".js"));
  const initialPaths = staticClosure(result.metafile, "/bundle-bench/stdin.js");
  const initial = js.filter((file) => initialPaths.has(file.path));
  const lazy = js.filter((file) => !initialPaths.has(file.path));
  // The initial chunks load together, so they are measured as one text.
  const joined = Buffer.concat(initial.map((file) => file.contents));
  return {
    minified: joined.length,
    gzip: gzipSync(joined, { level: 9 }).length,
    lazyGzip:
      lazy.length === 0
        ? 0
        : gzipSync(Buffer.concat(lazy.map((file) => file.contents)), {
            level: 9,
          }).length,
    chunks: initial.length,
  };
}

/**
 * Returns the output files a page loads before the entry runs: the entry and
 * every chunk it reaches through static imports. Chunks behind `import()`
 * load later.
 */
function staticClosure(metafile, entryPath) {
  // Metafile paths are relative to absWorkingDir.
  const outputs = new Map(
    Object.entries(metafile.outputs).map(([path, output]) => [
      resolve(root, path),
      output,
    ]),
  );
  const seen = new Set([entryPath]);
  const queue = [entryPath];
  while (queue.length > 0) {
    const output = outputs.get(queue.pop());
    for (const { path, kind } of output?.imports ?? []) {
      const resolved = resolve(root, path);
      if (kind !== "import-statement" || seen.has(resolved)) continue;
      if (!outputs.has(resolved)) continue;
      seen.add(resolved);
      queue.push(resolved);
    }
  }
  return seen;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;
const sizes = {};
for (const entry of cases) {
  sizes[entry.name] = await measure(entry);
}

console.log(`dropsync entry: ${dropsyncEntry}`);
console.log(`external: ${sharedExternals.join(", ")}\n`);
for (const [name, size] of Object.entries(sizes)) {
  console.log(
    `${name.padEnd(36)} ${kib(size.minified).padStart(11)} min  ${kib(size.gzip).padStart(10)} gzip  (+${kib(size.lazyGzip)} gzip loaded on demand)`,
  );
}
const ratio =
  sizes["dropsync Dropzone"].gzip /
  sizes["UploadThing generateUploadDropzone"].gzip;
const own = sizes["dropsync own code"].gzip;
console.log(
  `\nratio dropsync / UploadThing (gzip): ${ratio.toFixed(3)}x  (goal <= 1.1x)`,
);
console.log(`dropsync own code (gzip): ${kib(own)}  (goal <= 5 KiB)`);
