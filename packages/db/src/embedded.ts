/**
 * The project's own MariaDB for the start and test commands when DATABASE_URL is not set: the
 * machine's `mariadbd`, a data directory of ours, a private port and socket on 127.0.0.1. It never
 * touches a system instance, and it is stopped when the command ends. A mariadbd that dies is
 * started again (with backoff, a line each time); one whose owner dies, even by SIGKILL, stops.
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
  /** how long a dead mariadbd stays down before it is started again the first time (default 1 s) */
  restartWaitMs?: number;
}

/** Waits before starting a dead mariadbd again: doubling from 1 s to 30 s, from 1 s again after a minute up. */
const FIRST_RESTART_WAIT_MS = 1_000;
const LONGEST_RESTART_WAIT_MS = 30_000;
const STABLE_RUN_MS = 60_000;

/**
 * mariadbd runs under this shell, which ties it to its owner: the shell waits on its stdin, a
 * pipe only the owner holds open. However the owner ends — a stop, a crash, SIGKILL — the pipe
 * closes, and the shell stops mariadbd cleanly (SIGTERM). The shell ends when mariadbd does, with
 * its status; a Ctrl-C or SIGTERM sent to the whole process group does not end it before that (so
 * its owner never takes a database still shutting down for a dead one). Background commands read
 * /dev/null in sh, hence the pipe's copy on descriptor 3.
 */
const WATCHDOG = `exec 3<&0
"$@" </dev/null 3<&- &
db=$!
{ read -r _ <&3; kill -TERM "$db" 2>/dev/null; } &
watch=$!
trap : INT TERM
while :; do
  wait "$db"
  status=$?
  if [ "$status" -gt 128 ] && kill -0 "$db" 2>/dev/null; then continue; fi
  break
done
kill "$watch" 2>/dev/null
exit "$status"`;

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
  let stderr = "";
  const launch = () => {
    const started = spawn("sh", ["-c", WATCHDOG, "mariadbd-watchdog", binaries.server, ...args], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    started.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    // The pipe is the tie itself: nothing is written to it, and a write after mariadbd ended is no error.
    started.stdin?.on("error", () => undefined);
    return started;
  };
  let child = launch();
  const url = `mysql://root@127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, 60_000);
  } catch (error) {
    child.stdin?.end();
    throw new Error(`could not start mariadbd: ${stderr.trim().split("\n").slice(-3).join(" | ")}`, {
      cause: error,
    });
  }
  log(`MariaDB listening on 127.0.0.1:${port} (data in ${dataDir})`);

  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;
  const firstWaitMs = options.restartWaitMs ?? FIRST_RESTART_WAIT_MS;
  let waitMs = firstWaitMs;
  let upSince = Date.now();
  /** Starts mariadbd again once it died under us: same port and data, so the pools reconnect. */
  const supervise = (running: ChildProcess) => {
    running.once("exit", (code, signal) => {
      if (stopping) return;
      // A run that lasted is a new failure, not the same one again: the wait starts over.
      if (Date.now() - upSince > STABLE_RUN_MS) waitMs = firstWaitMs;
      log(`mariadbd exited (${signal ?? `status ${String(code)}`}): starting it again in ${waitMs / 1000} s`);
      restartTimer = setTimeout(() => {
        restartTimer = null;
        if (stopping) return;
        child = launch();
        upSince = Date.now();
        supervise(child);
        waitUntilReady(url, child, 60_000).then(
          () => log(`MariaDB listening again on 127.0.0.1:${port}`),
          // Its exit (if it died again) has started the next attempt already.
          () => log("mariadbd did not come back: trying again"),
        );
      }, waitMs);
      waitMs = Math.min(waitMs * 2, LONGEST_RESTART_WAIT_MS);
    });
  };
  supervise(child);

  return {
    url,
    port,
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // Closing the tie stops mariadbd (a clean shutdown), then its shell ends.
      child.stdin?.end();
      await exited;
    },
  };
}
