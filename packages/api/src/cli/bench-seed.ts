/**
 * Full-scale timing of the demo seed: a fresh database (DATABASE_URL's server, or a throwaway
 * MariaDB in a temporary directory at default durability, as `npm start` runs it), migrated,
 * seeded as `npm start` seeds it (the whole simulated 2023 and the recent days up to now) — its
 * structure through the console's procedures, its history in bulk — counted and dropped.
 *
 *   npx tsx packages/api/src/cli/bench-seed.ts [scale]
 */
import { createDb, prepareDatabase } from "@hcp/db";
import { demoSeedFigures, startDatabase } from "@hcp/db/bench";

import { seedDemoHall } from "../demo-hall";

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 1);
  const database = await startDatabase(() => undefined);
  const db = createDb({ url: database.url, connectionLimit: 10 });
  try {
    await prepareDatabase(db);
    const { accounts: _secrets, ...result } = await seedDemoHall(db, {
      scale,
      now: new Date(),
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify({ scale, ...result, ...(await demoSeedFigures(db, result.hallId)) }, null, 2));
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
