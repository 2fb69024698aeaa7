import { sql } from "kysely";

import { hallDayBounds, type TRatingTally, type TWorkOrderTally } from "@hcp/domain";

import type { Db } from "../client";
import type { TWindowKind } from "../schema";
import { foldRollupChanges, rawChangeStream, ROLLUP_COUNTERS } from "./rollup";
import { readsWholeMonths, sumColumns, toTally, type TCountRow, type TTallySource } from "./tally";
import { countWorkOrders } from "./work-order-tally";

/**
 * The county views' counts: the same rollups and the same arithmetic as a hall's figures
 * (`readTallies`, `countWorkOrders`), read for all of a county's halls in one statement and
 * grouped by hall or by window, so 21 halls cost one query, not 21.
 */
export type TCountyDimension = "hall" | "window";

/** A hall of the county and the day before which its cases' rating windows have closed (its own setting). */
export interface TCountyTallyHall {
  hallId: number;
  closedBefore: string;
}

export interface TCountyTallyFilter {
  halls: readonly TCountyTallyHall[];
  /** hall-local dates, inclusive */
  from: string;
  to: string;
  by: TCountyDimension;
  /** a county-wide department head: their department's rows in each hall (matched by department code) */
  departmentIds?: readonly number[];
  source?: TTallySource;
}

const KEY_COLUMN: Record<TCountyDimension, string> = { hall: "hall_id", window: "window_id" };

/** Each hall's closing day as one expression: `case hall_id when 1 then '2023-04-03' … end`. */
function closedBeforeOf(halls: readonly TCountyTallyHall[]) {
  const branches = halls.map((hall) => sql`when ${hall.hallId} then ${hall.closedBefore}`);
  return sql<string>`(case hall_id ${sql.join(branches, sql` `)} end)`;
}

/**
 * One tally per hall or per window of the given halls for a period of hall-local days: keyed by
 * hall id, or by window id (null: cases completed outside any window, all halls together).
 */
export async function readCountyTallies(db: Db, filter: TCountyTallyFilter): Promise<Map<number | null, TRatingTally>> {
  if (filter.halls.length === 0) return new Map();
  if (filter.departmentIds?.length === 0) return new Map();
  const hallIds = filter.halls.map((hall) => hall.hallId);
  // The month rollup answers when it does for every hall's own closing day (see readsWholeMonths).
  const wholeMonths = filter.halls.every((hall) =>
    readsWholeMonths({ by: filter.by, from: filter.from, to: filter.to, closedBefore: hall.closedBefore }),
  );
  const raw = filter.source === "raw";
  if (!raw) await foldRollupChanges(db);
  const where = [sql`hall_id in (${sql.join(hallIds)})`, sql`day >= ${filter.from}`, sql`day <= ${filter.to}`];
  if (filter.departmentIds) where.push(sql`department_id in (${sql.join(filter.departmentIds)})`);
  const bounds = hallDayBounds(filter.from, filter.to);
  const source = raw
    ? sql`${rawChangeStream({ hallIds, start: bounds.start, end: bounds.end })}`
    : sql.table(wholeMonths ? "rollup_window_month" : "rollup_window_day");
  const result = await sql<TCountRow>`
    select ${sql.raw(KEY_COLUMN[filter.by])} as tally_key, ${sumColumns(closedBeforeOf(filter.halls))}
    from ${source} as s
    where ${sql.join(where, sql` and `)}
    group by 1`.execute(db);
  const tallies = new Map<number | null, TRatingTally>();
  for (const row of result.rows) {
    // A correction leaves a rollup row at zero: a group with nothing in it is no group.
    if (!ROLLUP_COUNTERS.some((counter) => Number(row[counter] ?? 0) !== 0)) continue;
    const key = Number(row.tally_key ?? 0);
    // Rollups store "no window" as 0, the raw rows as null: callers see null.
    tallies.set(key === 0 ? null : key, toTally(row));
  }
  return tallies;
}

/**
 * Work-order counts (opened in the period, excluded reviews left out) per hall or per window of
 * the given halls: `countWorkOrders`, hall by hall — its one statement uses the (hall, created_at)
 * index, which an `in` list over the halls would not.
 */
