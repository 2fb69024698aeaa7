import { sql, type RawBuilder } from "kysely";

import { keysOf } from "@hcp/domain";

import type { Db } from "../client";
import { onHallClock } from "../hall-clock";

/**
 * Rollups: per hall-local day counts that every dashboard, ranking and report reads instead of
 * the raw rows. Triggers queue each change (a case completed, a first rating given, an exclusion)
 * in `rollup_change` inside the writer's transaction; `foldRollupChanges` adds the queued deltas
 * to the rollup tables. The raw tables stay the source of truth: `rollupSourceRows` computes the
 * same rows from them, `rebuildRollups` replaces the rollups with it and `checkRollups` compares.
 */
export const ROLLUP_COUNTERS = [
  "completed",
  "rated",
  "rated_default",
  "promised",
  "promised_on_time",
  "handling_seconds",
  "l1",
  "l2",
  "l3",
  "l4",
  "l5",
  "d1",
  "d2",
  "d3",
  "d4",
  "d5",
] as const;

export type TRollupCounter = (typeof ROLLUP_COUNTERS)[number];
export type TRollupCounters = Record<TRollupCounter, number>;

export type TRollupTable =
  | "rollup_window_day"
  | "rollup_item_day"
  | "rollup_channel_day"
  | "rollup_window_month"
  | "rollup_item_month"
  | "rollup_channel_month";

/** Each rollup's key columns after hall and day. */
export const ROLLUP_KEYS: Record<TRollupTable, readonly string[]> = {
  rollup_window_day: ["window_id", "staff_id", "department_id"],
  rollup_item_day: ["department_id", "service_item_id"],
  rollup_channel_day: ["department_id", "channel"],
  rollup_window_month: ["window_id", "staff_id", "department_id"],
  rollup_item_month: ["department_id", "service_item_id"],
  rollup_channel_month: ["department_id", "channel"],
};

/**
 * Month rollups hold the same rows summed per hall-local month, `day` being the month's first day:
 * a month's read sums one row per key instead of one per key and day. Each is built from its day
 * rollup when rebuilding, and from the same queued changes when folding.
 */
export const MONTH_ROLLUP_OF: Partial<Record<TRollupTable, TRollupTable>> = {
  rollup_window_day: "rollup_window_month",
  rollup_item_day: "rollup_item_month",
  rollup_channel_day: "rollup_channel_month",
};

const ROLLUP_TABLES: TRollupTable[] = keysOf(ROLLUP_KEYS);
const DAY_TABLES = ROLLUP_TABLES.filter((table) => MONTH_ROLLUP_OF[table] !== undefined);
const MONTH_TABLES = new Set(Object.values(MONTH_ROLLUP_OF));

/** Case counters are meaningless per rating channel: those tables only take rating rows. */
const SOURCE_FILTER: Record<TRollupTable, string> = {
  rollup_window_day: "",
  rollup_item_day: "",
  rollup_channel_day: "where channel > 0",
  rollup_window_month: "",
  rollup_item_month: "",
  rollup_channel_month: "where channel > 0",
};

/** A change's day as the table keys it: the day itself, or its month's first day. */
function dayColumn(table: TRollupTable): string {
  return MONTH_TABLES.has(table) ? "day - interval (dayofmonth(day) - 1) day" : "day";
}

const FOLD_BATCH = 5000;

/**
 * The change stream computed from the raw rows: one row per completed case and one per valid first
 * rating, with the same columns as `rollup_change`. Optional bounds limit it to a hall and a UTC range.
 */
export function rawChangeStream(
  bounds: { hallId?: number; hallIds?: readonly number[]; start?: Date; end?: Date } = {},
): RawBuilder<unknown> {
  const caseWhere = [sql`c.completed_at is not null`];
  const ratingWhere = [sql`r.seq = 1`, sql`x.id is null`];
  if (bounds.hallId !== undefined) {
    caseWhere.push(sql`c.hall_id = ${bounds.hallId}`);
    ratingWhere.push(sql`r.hall_id = ${bounds.hallId}`);
  }
  if (bounds.hallIds !== undefined) {
    caseWhere.push(sql`c.hall_id in (${sql.join(bounds.hallIds)})`);
    ratingWhere.push(sql`r.hall_id in (${sql.join(bounds.hallIds)})`);
  }
  if (bounds.start) {
    caseWhere.push(sql`c.completed_at >= ${bounds.start}`);
    ratingWhere.push(sql`r.rated_at >= ${bounds.start}`);
  }
  if (bounds.end) {
    caseWhere.push(sql`c.completed_at < ${bounds.end}`);
    ratingWhere.push(sql`r.rated_at < ${bounds.end}`);
  }
  return sql`(
    select c.hall_id, date(${onHallClock("c.completed_at")}) as day, coalesce(c.window_id, 0) as window_id,
           coalesce(c.staff_id, 0) as staff_id, c.department_id, c.service_item_id, 0 as channel,
           1 as completed,
           (r.id is not null and x.id is null) as rated,
           coalesce(r.is_default and x.id is null, 0) as rated_default,
           (c.case_type = 'promised') as promised,
           (c.case_type = 'promised' and coalesce(date(${onHallClock("c.completed_at")}) <= c.due_date, 0)) as promised_on_time,
           greatest(timestampdiff(second, c.received_at, c.completed_at), 0) as handling_seconds,
           0 as l1, 0 as l2, 0 as l3, 0 as l4, 0 as l5, 0 as d1, 0 as d2, 0 as d3, 0 as d4, 0 as d5
    from \`case\` c
    left join rating r on r.case_id = c.id and r.seq = 1
    left join rating_exclusion x on x.rating_id = r.id
    where ${sql.join(caseWhere, sql` and `)}
    union all
    select r.hall_id, date(${onHallClock("r.rated_at")}), coalesce(r.window_id, 0), coalesce(r.staff_id, 0),
           r.department_id, r.service_item_id, r.channel, 0, 0, 0, 0, 0, 0,
           r.level = 1, r.level = 2, r.level = 3, r.level = 4, r.level = 5,
           r.level = 1 and r.is_default, r.level = 2 and r.is_default, r.level = 3 and r.is_default,
           r.level = 4 and r.is_default, r.level = 5 and r.is_default
    from rating r
    left join rating_exclusion x on x.rating_id = r.id
    where ${sql.join(ratingWhere, sql` and `)}
  )`;
}

