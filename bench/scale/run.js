/*
 * Scale benchmark: dropsync's Dropzone against a baseline list, in headless
 * Debian Chromium, both measured in this run.
 *   1. A drop of 2,000 files: milliseconds until every row is in the DOM.
 *   2. 200 files uploading to UploadThing's real route handler and
 *      dropsync's ingest emulator, both in this Node process on 127.0.0.1:
 *      the longest main-thread task.
 * Usage: npm run bench:scale
 *        npm run bench:scale -- --long-frames (script attribution of the
 *        long animation frames during the uploads, no ratio table)
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { build as bundle } from "esbuild";
import { chromium } from "playwright-core";
import { build } from "vite";
import { printLongFrames } from "./long-frames.js";
import { longestTaskCpuTime, TASK_TRACE_CATEGORIES } from "./task-cpu.js";

const DROP_FILE_COUNT = 2000;
const UPLOAD_FILE_COUNT = 200;
const DROP_RUNS = 5;
const UPLOAD_RUNS = 3;
/** Goals: rows within 1 s of the drop, no task of 50 ms or more. */
const DROP_GOAL_MS = 1000;
const LONG_TASK_GOAL_MS = 50;
/** Maximum wait for one measurement before the run fails with its name. */
const MEASURE_TIMEOUT_MS = 120_000;

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Builds the benchmark page in production mode into `outDir`, minified
 * unless `minify` is false.
 */
async function buildPage(outDir, { minify }) {
  await build({
    root: benchDir,
    base: "./",
    publicDir: false,
    mode: "production",
    logLevel: "error",
    configFile: false,
    plugins: [react(), tailwindcss()],
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      chunkSizeWarningLimit: 8192,
    },
  });
}

/**
 * Bundles upload-server.ts, which imports TypeScript from src/, into one ES
 * module in `outDir` (the repository has no TypeScript runner for Node) and
 * imports it.
 */
