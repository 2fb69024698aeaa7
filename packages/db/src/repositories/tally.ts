import { sql } from "kysely";

import type { Db } from "../client";

/**
 * The counts behind every metric, grouped by a dimension. Metric arithmetic lives in
 * @hcp/domain; this module only counts, so every screen divides the same numbers.
 */
export type TTallyDimension = "hall" | "month" | "window" | "staff" | "department" | "service_item";

const COLUMN = {
  window: "window_id",
  staff: "staff_id",
  department: "department_id",
  service_item: "service_item_id",
} as const;

/** The hall-local month (yyyymm) of a UTC time column. */
export function hallMonthKey(column: string) {
  // Asia/Shanghai has no daylight saving: a fixed +8 h gives the hall-local month anywhere.
  return sql<number | null>`cast(date_format(${sql.ref(column)} + interval 8 hour, '%Y%m') as unsigned)`;
}

/** The grouping key: null for the whole hall, yyyymm (hall-local) for months, else an id column. */
function keyExpression(alias: "c" | "r", by: TTallyDimension, timeColumn: string) {
  if (by === "hall") return sql<number | null>`null`;
  if (by === "month") return hallMonthKey(`${alias}.${timeColumn}`);
  return sql<number | null>`${sql.ref(`${alias}.${COLUMN[by]}`)}`;
}

export interface TTallyFilter {
  hallId: number;
  start: Date;
  end: Date;
  by: TTallyDimension;
  departmentId?: number;
}

export interface TCaseCountRow {
  key: number | null;
  completed: number;
  rated: number;
}

/** Cases completed in the period, and how many of them have a valid first rating. */
export async function countCompletedCases(db: Db, filter: TTallyFilter): Promise<TCaseCountRow[]> {
  const key = keyExpression("c", filter.by, "completed_at");
  const departmentClause =
    filter.departmentId === undefined ? sql`` : sql`and c.department_id = ${filter.departmentId}`;
  const result = await sql<TCaseCountRow>`
    select ${key} as \`key\`,
           count(*) as completed,
           sum(case when r.id is not null and x.id is null then 1 else 0 end) as rated
    from \`case\` c
    left join rating r on r.case_id = c.id and r.seq = 1
    left join rating_exclusion x on x.rating_id = r.id
    where c.hall_id = ${filter.hallId}
      and c.completed_at >= ${filter.start} and c.completed_at < ${filter.end}
      ${departmentClause}
    group by 1`.execute(db);
  return result.rows.map((row) => ({ key: row.key, completed: Number(row.completed), rated: Number(row.rated ?? 0) }));
}

export interface TRatingCountRow {
  key: number | null;
  level: number;
  isDefault: boolean;
  count: number;
}

/** Valid (not excluded) first ratings given in the period, by level and default flag. */
export async function countRatings(db: Db, filter: TTallyFilter): Promise<TRatingCountRow[]> {
  const key = keyExpression("r", filter.by, "rated_at");
  const departmentClause =
    filter.departmentId === undefined ? sql`` : sql`and r.department_id = ${filter.departmentId}`;
  const result = await sql<{ key: number | null; level: number; is_default: number; count: number }>`
    select ${key} as \`key\`, r.level, r.is_default, count(*) as count
    from rating r
    left join rating_exclusion x on x.rating_id = r.id
    where r.hall_id = ${filter.hallId}
      and r.rated_at >= ${filter.start} and r.rated_at < ${filter.end}
      and r.seq = 1 and x.id is null
      ${departmentClause}
    group by 1, r.level, r.is_default`.execute(db);
  return result.rows.map((row) => ({
    key: row.key,
    level: Number(row.level),
    isDefault: Number(row.is_default) === 1,
    count: Number(row.count),
  }));
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