export async function countCountyWorkOrders(
  db: Db,
  filter: {
    hallIds: readonly number[];
    from: string;
    to: string;
    today: string;
    by: TCountyDimension;
    departmentIds?: readonly number[];
  },
): Promise<Map<number | null, TWorkOrderTally>> {
  const { start, end } = hallDayBounds(filter.from, filter.to);
  const departments = filter.departmentIds ?? [undefined];
  const perHall = await Promise.all(
    filter.hallIds.flatMap((hallId) =>
      departments.map(async (departmentId) => ({
        hallId,
        tallies: await countWorkOrders(db, {
          hallId,
          start,
          end,
          today: filter.today,
          by: filter.by === "hall" ? "hall" : "window",
          departmentId,
        }),
      })),
    ),
  );
  const merged = new Map<number | null, TWorkOrderTally>();
  for (const { hallId, tallies } of perHall) {
    for (const [key, tally] of tallies) {
      const mergedKey = filter.by === "hall" ? hallId : key;
      const seen = merged.get(mergedKey);
      merged.set(mergedKey, seen ? addWorkOrderTallies(seen, tally) : tally);
    }
  }
  return merged;
}

function addWorkOrderTallies(a: TWorkOrderTally, b: TWorkOrderTally): TWorkOrderTally {
  return {
    badReviews: a.badReviews + b.badReviews,
    replied: a.replied + b.replied,
    contactedAndRectified: a.contactedAndRectified + b.contactedAndRectified,
    rectifiedOnTime: a.rectifiedOnTime + b.rectifiedOnTime,
    followUps: a.followUps + b.followUps,
    goodFollowUps: a.goodFollowUps + b.goodFollowUps,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
  };
}

/** What the county figures need of each hall: its rating window and its own ranking settings. */
export interface TCountyHallSettings {
  id: number;
  ratingWindowDays: number;
  rankingWeights: string;
  rankingMinSample: number;
}

export async function listHallFigureSettings(db: Db, hallIds: readonly number[]): Promise<TCountyHallSettings[]> {
  if (hallIds.length === 0) return [];
  return db
    .selectFrom("hall")
    .select([
      "id",
      "rating_window_days as ratingWindowDays",
      "ranking_weights as rankingWeights",
      "ranking_min_sample as rankingMinSample",
    ])
    .where("id", "in", hallIds)
    .execute();
}

export interface TCountyWindowRow {
  id: number;
  hallId: number;
  code: string;
  name: string;
  kind: TWindowKind;
}

/** The windows of the given halls (active ones, as a hall's ranking lists them). */
export async function listCountyWindows(db: Db, hallIds: readonly number[]): Promise<TCountyWindowRow[]> {
  if (hallIds.length === 0) return [];
  return db
    .selectFrom("window")
    .select(["id", "hall_id as hallId", "code", "name", "kind"])
    .where("hall_id", "in", hallIds)
    .where("active", "=", true)
    .orderBy("hall_id")
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

/** Paired evaluators per hall and how many of them sent no heartbeat since `onlineSince`. */
export async function countCountyDevices(
  db: Db,
  hallIds: readonly number[],
  onlineSince: Date,
): Promise<Map<number, { paired: number; offline: number }>> {
  if (hallIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("evaluator_device")
    .innerJoin("window", "window.id", "evaluator_device.window_id")
    .select((eb) => [
      "window.hall_id as hallId",
      eb.fn.countAll<number>().as("paired"),
      sql<number>`sum(${eb.ref("evaluator_device.last_heartbeat_at")} is null or ${eb.ref("evaluator_device.last_heartbeat_at")} <= ${onlineSince})`.as(
        "offline",
      ),
    ])
    .where("window.hall_id", "in", hallIds)
    .where("evaluator_device.token_hash", "is not", null)
    .groupBy("window.hall_id")
    .execute();
  return new Map(rows.map((row) => [row.hallId, { paired: Number(row.paired), offline: Number(row.offline ?? 0) }]));
}

/** The ids of the department with this code in each of the given halls (a county department's windows in several halls). */
export async function listDepartmentIdsByCode(db: Db, hallIds: readonly number[], code: string): Promise<number[]> {
  if (hallIds.length === 0) return [];
  const rows = await db
    .selectFrom("department")
    .select("id")
    .where("hall_id", "in", hallIds)
    .where("code", "=", code)
    .execute();
  return rows.map((row) => row.id);
}

/** A department's code and name: a county-wide department head's department in every hall. */
export async function findDepartmentCode(db: Db, id: number): Promise<{ code: string; name: string } | undefined> {
  return db.selectFrom("department").select(["code", "name"]).where("id", "=", id).executeTakeFirst();
}
