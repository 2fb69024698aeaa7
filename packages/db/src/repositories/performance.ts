import { sql } from "kysely";

import { ZChannel, ZLevel, type TChannel, type TLevel, type TWorkOrderState } from "@hcp/domain";

import type { Db } from "../client";

/**
 * Raw-row reads behind the performance screens that the rollups do not hold: names, individual
 * ratings, reason codes and prompts. Each is bounded by hall, period and usually one window or
 * staff member, on indexed columns.
 */
export interface TRatingScope {
  hallId: number;
  start: Date;
  end: Date;
  departmentId?: number;
  windowId?: number;
  staffId?: number;
  serviceItemId?: number;
}

export interface TStaffRow {
  id: number;
  badgeNo: string;
  name: string;
  departmentId: number;
  departmentName: string;
}

export async function listStaffOfHall(db: Db, hallId: number, departmentId?: number): Promise<TStaffRow[]> {
  let query = db
    .selectFrom("staff")
    .innerJoin("department", "department.id", "staff.department_id")
    .select([
      "staff.id",
      "staff.badge_no as badgeNo",
      "staff.name",
      "staff.department_id as departmentId",
      "department.name as departmentName",
    ])
    .where("staff.hall_id", "=", hallId);
  if (departmentId !== undefined) query = query.where("staff.department_id", "=", departmentId);
  return query.orderBy("staff.badge_no").execute();
}

export interface TItemRow {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
}

export async function listItemsByIds(db: Db, hallId: number, ids: readonly number[]): Promise<TItemRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select([
      "service_item.id",
      "service_item.code",
      "service_item.name",
      "service_item.department_id as departmentId",
      "department.name as departmentName",
    ])
    .where("department.hall_id", "=", hallId)
    .where("service_item.id", "in", [...ids])
    .execute();
}

function ratingWhere(scope: TRatingScope) {
  const clauses = [sql`r.hall_id = ${scope.hallId}`, sql`r.rated_at >= ${scope.start}`, sql`r.rated_at < ${scope.end}`];
  if (scope.departmentId !== undefined) clauses.push(sql`r.department_id = ${scope.departmentId}`);
  if (scope.windowId !== undefined) clauses.push(sql`r.window_id = ${scope.windowId}`);
  if (scope.staffId !== undefined) clauses.push(sql`r.staff_id = ${scope.staffId}`);
  if (scope.serviceItemId !== undefined) clauses.push(sql`r.service_item_id = ${scope.serviceItemId}`);
  return sql.join(clauses, sql` and `);
}

export interface TRatingListRow {
  ratingId: number;
  caseId: number;
  caseNo: string;
  seq: number;
  level: TLevel;
  channel: TChannel;
  isDefault: boolean;
  comment: string;
  reasonCodes: string;
  ratedAt: Date;
  itemName: string;
  windowName: string | null;
  staffName: string | null;
  excluded: boolean;
  workOrderId: number | null;
  workOrderState: TWorkOrderState | null;
}

/** Numbers and flags as the driver returns them from a raw query. */
type TRatingListRaw = Omit<TRatingListRow, "isDefault" | "excluded" | "reasonCodes"> & {
  isDefault: number;
  excluded: number;
  reasonCodes: string | null;
};

/** Individual ratings (first and follow-up) in a scope, newest first, one page at a time. */
export async function listRatingsInScope(
  db: Db,
  scope: TRatingScope & { level?: number; badOnly?: boolean },
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: TRatingListRow[] }> {
  const levelClause =
    scope.level !== undefined ? sql`and r.level = ${scope.level}` : scope.badOnly ? sql`and r.level <= 2` : sql``;
  const where = sql`${ratingWhere(scope)} ${levelClause}`;
  const [total, rows] = await Promise.all([
    sql<{ n: number }>`select count(*) as n from rating r where ${where}`.execute(db),
    sql<TRatingListRaw>`
      select r.id as ratingId, r.case_id as caseId, c.case_no as caseNo, r.seq, r.level, r.channel, r.is_default as isDefault,
             r.comment, r.rated_at as ratedAt, si.name as itemName, w.name as windowName, st.name as staffName,
             (x.id is not null) as excluded, wo.id as workOrderId, wo.state as workOrderState,
             coalesce((select group_concat(rr.reason_code order by rr.reason_code separator ',') from rating_reason rr where rr.rating_id = r.id), '') as reasonCodes
      from rating r
      join \`case\` c on c.id = r.case_id
      join service_item si on si.id = r.service_item_id
      left join \`window\` w on w.id = r.window_id
      left join staff st on st.id = r.staff_id
      left join rating_exclusion x on x.rating_id = r.id
      left join work_order wo on wo.rating_id = r.id
      where ${where}
      order by r.rated_at desc, r.id desc
      limit ${page.limit} offset ${page.offset}`.execute(db),
  ]);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((row) => ({
      ...row,
      ratingId: Number(row.ratingId),
      caseId: Number(row.caseId),
      seq: Number(row.seq),
      level: ZLevel.parse(Number(row.level)),
      channel: ZChannel.parse(Number(row.channel)),
      isDefault: Number(row.isDefault) === 1,
      reasonCodes: row.reasonCodes ?? "",
      excluded: Number(row.excluded) === 1,
      workOrderId: row.workOrderId === null ? null : Number(row.workOrderId),
    })),
  };
}

