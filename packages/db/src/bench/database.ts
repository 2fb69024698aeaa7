/**
 * A benchmark's own database: DATABASE_URL's server (any database name in it is ignored), or a
 * throwaway MariaDB in a temporary directory at default durability (innodb_flush_log_at_trx_commit=1,
 * not the tests' `fast` mode); a fresh `hcp_bench_<random>` database on it, dropped by stop().
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb } from "../client";
import { startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";
import { createDatabaseIfMissing } from "../repositories/database";
import { dropDatabaseIfExists } from "./server";

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
