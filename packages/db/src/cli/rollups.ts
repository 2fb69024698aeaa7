/**
 * Checks the rollups against the raw rows, or rebuilds them from the raw rows.
 *
 *   tsx packages/db/src/cli/rollups.ts check [--hall <id>]
 *   tsx packages/db/src/cli/rollups.ts rebuild --hall <id>
 *
 * The database is DATABASE_URL (with the database name), otherwise the platform's own MariaDB in
 * `.data/mariadb` (database `hcp`), started for the command — stop `npm start` first, or point
 * DATABASE_URL at the port it printed. `check` exits 1 when any counter differs.
 */
import { checkRollups, foldRollupChanges, rebuildRollups } from "../repositories/rollup";
import { runCommand, withDatabase } from "./open-database";

function hallArgument(args: readonly string[]): number | undefined {
  const index = args.indexOf("--hall");
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error("--hall needs a hall id, e.g. --hall 1");
  return value;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "check" && command !== "rebuild") {
    process.stderr.write("usage: rollups check [--hall <id>] | rollups rebuild --hall <id>\n");
    return 2;
  }
  const hallId = hallArgument(args);
  if (command === "rebuild" && hallId === undefined) throw new Error("rebuild needs --hall <id>");
  return withDatabase(async (db) => {
    const started = performance.now();
    if (command === "rebuild") {
      await rebuildRollups(db, hallId);
      process.stdout.write(
        `rebuilt the rollups of hall ${String(hallId)} in ${Math.round(performance.now() - started)} ms\n`,
      );
      return 0;
    }
    const folded = await foldRollupChanges(db);
    const differences = await checkRollups(db, hallId);
    const took = Math.round(performance.now() - started);
    if (differences.length === 0) {
      process.stdout.write(`rollups equal the raw rows (${folded} queued changes folded first; ${took} ms)\n`);
      return 0;
    }
    process.stdout.write(`${differences.length} counters differ from the raw rows (${took} ms):\n`);
    for (const difference of differences.slice(0, 50)) {
      process.stdout.write(
        `  ${difference.table} [${difference.key}] ${difference.counter}: rollup ${difference.rollup}, raw ${difference.raw}\n`,
      );
    }
    if (differences.length > 50) process.stdout.write(`  … and ${differences.length - 50} more\n`);
    process.stdout.write("repair with: rollups rebuild --hall <id>\n");
    return 1;
  });
}

runCommand(main);
