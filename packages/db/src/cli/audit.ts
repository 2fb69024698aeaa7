/**
 * Verifies the audit trail's hash chain from the first record to the chain head.
 *
 *   tsx packages/db/src/cli/audit.ts verify
 *
 * The database is DATABASE_URL (with the database name), otherwise the platform's own MariaDB in
 * `.data/mariadb` (stop `npm start` first, or point DATABASE_URL at the port it printed). Exits 0
 * when the chain holds, 1 at the first broken link (printed with the expected and stored hash).
 */
import { verifyAuditChain } from "../repositories/audit";
import { runCommand, withDatabase } from "./open-database";

const PROBLEMS = {
  hash: "the record was changed after it was written (its hash no longer matches its content)",
  prev_hash: "the record does not follow the one before (its previous hash differs)",
  missing: "a record is missing here (deleted)",
  head: "the chain ends elsewhere than its head says (records removed or added at the end)",
} as const;

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== "verify") {
    process.stderr.write("usage: audit verify\n");
    return 2;
  }
  return withDatabase(async (db) => {
    const started = performance.now();
    const result = await verifyAuditChain(db);
    const took = Math.round(performance.now() - started);
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} records, last id ${result.lastId} (${took} ms)\n`);
      return 0;
    }
    const link = result.brokenAt;
    process.stdout.write(
      `audit chain BROKEN at record ${link.id}: ${PROBLEMS[link.problem]}\n` +
        `  expected ${link.expected}\n  stored   ${link.stored}\n` +
        `  ${result.checked} records before it verified (${took} ms)\n`,
    );
    return 1;
  }, 1);
}

runCommand(main);
