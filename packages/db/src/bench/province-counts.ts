/** The province benchmark's figures about what it loaded: table sizes and exact row counts. */
import { sql } from "kysely";

import type { Db } from "../client";

const MEASURED_TABLES = [
  "case",
  "rating",
  "rating_prompt",
  "rating_reason",
  "work_order",
  "rollup_window_day",
  "rollup_item_day",
  "rollup_channel_day",
];

/** Fresh index statistics after the bulk load, so the timed queries get the plans they would in service. */
export async function analyzeProvinceTables(db: Db): Promise<void> {
  await sql`analyze table \`case\`, rating, rating_prompt, work_order, rollup_window_day, rollup_item_day, rollup_channel_day`.execute(
    db,
  );
}

export interface TTableSize {
  name: string;
  /** InnoDB's estimate */
  rows: number;
  data: number;
  indexes: number;
}

/** The measured tables, largest first. */
export async function provinceTableSizes(db: Db, database: string): Promise<TTableSize[]> {
  const result = await sql<TTableSize>`
    select table_name as name, table_rows as \`rows\`, data_length as data, index_length as indexes
    from information_schema.tables where table_schema = ${database}
      and table_name in (${sql.join(MEASURED_TABLES)})
    order by data_length + index_length desc`.execute(db);
  return result.rows;
}

async function exactCount(db: Db, table: string, where = sql``): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export interface TProvinceCounts {
  hallCases: number;
  hallRatings: number;
  totals: { cases: number; ratings: number; bad: number; workOrders: number; exclusions: number; prompts: number };
}

/** Exact counts of the measured hall's cases and first ratings, and of the whole province's rows. */
export async function countProvinceRows(db: Db, hallId: number): Promise<TProvinceCounts> {
  return {
    hallCases: await exactCount(db, "case", sql`where hall_id = ${hallId}`),
    hallRatings: await exactCount(db, "rating", sql`where hall_id = ${hallId} and seq = 1`),
    totals: {
      cases: await exactCount(db, "case"),
      ratings: await exactCount(db, "rating", sql`where seq = 1`),
      bad: await exactCount(db, "rating", sql`where seq = 1 and level <= 2`),
      workOrders: await exactCount(db, "work_order"),
      exclusions: await exactCount(db, "rating_exclusion"),
      prompts: await exactCount(db, "rating_prompt"),
    },
  };
}

export async function countReadyReports(db: Db): Promise<number> {
  return exactCount(db, "monthly_report", sql`where status = 'ready'`);
}

/** Drops a hall's archived versions of a month, so the report of that month is built live. */
export async function deleteMonthlyReports(db: Db, hallId: number, month: string): Promise<void> {
  await db.deleteFrom("monthly_report").where("hall_id", "=", hallId).where("month", "=", month).execute();
}