/** Valid first ratings per reason code, with the code's level and label in the rating's table version. */
export async function countReasonCodes(
  db: Db,
  scope: TRatingScope,
): Promise<{ code: string; level: TLevel; label: string; count: number }[]> {
  const result = await sql<{ code: string; level: number; label: string | null; count: number }>`
    select rr.reason_code as code, r.level, min(rc.label) as label, count(*) as count
    from rating r
    join rating_reason rr on rr.rating_id = r.id
    left join reason_code rc on rc.version = r.reason_version and rc.code = rr.reason_code
    left join rating_exclusion x on x.rating_id = r.id
    where ${ratingWhere(scope)} and r.seq = 1 and x.id is null
    group by rr.reason_code, r.level
    order by count(*) desc, rr.reason_code`.execute(db);
  return result.rows.map((row) => ({
    code: row.code,
    level: ZLevel.parse(Number(row.level)),
    label: row.label ?? row.code,
    count: Number(row.count),
  }));
}

export interface TPromptCounts {
  windowId: number;
  sent: number;
  rated: number;
  timedOut: number;
  /** ended without a rating or a timeout: cancelled, or withdrawn with its staff session / 撤回推送 */
  cancelled: number;
}

/**
 * Evaluator prompts per window of a hall, by outcome, created in the period; with a department,
 * only the prompts of its cases.
 */
export async function countPrompts(
  db: Db,
  scope: { hallId: number; start: Date; end: Date; windowId?: number; departmentId?: number },
): Promise<TPromptCounts[]> {
  // The hall's windows as a list, not a join: with constants MariaDB reads one range of
  // (window_id, created_at, status) index entries per window; joined to `window`, it used the
  // index for the window alone and read the whole year to keep the period.
  let windows = db.selectFrom("window").select("id").where("hall_id", "=", scope.hallId);
  if (scope.windowId !== undefined) windows = windows.where("id", "=", scope.windowId);
  const windowIds = (await windows.execute()).map((window) => window.id);
  if (windowIds.length === 0) return [];
  // The case is joined only for a department's prompts: for a hall it would cost one lookup per
  // prompt (hundreds of thousands a month at province scale).
  const departmentJoin =
    scope.departmentId === undefined
      ? sql``
      : sql`join \`case\` c on c.id = p.case_id and c.department_id = ${scope.departmentId}`;
  const result = await sql<Record<string, number>>`
    select p.window_id as windowId, count(*) as sent, sum(p.status = 'rated') as rated,
           sum(p.status = 'timed_out') as timedOut, sum(p.status in ('cancelled', 'withdrawn')) as cancelled
    from rating_prompt p
    ${departmentJoin}
    where p.window_id in (${sql.join(windowIds)}) and p.created_at >= ${scope.start} and p.created_at < ${scope.end}
    group by p.window_id`.execute(db);
  return result.rows.map((row) => ({
    windowId: Number(row.windowId),
    sent: Number(row.sent ?? 0),
    rated: Number(row.rated ?? 0),
    timedOut: Number(row.timedOut ?? 0),
    cancelled: Number(row.cancelled ?? 0),
  }));
}

/**
 * A staff member's comments, without anything that points at the citizen: no case, no item, no
 * time of day — only the level and the date. The caller decides how recent a comment may be.
 */
export async function listAnonymousComments(
  db: Db,
  scope: { staffId: number; start: Date; end: Date },
  limit: number,
): Promise<{ level: TLevel; comment: string; ratedAt: Date }[]> {
  const result = await sql<{ level: number; comment: string; ratedAt: Date }>`
    select r.level, r.comment, r.rated_at as ratedAt
    from rating r
    left join rating_exclusion x on x.rating_id = r.id
    where r.staff_id = ${scope.staffId} and r.rated_at >= ${scope.start} and r.rated_at < ${scope.end}
      and r.comment <> '' and r.is_default = 0 and x.id is null
    order by r.rated_at desc
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({
    level: ZLevel.parse(Number(row.level)),
    comment: row.comment,
    ratedAt: row.ratedAt,
  }));
}
