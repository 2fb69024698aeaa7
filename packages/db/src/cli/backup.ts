/**
 * Writes a backup of the platform's database (mariadb-dump --single-transaction: a consistent
 * snapshot while the hall keeps working) into HCP_BACKUP_DIR and keeps the newest HCP_BACKUP_KEEP.
 *
 *   tsx packages/db/src/cli/backup.ts [--dir <directory>] [--keep <n>]
 *
 * The database is DATABASE_URL, otherwise the platform's own MariaDB in `.data/mariadb` — the one
 * `npm start` runs (reached through its socket while it runs, started for the command when not).
 * Prints the backup's directory and figures; exits 2 with one line when it cannot.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

import { createBackup } from "../backup";
import { findBinary, startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";
import { isRunning, platformDataDir, runCommand } from "./open-database";

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
}

/** The running platform's MariaDB listens on a private port; its socket says which. */
function runningPort(dataDir: string): number {
  const client = findBinary("mariadb") ?? findBinary("mysql");
  if (!client) throw new Error("mariadb is not installed: install the mariadb-client package");
  const output = execFileSync(
    client,
    [
      "--no-defaults",
      `--socket=${join(dataDir, "mariadbd.sock")}`,
      "--user=root",
      "--batch",
      "--skip-column-names",
      "-e",
      "select @@port",
    ],
    { encoding: "utf8" },
  );
  const port = Number(output.trim());
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`the platform's MariaDB did not say its port (${output.trim()})`);
  return port;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const env = readEnv();
  const backupDir = option(args, "--dir") ?? env.HCP_BACKUP_DIR ?? join(platformDataDir(), "..", "backups");
  const keepOption = option(args, "--keep");
  const keep = keepOption === undefined ? env.HCP_BACKUP_KEEP : Number(keepOption);
  if (!Number.isInteger(keep) || keep <= 0) throw new Error("--keep needs a positive number of backups");

  let url = env.DATABASE_URL;
  let stop = (): Promise<void> => Promise.resolve();
  if (!url) {
    const dataDir = platformDataDir();
    if (isRunning(join(dataDir, "mariadbd.pid"))) url = `mysql://root@127.0.0.1:${runningPort(dataDir)}/hcp`;
    else {
      const embedded = await startEmbeddedMariadb({ dataDir, log: (line) => process.stderr.write(`[db] ${line}\n`) });
      url = `${embedded.url}/hcp`;
      stop = embedded.stop;
    }
  }
  try {
    const result = await createBackup({ url, backupDir, keep });
    const { manifest } = result;
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    process.stdout.write(
      `backup written: ${result.dir}\n` +
        `  ${Object.keys(manifest.tables).length} tables, ${rows} rows, schema ${manifest.schemaVersion}\n` +
        `  ${manifest.dump.file} ${(manifest.dump.bytes / 1_048_576).toFixed(1)} MiB, sha256 ${manifest.dump.sha256}\n` +
        `  binlog position: ${manifest.binlog ? `${manifest.binlog.file}:${manifest.binlog.position}` : "none (the server keeps no binary log)"}\n` +
        `  ${manifest.seconds} s; ${result.removed.length} older backups removed (keeping ${keep})\n`,
    );
    return 0;
  } finally {
    await stop();
  }
}

runCommand(main);