async function importUploadServer(outDir) {
  const outfile = path.join(outDir, "upload-server.mjs");
  await bundle({
    entryPoints: [path.join(benchDir, "upload-server.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
  });
  return import(pathToFileURL(outfile).href);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Opens `url` in a fresh browser context and returns what the page
 * expression `measure` resolves to. With `traceTasks`, a Chromium trace of
 * the measurement adds `longestTaskCpu`, see task-cpu.js.
 */
async function runInPage(browser, url, measure, { traceTasks = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.evaluate(() => window.benchmark.ready);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no result within ${MEASURE_TIMEOUT_MS} ms`)),
        MEASURE_TIMEOUT_MS,
      );
    });
    if (traceTasks) {
      await browser.startTracing(page, { categories: TASK_TRACE_CATEGORIES });
    }
    try {
      const result = await Promise.race([page.evaluate(measure), timeout]);
      console.error(`${url}: ${measure} done`);
      if (!traceTasks) return result;
      const trace = await browser.stopTracing();
      traceTasks = false;
      return { ...result, longestTaskCpu: longestTaskCpuTime(trace) };
    } finally {
      clearTimeout(timer);
      if (traceTasks) await browser.stopTracing();
    }
  } catch (error) {
    throw new Error(`${url} failed: ${error.message} ${errors.join(" | ")}`);
  } finally {
    await context.close();
  }
}

/**
 * Runs `UPLOAD_RUNS` uploads of `UPLOAD_FILE_COUNT` files, each in a fresh
 * page, and checks that the ingest emulator stored every file.
 */
async function measureUploads(browser, server, subject, withLongFrames) {
  const storedBefore = server.storedUploadCount();
  const uploads = [];
  for (let run = 0; run < UPLOAD_RUNS; run += 1) {
    uploads.push(
      await runInPage(
        browser,
        `${server.url}?subject=${subject}&upload=auto`,
        `window.benchmark.measureUpload(${UPLOAD_FILE_COUNT}, ${withLongFrames})`,
        { traceTasks: true },
      ),
    );
  }
  const stored = server.storedUploadCount() - storedBefore;
  const expected = UPLOAD_RUNS * UPLOAD_FILE_COUNT;
  if (stored !== expected) {
    throw new Error(
      `The ingest emulator stored ${stored} files in the ${subject} upload runs, expected ${expected}.`,
    );
  }
  return uploads;
}

async function measureSubject(browser, server, subject) {
  const drops = [];
  for (let run = 0; run < DROP_RUNS; run += 1) {
    drops.push(
      await runInPage(
        browser,
        `${server.url}?subject=${subject}`,
        `window.benchmark.measureDrop(${DROP_FILE_COUNT})`,
      ),
    );
  }
  const uploads = await measureUploads(browser, server, subject, false);
  return {
    rowsInDom: median(drops.map((drop) => drop.rowsInDom)),
    painted: median(drops.map((drop) => drop.painted)),
    longestLongTask: Math.max(...uploads.map((u) => u.longestLongTask)),
    longestTaskCpu: Math.max(...uploads.map((u) => u.longestTaskCpu)),
    longTaskCount: median(uploads.map((u) => u.longTaskCount)),
    longestEventLoopGap: median(uploads.map((u) => u.longestEventLoopGap)),
    uploadTotal: median(uploads.map((u) => u.total)),
  };
}

function format(ms) {
  return `${ms.toFixed(0)} ms`;
}

function printReport(baseline, dropsync, chromiumVersion) {
  const rows = [
    ["2,000-file drop → list contains all rows (median)", "rowsInDom"],
    ["2,000-file drop → next paint (median)", "painted"],
    ["200 uploads: longest long task (max)", "longestLongTask"],
    ["200 uploads: longest task's CPU time (max)", "longestTaskCpu"],
    ["200 uploads: long tasks ≥ 50 ms (median)", "longTaskCount"],
    ["200 uploads: longest event-loop gap (median)", "longestEventLoopGap"],
    ["200 uploads: drop → all complete (median)", "uploadTotal"],
  ];
  console.log(
    `\nScale benchmark, Chromium ${chromiumVersion}, ${os.cpus().length} CPUs,` +
      ` ${DROP_RUNS} drop runs and ${UPLOAD_RUNS} upload runs per subject`,
  );
  console.log(
    "Baseline: a useState list of the same rows on UploadThing's uploadFiles\n",
  );
  const header = ["metric", "baseline", "dropsync", "dropsync / baseline"];
  const lines = rows.map(([label, key]) => {
    const isCount = key === "longTaskCount";
    const show = (value) => (isCount ? String(value) : format(value));
    const ratio =
      baseline[key] > 0 ? (dropsync[key] / baseline[key]).toFixed(2) : "n/a";
    return [label, show(baseline[key]), show(dropsync[key]), ratio];
  });
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => line[column].length)),
  );
  for (const line of [header, ...lines]) {
    console.log(
      line.map((cell, column) => cell.padEnd(widths[column])).join("  "),
    );
  }
  // dropsync mounts only the rows in view above 100 rows (each with
  // aria-setsize); the baseline mounts all 2,000.
  const dropOk = dropsync.rowsInDom < DROP_GOAL_MS;
  const taskOk = dropsync.longestLongTask < LONG_TASK_GOAL_MS;
  console.log(
    `\nGoal: list contains all rows under ${DROP_GOAL_MS} ms: ${dropOk ? "met" : "MISSED"}` +
      ` (${format(dropsync.rowsInDom)}); no task of ${LONG_TASK_GOAL_MS} ms` +
      ` or more: ${taskOk ? "met" : "MISSED"} (longest ${format(dropsync.longestLongTask)})`,
  );
}

/**
 * Runs only the upload measurement and prints the long animation frames of
 * each subject with their scripts. The page is built unminified for real
 * function names, so its timings differ from the benchmark's.
 */
async function diagnoseLongFrames(browser, server, pageDir) {
  for (const subject of ["baseline", "dropsync"]) {
    const uploads = await measureUploads(browser, server, subject, true);
    console.log(
      `\n${subject}: longest long task per run:` +
        ` ${uploads.map((u) => format(u.longestLongTask)).join(", ")};` +
        ` longest task's CPU time per run:` +
        ` ${uploads.map((u) => format(u.longestTaskCpu)).join(", ")}`,
    );
    await printLongFrames(
      subject,
      uploads.map((u) => u.longFrames),
      pageDir,
    );
  }
}

const longFramesMode = process.argv.includes("--long-frames");
const tempDir = await mkdtemp(path.join(os.tmpdir(), "dropsync-scale-"));
const pageDir = path.join(tempDir, "page");
let server;
let browser;
try {
  await buildPage(pageDir, { minify: !longFramesMode });
  const { startBenchServer } = await importUploadServer(tempDir);
  server = await startBenchServer(pageDir);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  });
  if (longFramesMode) {
    await diagnoseLongFrames(browser, server, pageDir);
  } else {
    const baseline = await measureSubject(browser, server, "baseline");
    const dropsync = await measureSubject(browser, server, "dropsync");
    printReport(baseline, dropsync, browser.version());
  }
} finally {
  await browser?.close();
  await server?.close();
  await rm(tempDir, { recursive: true, force: true });
}
