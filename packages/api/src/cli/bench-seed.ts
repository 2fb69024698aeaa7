/**
 * Full-scale timing of the demo seed: a fresh database (DATABASE_URL's server, or a throwaway
 * MariaDB in a temporary directory at default durability, as `npm start` runs it), migrated,
 * seeded as `npm start` seeds it (the demo county: the county centre's whole simulated 2023 and
 * the recent days up to now, and its 20 township centres) — the structure through the console's
 * procedures, the history in bulk — counted and dropped.
 *
 *   npx tsx packages/api/src/cli/bench-seed.ts [scale]
 */
import { readFileSync } from "node:fs";

import { createDb, prepareDatabase } from "@hcp/db";
import { demoSeedFigures, startDatabase } from "@hcp/db/bench";

import { seedDemoCounty } from "../demo-county";

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 1);
  const database = await startDatabase(() => undefined);
  const db = createDb({ url: database.url, connectionLimit: 10 });
  // CPU seconds of the embedded MariaDB (utime + stime), where this command started it.
  const databaseCpu = (): number | null => {
    const pid = database.mariadbPid();
    if (pid === null) return null;
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  try {
    await prepareDatabase(db);
    const nodeBefore = process.cpuUsage();
    const databaseBefore = databaseCpu();
    const {
      accounts: _secrets,
      townships,
      ...result
    } = await seedDemoCounty(db, {
      scale,
      now: new Date(),
      log: (line) => console.log(line),
    });
    const node = process.cpuUsage(nodeBefore);
    const databaseAfter = databaseCpu();
    const cpuSeconds = {
      node: Math.round((node.user + node.system) / 1e5) / 10,
      mariadb:
        databaseBefore === null || databaseAfter === null
          ? null
          : Math.round((databaseAfter - databaseBefore) * 10) / 10,
    };
    const figures = await demoSeedFigures(db, result.hallId);
    const sum = (pick: (township: (typeof townships)[number]) => number) =>
      townships.reduce((total, township) => total + pick(township), 0);
    const townshipFigures = {
      count: townships.length,
      windows: sum((t) => t.windows),
      staff: sum((t) => t.staff),
      cases: sum((t) => t.cases),
      ratings: sum((t) => t.ratings),
      recentCases: sum((t) => t.recentCases),
      defaultRatings: sum((t) => t.defaultRatings),
    };
    console.log(JSON.stringify({ scale, ...result, cpuSeconds, ...figures, townships: townshipFigures }, null, 2));
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
