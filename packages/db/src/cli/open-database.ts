import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { createDb, type Db } from "../client";
import { startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The platform's own MariaDB data directory (`.data/mariadb` unless HCP_DATA_DIR says otherwise). */
export function platformDataDir(): string {
  return join(readEnv().HCP_DATA_DIR ?? join(repoRoot, ".data"), "mariadb");
}

/** A live mariadbd owns the data directory; starting another on it would stop the platform's. */
export function isRunning(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The database a maintenance command works on: DATABASE_URL (with the database name), otherwise
 * the platform's own MariaDB in `.data/mariadb` (database `hcp`), started for the command.
 */
export async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const env = readEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: () => Promise.resolve() };
  const dataDir = platformDataDir();
  if (!existsSync(dataDir))
    throw new Error(`no platform database in ${dataDir}: run npm start first, or set DATABASE_URL`);
  if (isRunning(join(dataDir, "mariadbd.pid"))) {
    throw new Error("the platform's MariaDB is running: set DATABASE_URL to the address npm start printed (…/hcp)");
  }
  const embedded = await startEmbeddedMariadb({ dataDir, log: (line) => process.stderr.write(`[db] ${line}\n`) });
  return { url: `${embedded.url}/hcp`, stop: embedded.stop };
}

/** Opens the database for one command, hands it a pool, and closes both whatever happens. */
export async function withDatabase<T>(run: (db: Db) => Promise<T>, connectionLimit = 2): Promise<T> {
  const database = await openDatabase();
  const db = createDb({ url: database.url, connectionLimit });
  try {
    return await run(db);
  } finally {
    await db.destroy();
    await database.stop();
  }
}

/** Runs a command's main and exits with its code; a failure prints its message and exits 2. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
