/**
 * Benchmark set-up: the server's production bundle; the database (DATABASE_URL's server, or a
 * throwaway MariaDB with default durability) comes from startDatabase and the rows they rate
 * against from createBenchData (both @hcp/db/bench).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bundleServer } from "../src/bundle";
import { readEnv } from "../src/env";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The node arguments that start the server as `npm start` does: the production bundle, built
 * first. BENCH_SERVER_NODE_ARGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export async function serverNodeArgs(): Promise<string[]> {
  const bundle = resolve(serverDir, "dist/main.mjs");
  await bundleServer(resolve(serverDir, "src/main.ts"), bundle);
  const extra = readEnv().BENCH_SERVER_NODE_ARGS.split(/\s+/).filter(Boolean);
  return [...extra, "--enable-source-maps", bundle];
}
