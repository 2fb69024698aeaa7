/**
 * The project's own MariaDB for the start and test commands when DATABASE_URL is not set: the
 * machine's `mariadbd`, a data directory of ours, a private port and socket on 127.0.0.1. It never
 * touches a system instance, and it is stopped when the command ends.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

import { createConnection } from "mysql2/promise";

import { childEnv, readEnv } from "./env";

export interface TEmbeddedMariadb {
  /** admin URL without a database name */
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface TEmbeddedOptions {
  dataDir: string;
  port?: number;
  /** trade durability for speed: for throwaway test data only */
  fast?: boolean;
  log?: (line: string) => void;
}

const SEARCH_PATH = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/local/mysql/bin"];

export function findBinary(name: string): string | null {
  const dirs = [...readEnv().PATH.split(":"), ...SEARCH_PATH].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const MISSING =
  "MariaDB is not installed: install the `mariadb-server` package (it provides mariadbd), or set DATABASE_URL to a MariaDB/MySQL server.";

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** On Debian as root the package is installed for the user; anywhere else we stop with one line. */
function ensureMariadbInstalled(log: (line: string) => void): { server: string; installDb: string } {
  let server = findBinary("mariadbd");
  if (!server && isRoot() && existsSync("/etc/debian_version") && findBinary("apt-get")) {
    log("installing mariadb-server with apt-get …");
    const env = childEnv({ DEBIAN_FRONTEND: "noninteractive" });
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "mariadb-server"], { stdio: "inherit", env });
    server = findBinary("mariadbd");
  }
  const installDb = findBinary("mariadb-install-db") ?? findBinary("mysql_install_db");
  if (!server || !installDb) throw new Error(MISSING);
  return { server, installDb };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A mariadbd left running by a killed command still holds the data directory: stop it first. */
function stopStale(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  // mariadbd removes its pid file on a clean shutdown; wait for the process to be gone.
  spawnSync("sh", ["-c", `while kill -0 ${pid} 2>/dev/null; do sleep 0.2; done`], { timeout: 60_000 });
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with code ${child.exitCode}`);
    try {
      const connection = await createConnection(url);
      await connection.end();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("mariadbd did not accept connections in time", { cause: lastError });
}

export async function startEmbeddedMariadb(options: TEmbeddedOptions): Promise<TEmbeddedMariadb> {
  const log = options.log ?? (() => undefined);
  const binaries = ensureMariadbInstalled(log);
  const dataDir = options.dataDir;
  const pidFile = join(dataDir, "mariadbd.pid");
  mkdirSync(dataDir, { recursive: true });
  stopStale(pidFile);

  const userArgs = isRoot() ? ["--user=root"] : [];
  if (!existsSync(join(dataDir, "mysql"))) {
    log(`initialising a MariaDB data directory in ${dataDir}`);
    const result = spawnSync(
      binaries.installDb,
      [
        "--no-defaults",
        `--datadir=${dataDir}`,
        ...userArgs,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
      ],
      { encoding: "utf8" },
    );
    if (result.status !== 0) {
      rmSync(join(dataDir, "mysql"), { recursive: true, force: true });
      throw new Error(`mariadb-install-db failed: ${result.stderr || result.stdout}`);
    }
  }

  const port = options.port ?? (await freePort());
  // Temporary tables of big statements (the rollups' rebuild) go beside the data, not into a /tmp
  // that other programs clean.
  const tmpDir = join(dataDir, "tmp");
  mkdirSync(tmpDir, { recursive: true });
  const args = [
    "--no-defaults",
    `--datadir=${dataDir}`,
    ...userArgs,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    `--socket=${join(dataDir, "mariadbd.sock")}`,
    `--pid-file=${pidFile}`,
    `--tmpdir=${tmpDir}`,
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    "--skip-log-bin",
    "--innodb-buffer-pool-size=512M",
    "--max-connections=500",
    ...(options.fast ? ["--innodb-flush-log-at-trx-commit=0", "--sync-binlog=0"] : []),
  ];
  const child = spawn(binaries.server, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `mysql://root@127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`could not start mariadbd: ${stderr.trim().split("\n").slice(-3).join(" | ")}`, {
      cause: error,
    });
  }
  log(`MariaDB listening on 127.0.0.1:${port} (data in ${dataDir})`);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
