/**
 * Key rotation for personal data: every applicant's phone and ID number cipher and every staff
 * member's phone cipher not under the current key is re-encrypted under it (lookup hashes and masks
 * recomputed on the way), in one run with one audit record.
 *
 *   HCP_DATA_KEYS="k1:<hex>,k2:<hex>" HCP_DATA_KEY_ID=k2 tsx packages/api/src/cli/privacy.ts rekey
 *
 * Keys as the server takes them (without any, the demo key in `.data/data-key.hex`); the database
 * as for `rollups:check` (DATABASE_URL, or the platform's own MariaDB while it is stopped). Keep
 * the old key listed until the command has finished: ciphers not yet rewritten still need it.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { migrateToLatest } from "@hcp/db";
import { runCommand, withDatabase } from "@hcp/db/cli/open-database";
import { readEnv } from "@hcp/db/env";

import { loadDataKeyring } from "../data-keys";
import { rekeyPersonalData } from "../services/privacy";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== "rekey") {
    process.stderr.write("usage: privacy rekey\n");
    return 2;
  }
  const env = readEnv();
  const ring = loadDataKeyring(
    env,
    resolve(env.HCP_DATA_DIR ?? join(repoRoot, ".data")),
    env.NODE_ENV === "production",
  );
  return withDatabase(async (db) => {
    await migrateToLatest(db);
    const started = performance.now();
    const { cases, staff } = await rekeyPersonalData(db, ring, new Date());
    process.stdout.write(
      `current key ${ring.currentId}: ${cases.reencrypted} of ${cases.examined} cases with personal data and ${staff.reencrypted} of ${staff.examined} staff phones re-encrypted (${Math.round(performance.now() - started)} ms)\n`,
    );
    return 0;
  });
}

runCommand(main);
