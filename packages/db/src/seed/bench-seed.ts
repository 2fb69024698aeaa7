/**
 * Full-scale timing of the demo seed: a fresh database (DATABASE_URL's server, or a throwaway
 * MariaDB in a temporary directory), migrated, seeded as `npm start` seeds it (the whole simulated
 * 2023 and the recent days up to now), counted and dropped. Run: `npx tsx src/seed/bench-seed.ts [scale]`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "kysely";

import { createDb } from "../client";
import { startEmbeddedMariadb } from "../embedded";
import { readEnv } from "../env";
import { prepareDatabase } from "../migrator";
import { seedDemoHall } from "./index";

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function main(): Promise<void> {
  const scale = Number(process.argv[2] ?? 1);
  let serverUrl = readEnv().DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let tempDir: string | null = null;
  if (!serverUrl) {
    tempDir = mkdtempSync(join(tmpdir(), "hcp-bench-db-"));
    const embedded = await startEmbeddedMariadb({ dataDir: tempDir, fast: true, log: console.log });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const database = `hcp_bench_${randomBytes(6).toString("hex")}`;
  const admin = createDb({ url: serverUrl, connectionLimit: 1 });
  await sql`create database ${sql.id(database)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(admin);
  const db = createDb({ url: withDatabase(serverUrl, database), connectionLimit: 2 });
  try {
    await prepareDatabase(db);
    const result = await seedDemoHall(db, { scale, now: new Date(), log: (line) => console.log(line) });
    const bad = await db
      .selectFrom("rating")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("hall_id", "=", result.hallId)
      .where("level", "<=", 2)
      .executeTakeFirstOrThrow();
    const late = await db
      .selectFrom("case")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("hall_id", "=", result.hallId)
      .where("case_type", "=", "promised")
      .where(sql<boolean>`date(convert_tz(completed_at, '+00:00', '+08:00')) > due_date`)
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify(
        {
          scale,
          departments: result.departments,
          serviceItems: result.serviceItems,
          windows: result.windows,
          staff: result.staff,
          cases: result.cases,
          ratings: result.ratings,
          recentCases: result.recentCases,
          recentRatings: result.recentRatings,
          defaultRatings: result.defaultRatings,
          prompts: result.prompts,
          signals: result.signals,
          badRatings: Number(bad.count),
          lateCases: Number(late.count),
          seconds: result.seconds,
        },
        null,
        2,
      ),
    );
  } finally {
    await db.destroy();
    await sql`drop database if exists ${sql.id(database)}`.execute(admin);
    await admin.destroy();
    if (stopServer) await stopServer();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
