/**
 * Restores a backup written by `backup` into an empty database, then brings it to this release's
 * schema and checks it.
 *
 *   tsx packages/db/src/cli/restore.ts <backup directory>
 *
 * The target is DATABASE_URL's database (created when missing; refused when it has tables),
 * otherwise the platform's own MariaDB in `.data/mariadb`, database `hcp` (stop `npm start`
 * first). Verifies the dump's sha256 before writing anything, loads it, compares every table's
 * rows with the manifest, runs the migrations, the rollups check and the audit chain's
 * verification, and prints a summary. Exits 0 when all agree, 1 when a check differs, 2 when
 * refused.
 */
import { join } from "node:path";

import { restoreBackup } from "../backup";
import { startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";
import { isRunning, platformDataDir, runCommand } from "./open-database";

async function main(): Promise<number> {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: restore <backup directory>   (npm run restore -- /var/backups/hcp/hcp-…)\n");
    return 2;
  }
  let url = readEnv().DATABASE_URL;
  let stop = (): Promise<void> => Promise.resolve();
  if (!url) {
    const dataDir = platformDataDir();
    if (isRunning(join(dataDir, "mariadbd.pid")))
      throw new Error("the platform's MariaDB is running: stop npm start before restoring into it");
    const embedded = await startEmbeddedMariadb({ dataDir, log: (line) => process.stderr.write(`[db] ${line}\n`) });
    url = `${embedded.url}/hcp`;
    stop = embedded.stop;
  }
  try {
    const result = await restoreBackup({ url, dir });
    const { manifest } = result;
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    const lines = [
      `restored ${dir} (written ${manifest.createdAt}, schema ${manifest.schemaVersion}) in ${result.seconds} s (loading ${result.loadSeconds} s, the checks the rest)`,
      result.countDifferences.length === 0
        ? `  rows: ${Object.keys(manifest.tables).length} tables, ${rows} rows, as the manifest lists`
        : `  rows DIFFER from the manifest in ${result.countDifferences.length} tables:`,
      ...result.countDifferences.map((d) => `    ${d.table}: manifest ${d.manifest}, restored ${d.restored}`),
      `  migrations run since the backup: ${result.migrationsRun}`,
      result.rollupDifferences.length === 0
        ? "  rollups equal the raw rows"
        : `  rollups: ${result.rollupDifferences.length} counters differ from the raw rows (repair: tsx packages/db/src/cli/rollups.ts rebuild --hall <id>)`,
      result.audit.ok
        ? `  audit chain intact: ${result.audit.checked} records`
        : `  audit chain BROKEN at record ${result.audit.brokenAt.id} (${result.audit.brokenAt.problem})`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const ok = result.countDifferences.length === 0 && result.rollupDifferences.length === 0 && result.audit.ok;
    return ok ? 0 : 1;
  } finally {
    await stop();
  }
}

runCommand(main);
