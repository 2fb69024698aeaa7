import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

/** Each month rollup: the day rollup it sums and that table's key columns after hall and day. */
const MONTH_ROLLUPS = [
  { table: "rollup_window_month", from: "rollup_window_day", keys: ["window_id", "staff_id", "department_id"] },
  { table: "rollup_item_month", from: "rollup_item_day", keys: ["department_id", "service_item_id"] },
  { table: "rollup_channel_month", from: "rollup_channel_day", keys: ["department_id", "channel"] },
];

// Month rollups: the day rollups summed per hall-local month, so a month's report, ranking or
// overview sums one row per key instead of one per key and day (thirty times fewer). `day` holds
// the month's first day, so they share the day rollups' columns and every query over them.
export async function up(db: Kysely<any>): Promise<void> {
  for (const rollup of MONTH_ROLLUPS) {
    // The same columns, types, primary key, engine and collation as the day rollup it sums.
    await sql.raw(`create table ${rollup.table} like ${rollup.from}`).execute(db);
    // The counters are every column but the key: read from the table, not listed again here.
    const columns = await sql<{ name: string }>`
      select column_name as name from information_schema.columns
      where table_schema = database() and table_name = ${rollup.from} order by ordinal_position`.execute(db);
    const counters = columns.rows
      .map((row) => row.name)
      .filter((name) => !["hall_id", "day", ...rollup.keys].includes(name));
    const keys = ["hall_id", "day - interval (dayofmonth(day) - 1) day", ...rollup.keys];
    await sql
      .raw(
        `insert into ${rollup.table} (hall_id, day, ${rollup.keys.join(", ")}, ${counters.join(", ")})
         select ${keys.join(", ")}, ${counters.map((counter) => `sum(${counter})`).join(", ")}
         from ${rollup.from} group by ${keys.join(", ")}`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const rollup of MONTH_ROLLUPS) await db.schema.dropTable(rollup.table).execute();
}
