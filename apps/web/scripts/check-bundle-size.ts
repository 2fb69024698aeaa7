/**
 * How much JavaScript each citizen page loads before its first tap, gzipped (level 9), against
 * the budget below. Read from the build's manifest (vite `build.manifest`): the HTML's entry and
 * its static imports, then the page's own route chunk with everything it imports, statically or
 * dynamically. The evaluator also registers its service worker after the load event: sw.js and
 * the Workbox runtime it loads run in their own thread, not the page's, so they have a budget of
 * their own.
 *
 *   npx tsx scripts/check-bundle-size.ts   (from apps/web; builds first if dist/ has no manifest)
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { keysOf } from "@hcp/domain/citizen";

/**
 * Bytes of gzipped page JavaScript a page may load on its first visit (zlib level 9; `gzip -9`
 * reads about 0.5 % less). The evaluator's budget is the citizen pages' goal, 90 KB, which it
 * meets with 43 bytes to spare (89,957): anything added to /kiosk must make room first. /rate
 * loads 86.9 KB today and may grow about 2 %.
 */
const BUNDLE_BUDGETS = { "/kiosk": 90_000, "/rate": 88_600 } as const;

/** The evaluator's service worker with its Workbox runtime: 8.8 KB today. */
const SERVICE_WORKER_BUDGET = 8_900;

type TPage = keyof typeof BUNDLE_BUDGETS;

/** Each page's route chunk, as main.tsx imports it. */
const PAGE_SOURCES: Readonly<Record<TPage, string>> = {
  "/kiosk": "src/features/kiosk/KioskApp.tsx",
  "/rate": "src/features/rate/RateApp.tsx",
};

interface TManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

type TManifest = Record<string, TManifestChunk>;

interface TPageSize {
  page: TPage;
  files: { file: string; gzipBytes: number }[];
  /** the page's own JavaScript: the entry, the page's chunk and what it imports */
  gzipBytes: number;
  budget: number;
  /** the service worker the page registers after load, with its runtime (none for /rate) */
  serviceWorker: { files: { file: string; gzipBytes: number }[]; gzipBytes: number; budget: number } | null;
}

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function readManifest(distDir: string): TManifest {
  // Vite's own build output, written a moment ago by the build this script weighs: its shape is vite's contract.
  return JSON.parse(readFileSync(join(distDir, ".vite", "manifest.json"), "utf8")) as TManifest;
}

/** The chunk's file and what it pulls in: static imports always, dynamic ones when asked. */
function collect(manifest: TManifest, key: string, withDynamic: boolean, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no ${key}`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const next of chunk.imports ?? []) collect(manifest, next, withDynamic, into);
  if (withDynamic) for (const next of chunk.dynamicImports ?? []) collect(manifest, next, withDynamic, into);
}

/** The service worker and the Workbox runtime it imports (generated next to index.html). */
function serviceWorkerFiles(distDir: string): string[] {
  if (!existsSync(join(distDir, "sw.js"))) return [];
  return ["sw.js", ...readdirSync(distDir).filter((name) => /^workbox-[\w-]+\.js$/.test(name))];
}

export function measurePages(distDir = join(WEB_ROOT, "dist")): TPageSize[] {
  const manifest = readManifest(distDir);
  return keysOf(PAGE_SOURCES).map((page) => {
    const files = new Set<string>();
    collect(manifest, "index.html", false, files);
    collect(manifest, PAGE_SOURCES[page], true, files);
    const sized = (names: string[]) =>
      names.filter((file) => file.endsWith(".js")).map((file) => ({ file, gzipBytes: gzipBytes(join(distDir, file)) }));
    const total = (list: { gzipBytes: number }[]) => list.reduce((sum, file) => sum + file.gzipBytes, 0);
    const pageFiles = sized([...files]);
    const workerFiles = page === "/kiosk" ? sized(serviceWorkerFiles(distDir)) : [];
    return {
      page,
      files: pageFiles,
      gzipBytes: total(pageFiles),
      budget: BUNDLE_BUDGETS[page],
      serviceWorker:
        workerFiles.length > 0
          ? { files: workerFiles, gzipBytes: total(workerFiles), budget: SERVICE_WORKER_BUDGET }
          : null,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

const fileList = (files: { file: string; gzipBytes: number }[]) =>
  files.map((file) => `${file.file} ${kb(file.gzipBytes)}`).join(" + ");

export function sizeLine(size: TPageSize): string {
  const worker = size.serviceWorker
    ? `; service worker ${kb(size.serviceWorker.gzipBytes)} of ${kb(size.serviceWorker.budget)} (${fileList(size.serviceWorker.files)})`
    : "";
  return `${size.page.padEnd(7)} ${kb(size.gzipBytes)} of ${kb(size.budget)} gzipped page JS (${fileList(size.files)})${worker}`;
}

/** Whether the page and its service worker stay within their budgets. */
function withinBudget(size: TPageSize): boolean {
  return (
    size.gzipBytes <= size.budget &&
    (size.serviceWorker === null || size.serviceWorker.gzipBytes <= size.serviceWorker.budget)
  );
}

function main(): void {
  const distDir = join(WEB_ROOT, "dist");
  if (!existsSync(join(distDir, ".vite", "manifest.json")))
    execFileSync("npx", ["vite", "build"], { cwd: WEB_ROOT, stdio: "inherit" });
  let over = false;
  for (const size of measurePages(distDir)) {
    console.log(sizeLine(size));
    if (!withinBudget(size)) over = true;
  }
  if (over) {
    console.error("over the bundle budget: see the README's 'Citizen bundle budget'");
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