function sums(): RawBuilder<unknown> {
  return sql.raw(ROLLUP_COUNTERS.map((counter) => `sum(${counter}) as ${counter}`).join(", "));
}

/** `select hall_id, day, <keys>, sum(...) from <source> group by ...`: a rollup's rows from a stream. */
function aggregate(table: TRollupTable, source: RawBuilder<unknown>): RawBuilder<unknown> {
  const keys = ["hall_id", dayColumn(table), ...ROLLUP_KEYS[table]].join(", ");
  // Grouped by the expressions, not the select's names: `day` would name the source's column.
  return sql`select ${sql.raw(keys)}, ${sums()} from ${source} as s ${sql.raw(SOURCE_FILTER[table])} group by ${sql.raw(keys)}`;
}

function insertAggregate(table: TRollupTable, source: RawBuilder<unknown>, accumulate: boolean): RawBuilder<unknown> {
  const columns = ["hall_id", "day", ...ROLLUP_KEYS[table], ...ROLLUP_COUNTERS].join(", ");
  const update = accumulate
    ? sql` on duplicate key update ${sql.raw(ROLLUP_COUNTERS.map((counter) => `${counter} = ${counter} + values(${counter})`).join(", "))}`
    : sql``;
  return sql`insert into ${sql.table(table)} (${sql.raw(columns)}) ${aggregate(table, source)}${update}`;
}

/** True when changes are waiting: a read takes one cheap look before deciding to fold. */
async function hasPendingChanges(db: Db): Promise<boolean> {
  const row = await db.selectFrom("rollup_change").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds queued changes to the rollups and deletes them, batch by batch, each batch in one
 * transaction, so a crash leaves every change either folded and gone or still queued. Locking the
 * batch makes two processes folding at once take turns instead of adding a change twice.
 * Returns the number of changes folded.
 */
export async function foldRollupChanges(db: Db): Promise<number> {
  let folded = 0;
  while (await hasPendingChanges(db)) {
    const count = await db
      .transaction()
      .setIsolationLevel("read committed")
      .execute(async (trx) => {
        const batch = await sql<{ id: number }>`
          select id from rollup_change order by id limit ${FOLD_BATCH} for update`.execute(trx);
        if (batch.rows.length === 0) return 0;
        const ids = batch.rows.map((row) => row.id);
        const source = sql`(select * from rollup_change where id in (${sql.join(ids)}))`;
        for (const table of ROLLUP_TABLES) await insertAggregate(table, source, true).execute(trx);
        await sql`delete from rollup_change where id in (${sql.join(ids)})`.execute(trx);
        return ids.length;
      });
    if (count === 0) break;
    folded += count;
  }
  return folded;
}

/**
 * Runs a bulk load without queueing a change per row: `load` must write through the connection it
 * is given (the session variable the triggers look at is per connection), and the hall's rollups
 * are rebuilt from the raw rows afterwards.
 */
export async function withBulkLoad<T>(
  db: Db,
  load: (conn: Db) => Promise<T>,
  hallIdOf: (result: T) => number,
): Promise<T> {
  const result = await db.connection().execute(async (conn) => {
    await sql`set @rollup_bulk_load = 1`.execute(conn);
    try {
      return await load(conn);
    } finally {
      await sql`set @rollup_bulk_load = null`.execute(conn);
    }
  });
  await rebuildRollups(db, hallIdOf(result));
  return result;
}

/**
 * Replaces the rollups (of one hall, or all) with what the raw rows say, and drops the queued
 * changes they already contain. For a bulk load and for repairing after a failed check; the
 * platform must not be writing to that hall meanwhile.
 */
export async function rebuildRollups(db: Db, hallId?: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const hallClause = hallId === undefined ? sql`` : sql`where hall_id = ${hallId}`;
    await sql`delete from rollup_change ${hallClause}`.execute(trx);
    for (const table of DAY_TABLES) {
      await sql`delete from ${sql.table(table)} ${hallClause}`.execute(trx);
      await insertAggregate(table, rawChangeStream({ hallId }), false).execute(trx);
      // The month rollup sums the day rollup just built: the raw rows are read once.
      const month = MONTH_ROLLUP_OF[table];
      if (month) {
        await sql`delete from ${sql.table(month)} ${hallClause}`.execute(trx);
        await insertAggregate(month, sql`(select * from ${sql.table(table)} ${hallClause})`, false).execute(trx);
      }
    }
  });
}

