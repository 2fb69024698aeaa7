import { sql, type RawBuilder } from "kysely";

import { addCalendarDays, emptyTally, hallDayBounds, LEVELS, type TRatingTally } from "@hcp/domain";

import type { Db } from "../client";
import { onHallClock } from "../hall-clock";
import {
  foldRollupChanges,
  MONTH_ROLLUP_OF,
  rawChangeStream,
  ROLLUP_COUNTERS,
  ROLLUP_KEYS,
  type TRollupTable,
} from "./rollup";

/**
 * The counts behind every metric, grouped by a dimension. Metric arithmetic lives in @hcp/domain;
 * this module only counts, so every screen, report and export divides the same numbers. It reads
 * the rollups when they hold the dimension and filters asked for, else the raw rows (a drill-down
 * into one window's items), and can be told to read the raw rows to check or time the rollups.
 */
export type TTallyDimension = "hall" | "day" | "month" | "window" | "staff" | "department" | "service_item" | "channel";
export type TTallySource = "rollup" | "raw";

export interface TTallyFilter {
  hallId: number;
  /** hall-local dates, inclusive */
  from: string;
  to: string;
  by: TTallyDimension;
  departmentId?: number;
  windowId?: number;
  staffId?: number;
  serviceItemId?: number;
  /** cases completed on hall-local days before this date have a closed rating window */
  closedBefore: string;
  source?: TTallySource;
}

/** Grouping keys: null for the whole hall and for "no window"/"no staff", yyyymm for months, yyyy-mm-dd for days. */
export type TTallyKey = number | string | null;

const KEY_COLUMN: Record<TTallyDimension, string> = {
  hall: "null",
  day: "date_format(day, '%Y-%m-%d')",
  month: "year(day) * 100 + month(day)",
  window: "window_id",
  staff: "staff_id",
  department: "department_id",
  service_item: "service_item_id",
  channel: "channel",
};

const FILTER_COLUMN = {
  departmentId: "department_id",
  windowId: "window_id",
  staffId: "staff_id",
  serviceItemId: "service_item_id",
} as const;

/**
 * Whether the month rollups can answer: the period is whole months and each month's cases are
 * either all inside their closed rating window or all outside it (the month rows keep no days to
 * tell them apart), and no day is asked for.
 */
export function readsWholeMonths(filter: Pick<TTallyFilter, "by" | "from" | "to" | "closedBefore">): boolean {
  if (filter.by === "day" || !filter.from.endsWith("-01") || !addCalendarDays(filter.to, 1).endsWith("-01"))
    return false;
  const closedMonthStart = `${filter.closedBefore.slice(0, 8)}01`;
  // Cases of months before closedBefore's month are all closed, of months after it none; its own
  // month (when closedBefore is not its first day) is split.
  return filter.closedBefore === closedMonthStart || closedMonthStart < filter.from || closedMonthStart > filter.to;
}

/** The rollup that holds the dimension and every filtered column, or null: read the raw rows. */
function rollupFor(filter: TTallyFilter): TRollupTable | null {
  const needed = new Set<string>();
  if (!["hall", "day", "month"].includes(filter.by)) needed.add(KEY_COLUMN[filter.by]);
  for (const [field, column] of Object.entries(FILTER_COLUMN)) {
    if (filter[field as keyof typeof FILTER_COLUMN] !== undefined) needed.add(column);
  }
  const tables: TRollupTable[] = ["rollup_window_day", "rollup_item_day", "rollup_channel_day"];
  // The channel rollup holds no case counters: only the channel dimension may read it.
  const table = tables.find(
    (candidate) =>
      (candidate !== "rollup_channel_day" || filter.by === "channel") &&
      [...needed].every((column) => ROLLUP_KEYS[candidate].includes(column)),
  );
  if (!table) return null;
  return readsWholeMonths(filter) ? (MONTH_ROLLUP_OF[table] ?? table) : table;
}

/** `closedBefore`: a date, or an expression giving each row's date (a county's halls keep their own rating windows). */
export function sumColumns(closedBefore: string | RawBuilder<string>): RawBuilder<unknown> {
  const sums = ROLLUP_COUNTERS.map((counter) => sql.raw(`sum(${counter}) as ${counter}`));
  return sql.join([
    ...sums,
    sql`sum(case when day < ${closedBefore} then completed else 0 end) as closed`,
    sql`sum(case when day < ${closedBefore} then completed - rated + rated_default else 0 end) as closed_unrated`,
  ]);
}

export type TCountRow = Record<string, number | string | null>;

