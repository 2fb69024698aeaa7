/**
 * Benchmark set-up: a MariaDB (DATABASE_URL's server, or a throwaway one with default durability),
 * a fresh database, and the server's production bundle. The rows they rate against are built by
 * createBenchData (@hcp/db/bench).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { createDatabaseIfMissing, createDb } from "@hcp/db";
import { dropDatabaseIfExists } from "@hcp/db/bench";
import { startEmbeddedMariadb } from "@hcp/db/embedded";

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

export interface TDatabase {
  /** server URL without a database name */
  serverUrl: string;
  /** the fresh benchmark database on that server */
  url: string;
  name: string;
  /** true when this run started its own MariaDB */
  embedded: boolean;
  /** pid of the embedded mariadbd (for CPU figures), null for an external server */
  mariadbPid: () => number | null;
  stop: () => Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** DATABASE_URL's server (any database name in it is ignored), or a MariaDB of our own. */
export async function startDatabase(log: (line: string) => void): Promise<TDatabase> {
  let serverUrl = readEnv().DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = "";
    serverUrl = url.toString().replace(/\/$/, "");
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "hcp-bench-db-"));
    // Default durability (innodb_flush_log_at_trx_commit=1): not the tests' `fast` mode.
    const embedded = await startEmbeddedMariadb({ dataDir, log });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const name = `hcp_bench_${randomBytes(5).toString("hex")}`;
  const admin = createDb({ url: serverUrl, connectionLimit: 1 });
  await createDatabaseIfMissing(admin, name);
  const pidFile = dataDir ? join(dataDir, "mariadbd.pid") : null;
  return {
    serverUrl,
    url: withDatabase(serverUrl, name),
    name,
    embedded: stopServer !== null,
    mariadbPid: () => {
      if (!pidFile) return null;
      try {
        return Number(readFileSync(pidFile, "utf8").trim()) || null;
      } catch {
        return null;
      }
    },
    stop: async () => {
      await dropDatabaseIfExists(admin, name).catch(() => undefined);
      await admin.destroy();
      if (stopServer) await stopServer();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