export interface TRollupDifference {
  table: TRollupTable;
  /** hall, day and the table's key columns, e.g. "1|2023-03-01|4|12|7" */
  key: string;
  counter: TRollupCounter;
  rollup: number;
  raw: number;
}

type TRollupRow = Record<string, unknown>;

function dayOf(row: TRollupRow): string {
  return row.day instanceof Date ? row.day.toISOString().slice(0, 10) : String(row.day);
}

function rowKey(table: TRollupTable, row: TRollupRow): string {
  return [String(row.hall_id), dayOf(row), ...ROLLUP_KEYS[table].map((key) => String(row[key]))].join("|");
}

function indexRows(table: TRollupTable, rows: readonly TRollupRow[]): Map<string, TRollupRow> {
  return new Map(rows.map((row) => [rowKey(table, row), row]));
}

/** Day rows summed per month, as a month rollup keys them: the raw rows are read once for both. */
function sumByMonth(rows: readonly TRollupRow[]): TRollupRow[] {
  const months = new Map<string, TRollupRow>();
  for (const row of rows) {
    const monthRow = { ...row, day: `${dayOf(row).slice(0, 8)}01` };
    const key = JSON.stringify(
      Object.entries(monthRow).filter(([column]) => !(ROLLUP_COUNTERS as readonly string[]).includes(column)),
    );
    const seen = months.get(key);
    if (!seen) months.set(key, monthRow);
    else for (const counter of ROLLUP_COUNTERS) seen[counter] = Number(seen[counter] ?? 0) + Number(row[counter] ?? 0);
  }
  return [...months.values()];
}

function compareRows(
  table: TRollupTable,
  stored: readonly TRollupRow[],
  queued: readonly TRollupRow[],
  raw: readonly TRollupRow[],
): TRollupDifference[] {
  const storedByKey = indexRows(table, stored);
  const queuedByKey = indexRows(table, queued);
  const rawByKey = indexRows(table, raw);
  const differences: TRollupDifference[] = [];
  for (const key of new Set([...storedByKey.keys(), ...rawByKey.keys(), ...queuedByKey.keys()])) {
    for (const counter of ROLLUP_COUNTERS) {
      const rollup = Number(storedByKey.get(key)?.[counter] ?? 0) + Number(queuedByKey.get(key)?.[counter] ?? 0);
      const rawValue = Number(rawByKey.get(key)?.[counter] ?? 0);
      if (rollup !== rawValue) differences.push({ table, key, counter, rollup, raw: rawValue });
    }
  }
  return differences;
}

/**
 * Recomputes every rollup from the raw rows and lists each counter that differs (all-zero rows
 * left by cancelling changes count as absent). Folds first, then compares inside one consistent
 * snapshot so writes arriving meanwhile cannot show up as differences.
 */
export async function checkRollups(db: Db, hallId?: number): Promise<TRollupDifference[]> {
  await foldRollupChanges(db);
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      await sql`select 1 from rollup_change limit 1`.execute(trx);
      const differences: TRollupDifference[] = [];
      const hallClause = hallId === undefined ? sql`` : sql`where hall_id = ${hallId}`;
      const pending = await sql<{ n: number }>`select count(*) as n from rollup_change ${hallClause}`.execute(trx);
      const pendingSource = sql`(select * from rollup_change ${hallClause})`;
      // Changes committed after the fold but inside this snapshot are still queued: count them.
      const queuedRows = async (table: TRollupTable) =>
        Number(pending.rows[0]?.n ?? 0) > 0
          ? ((await aggregate(table, pendingSource).execute(trx)).rows as TRollupRow[])
          : [];
      const storedRows = async (table: TRollupTable) =>
        (await sql<TRollupRow>`select * from ${sql.table(table)} ${hallClause}`.execute(trx)).rows;
      for (const table of DAY_TABLES) {
        const raw = (await aggregate(table, rawChangeStream({ hallId })).execute(trx)).rows as TRollupRow[];
        differences.push(...compareRows(table, await storedRows(table), await queuedRows(table), raw));
        const month = MONTH_ROLLUP_OF[table];
        if (month)
          differences.push(...compareRows(month, await storedRows(month), await queuedRows(month), sumByMonth(raw)));
      }
      return differences;
    });
}
