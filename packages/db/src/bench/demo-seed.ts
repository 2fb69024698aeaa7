import { sql } from "kysely";

import type { Db } from "../client";

/** What the demo-seed benchmark prints besides the seed's own counts: its bad reviews and late 承诺件. */
export async function demoSeedFigures(db: Db, hallId: number): Promise<{ badRatings: number; lateCases: number }> {
  const bad = await db
    .selectFrom("rating")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("hall_id", "=", hallId)
    .where("level", "<=", 2)
    .executeTakeFirstOrThrow();
  const late = await db
    .selectFrom("case")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("hall_id", "=", hallId)
    .where("case_type", "=", "promised")
    .where(sql<boolean>`date(convert_tz(completed_at, '+00:00', '+08:00')) > due_date`)
    .executeTakeFirstOrThrow();
  return { badRatings: Number(bad.count), lateCases: Number(late.count) };
}