export function toTally(row: TCountRow): TRatingTally {
  const count = (column: string) => Number(row[column] ?? 0);
  const tally = emptyTally();
  tally.casesCompleted = count("completed");
  tally.casesRated = count("rated");
  tally.casesRatedByDefault = count("rated_default");
  tally.casesClosed = count("closed");
  tally.casesClosedUnrated = count("closed_unrated");
  tally.promisedCompleted = count("promised");
  tally.promisedOnTime = count("promised_on_time");
  tally.handlingSeconds = count("handling_seconds");
  for (const level of LEVELS) {
    tally.byLevel[level] = count(`l${level}`);
    tally.defaultByLevel[level] = count(`d${level}`);
  }
  return tally;
}

function keyOf(by: TTallyDimension, value: number | string | null): TTallyKey {
  if (value === null || by === "hall") return null;
  if (by === "day") return String(value);
  const key = Number(value);
  // Rollups store "no window" and "no staff" as 0, the raw rows as null: callers see null.
  return (by === "window" || by === "staff") && key === 0 ? null : key;
}

/** One tally per key for a hall and a period of hall-local days. */
export async function readTallies(db: Db, filter: TTallyFilter): Promise<Map<TTallyKey, TRatingTally>> {
  const table = filter.source === "raw" ? null : rollupFor(filter);
  if (table) await foldRollupChanges(db);
  const where = [sql`hall_id = ${filter.hallId}`, sql`day >= ${filter.from}`, sql`day <= ${filter.to}`];
  for (const [field, column] of Object.entries(FILTER_COLUMN)) {
    const value = filter[field as keyof typeof FILTER_COLUMN];
    if (value !== undefined) where.push(sql`${sql.ref(column)} = ${value}`);
  }
  // Cases have no rating channel: by channel, only rating counts exist, whatever the source.
  if (filter.by === "channel") where.push(sql`channel > 0`);
  const bounds = hallDayBounds(filter.from, filter.to);
  const source = table
    ? sql.table(table)
    : sql`${rawChangeStream({ hallId: filter.hallId, start: bounds.start, end: bounds.end })}`;
  const result = await sql<TCountRow>`
    select ${sql.raw(KEY_COLUMN[filter.by])} as tally_key, ${sumColumns(filter.closedBefore)}
    from ${source} as s
    where ${sql.join(where, sql` and `)}
    group by 1`.execute(db);
  // A correction (a case moved to another window) leaves the old rollup row at zero: a group with
  // nothing in it is no group, whichever source counted it.
  const nonEmpty = result.rows.filter((row) => ROLLUP_COUNTERS.some((counter) => Number(row[counter] ?? 0) !== 0));
  return new Map(nonEmpty.map((row) => [keyOf(filter.by, row.tally_key ?? null), toTally(row)]));
}

/** The hall-local month (yyyymm) of a UTC time column. */
export function hallMonthKey(column: string) {
  return sql<number | null>`cast(date_format(${onHallClock(column)}, '%Y%m') as unsigned)`;
}

/** The hall's calendar exceptions (holidays and make-up days) within a date range. */
export async function listCalendarExceptions(
  db: Db,
  from: string,
  to: string,
): Promise<{ date: string; kind: "holiday" | "makeup"; name: string }[]> {
  return db
    .selectFrom("calendar_day")
    .select(["date", "kind", "name"])
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
}

/**
 * The hall-local months (yyyy-mm, newest first) in which the hall, or one department of it, has a
 * case completed, a rating given or a case received and still open: what the console offers as
 * periods, so a real hall is shown its own months and the demo hall its 2023. Completed cases and
 * ratings come from the month rollups (changes folded first), open cases from the raw rows, which
 * the (hall, completed_at) index keeps to the few not yet completed.
 */
export async function listDataMonths(db: Db, hallId: number, departmentId?: number): Promise<string[]> {
  await foldRollupChanges(db);
  const counted = sql.join(
    ["completed", "l1", "l2", "l3", "l4", "l5"].map((counter) => sql`${sql.ref(counter)} <> 0`),
    sql` or `,
  );
  const department = (column: string) =>
    departmentId === undefined ? sql`` : sql`and ${sql.ref(column)} = ${departmentId}`;
  const result = await sql<{ month: string }>`
    select date_format(day, '%Y-%m') as month from rollup_window_month
    where hall_id = ${hallId} ${department("department_id")} and (${counted})
    union
    select date_format(${onHallClock("received_at")}, '%Y-%m') from \`case\`
    where hall_id = ${hallId} and completed_at is null ${department("department_id")}
    order by month desc`.execute(db);
  return result.rows.map((row) => row.month);
}
