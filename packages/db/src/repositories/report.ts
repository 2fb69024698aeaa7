import { sql } from "kysely";

import { hallMonth } from "@hcp/domain";

import type { Db } from "../client";
import type { TMonthlyReportStatus } from "../schema";

/**
 * What the monthly satisfaction report reads besides the rollups (small raw reads over one month),
 * and the monthly_report archive: one row per version, immutable once ready. Every write to a
 * version is conditional on it still being 'generating', so a ready row can never change.
 */
export interface TReportRange {
  hallId: number;
  /** UTC bounds of the hall-local month: [start, end) */
  start: Date;
  end: Date;
  departmentId?: number;
}

/** Evaluators registered for the hall's windows, and how many hold a paired device token now. */
export async function countDevices(
  db: Db,
  hallId: number,
  departmentId?: number,
): Promise<{ registered: number; paired: number }> {
  let query = db
    .selectFrom("evaluator_device as d")
    .innerJoin("window as w", "w.id", "d.window_id")
    .select((eb) => [eb.fn.countAll<number>().as("registered"), eb.fn.count<number>("d.token_hash").as("paired")])
    .where("w.hall_id", "=", hallId);
  if (departmentId !== undefined) query = query.where("w.department_id", "=", departmentId);
  const row = await query.executeTakeFirst();
  return { registered: Number(row?.registered ?? 0), paired: Number(row?.paired ?? 0) };
}

/**
 * Valid (not excluded) bad first ratings of the range by national reason code, with the label of
 * the reason-code version each rating was given under. A rating with several reasons counts once
 * under each.
 */
export async function countBadReviewReasons(
  db: Db,
  range: TReportRange,
): Promise<{ code: string; label: string; count: number }[]> {
  const departmentClause = range.departmentId === undefined ? sql`` : sql`and r.department_id = ${range.departmentId}`;
  const result = await sql<{ code: string; label: string | null; count: number | string }>`
    select rr.reason_code as code, min(rc.label) as label, count(*) as count
    from rating r
    join rating_reason rr on rr.rating_id = r.id
    left join reason_code rc on rc.version = r.reason_version and rc.code = rr.reason_code
    left join rating_exclusion x on x.rating_id = r.id
    where r.hall_id = ${range.hallId} and r.rated_at >= ${range.start} and r.rated_at < ${range.end}
      and r.seq = 1 and r.level <= 2 and x.id is null ${departmentClause}
    group by rr.reason_code
    order by count desc, rr.reason_code`.execute(db);
  return result.rows.map((row) => ({ code: row.code, label: row.label ?? row.code, count: Number(row.count) }));
}

/** Work orders opened in the range for valid bad reviews, by state (as of now). */
export async function countWorkOrderStates(db: Db, range: TReportRange): Promise<Map<string, number>> {
  let query = db
    .selectFrom("work_order as w")
    .leftJoin("rating_exclusion as x", "x.rating_id", "w.rating_id")
    .select((eb) => ["w.state", eb.fn.countAll<number>().as("count")])
    .where("w.hall_id", "=", range.hallId)
    .where("w.created_at", ">=", range.start)
    .where("w.created_at", "<", range.end)
    .where("x.id", "is", null)
    .groupBy("w.state");
  if (range.departmentId !== undefined) query = query.where("w.department_id", "=", range.departmentId);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.state, Number(row.count)]));
}

export async function listServiceItemNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("service_item")
    .select(["id", "code", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

/** The hall-local month (yyyy-mm) of the hall's first completed case, or null before any. */
export async function firstCaseMonth(db: Db, hallId: number): Promise<string | null> {
  const row = await db
    .selectFrom("case")
    .select((eb) => eb.fn.min("completed_at").as("first"))
    .where("hall_id", "=", hallId)
    .where("completed_at", "is not", null)
    .executeTakeFirst();
  const first = row?.first;
  if (!first) return null;
  return hallMonth(new Date(first));
}

export async function listHallIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("hall").select("id").orderBy("id").execute();
  return rows.map((row) => row.id);
}

// ── the archive ──────────────────────────────────────────────────────────────────────────────

/**
 * Two archives hold monthly reports alike: the halls' (monthly_report, keyed by hall_id) and the
 * counties' (county_report, keyed by county_id). Every function below takes the archive last
 * (the hall's by default) and its owner's id where the hall id was.
 */
export type TReportArchive = "hall" | "county";

const ARCHIVES = {
  hall: { table: "monthly_report", key: "hall_id" },
  county: { table: "county_report", key: "county_id" },
} as const;

/**
 * The archive's table and key column, typed as the hall archive's: both tables have the same
 * columns but the key, and every statement below names the key only through `key`.
 */
function archiveOf(archive: TReportArchive): { table: "monthly_report"; key: "hall_id" } {
  return ARCHIVES[archive] as { table: "monthly_report"; key: "hall_id" };
}

export interface TMonthlyReportRow {
  id: number;
  /** the hall's id; in the county archive, the county's */
  hallId: number;
  month: string;
  version: number;
  definitionsVersion: string;
  status: TMonthlyReportStatus;
  progress: number;
  error: string;
  createdBy: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

function reportColumns(archive: TReportArchive) {
  return [
    "id",
    `${archiveOf(archive).key} as hallId`,
    "month",
    "version",
    "definitions_version as definitionsVersion",
    "status",
    "progress",
    "error",
    "created_by as createdBy",
    "created_at as createdAt",
    "finished_at as finishedAt",
  ] as const;
}

function toRow<T extends { id: number | string; progress: number | string }>(
  row: T,
): T & { id: number; progress: number } {
  return { ...row, id: Number(row.id), progress: Number(row.progress) };
}

/**
 * Inserts a 'generating' version. The unique key (owner, month, version) settles races: of two
 * writers inserting the same version only one succeeds, the other gets ER_DUP_ENTRY.
 */
export async function insertMonthlyReportVersion(
  db: Db,
  row: {
    hallId: number;
    month: string;
    version: number;
    definitionsVersion: string;
    createdBy: number | null;
    now: Date;
  },
  archive: TReportArchive = "hall",
): Promise<number> {
  const { table, key } = archiveOf(archive);
  const result = await db
    .insertInto(table)
    .values({
      [key]: row.hallId,
      month: row.month,
      version: row.version,
      definitions_version: row.definitionsVersion,
      status: "generating",
      progress: 0,
      body: null,
      created_by: row.createdBy,
      created_at: row.now,
      finished_at: null,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/** Progress of a version still generating; false when it is no longer (taken over or finished). */
export async function setMonthlyReportProgress(
  db: Db,
  id: number,
  progress: number,
  archive: TReportArchive = "hall",
): Promise<boolean> {
  const result = await db
    .updateTable(archiveOf(archive).table)
    .set({ progress })
    .where("id", "=", id)
    .where("status", "=", "generating")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores the body and marks the version ready; false when it was no longer generating. */
export async function finishMonthlyReport(
  db: Db,
  id: number,
  body: string,
  now: Date,
  archive: TReportArchive = "hall",
): Promise<boolean> {
  const result = await db
    .updateTable(archiveOf(archive).table)
    .set({ status: "ready", progress: 100, body, finished_at: now })
    .where("id", "=", id)
    .where("status", "=", "generating")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks a generating version failed with nothing in its body. With `startedBefore` it only fails a
 * version started before then (a crashed writer's): the one process whose update matched takes over.
 */
export async function failMonthlyReport(
  db: Db,
  id: number,
  error: string,
  now: Date,
  startedBefore?: Date,
  archive: TReportArchive = "hall",
): Promise<boolean> {
  let query = db
    .updateTable(archiveOf(archive).table)
    .set({ status: "failed", body: null, error: error.slice(0, 500), finished_at: now })
    .where("id", "=", id)
    .where("status", "=", "generating");
  if (startedBefore) query = query.where("created_at", "<", startedBefore);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every version of an owner × month, newest first. */
export async function listMonthlyReportVersions(
  db: Db,
  hallId: number,
  month: string,
  archive: TReportArchive = "hall",
): Promise<TMonthlyReportRow[]> {
  const { table, key } = archiveOf(archive);
  const rows = await db
    .selectFrom(table)
    .select(reportColumns(archive))
    .where(key, "=", hallId)
    .where("month", "=", month)
    .orderBy("version", "desc")
    .execute();
  return rows.map(toRow);
}

export async function findMonthlyReport(
  db: Db,
  id: number,
  archive: TReportArchive = "hall",
): Promise<(TMonthlyReportRow & { body: string | null }) | undefined> {
  const row = await db
    .selectFrom(archiveOf(archive).table)
    .select([...reportColumns(archive), "body"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The newest ready version of each month in [fromMonth, toMonth] of an owner (without bodies). */
export async function listLatestReadyReports(
  db: Db,
  hallId: number,
  fromMonth: string,
  toMonth: string,
  archive: TReportArchive = "hall",
): Promise<TMonthlyReportRow[]> {
  const { table, key } = archiveOf(archive);
  const rows = await db
    .selectFrom(`${table} as m`)
    .select(reportColumns(archive).map((column) => `m.${column}` as const))
    .where(`m.${key}`, "=", hallId)
    .where("m.month", ">=", fromMonth)
    .where("m.month", "<=", toMonth)
    .where("m.status", "=", "ready")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom(`${table} as n`)
            .select("n.id")
            .whereRef(`n.${key}`, "=", `m.${key}`)
            .whereRef("n.month", "=", "m.month")
            .where("n.status", "=", "ready")
            .whereRef("n.version", ">", "m.version"),
        ),
      ),
    )
    .orderBy("m.month")
    .execute();
  return rows.map(toRow);
}

/** Versions of an owner's months in a range, oldest month first: what the scheduler decides from. */
export async function listMonthlyReportStates(
  db: Db,
  hallId: number,
  fromMonth: string,
  toMonth: string,
  archive: TReportArchive = "hall",
): Promise<{ id: number; month: string; version: number; status: TMonthlyReportStatus; createdAt: Date }[]> {
  const { table, key } = archiveOf(archive);
  const rows = await db
    .selectFrom(table)
    .select(["id", "month", "version", "status", "created_at as createdAt"])
    .where(key, "=", hallId)
    .where("month", ">=", fromMonth)
    .where("month", "<=", toMonth)
    .orderBy("month")
    .orderBy("version")
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** Every window of the hall, closed ones too: a window closed since still has the month's figures. */
export async function listReportWindows(
  db: Db,
  hallId: number,
): Promise<{ id: number; code: string; name: string; active: boolean }[]> {
  const rows = await db
    .selectFrom("window")
    .select(["id", "code", "name", "active"])
    .where("hall_id", "=", hallId)
    .orderBy("code")
    .execute();
  return rows.map((row) => ({ ...row, active: Boolean(row.active) }));
}

/** From the earliest day counted to the latest due date: what a period's on-time figure was counted across. */
export interface TDueSpan {
  from: Date;
  to: string;
}

/** The 承诺件 completed in the range (按时办结率's cases), of one staff member if given: earliest receipt, latest due date; null when none. */
export async function promisedCaseDueSpan(
  db: Db,
  range: TReportRange & { staffId?: number },
): Promise<TDueSpan | null> {
  let query = db
    .selectFrom("case")
    .select((eb) => [eb.fn.min("received_at").as("from"), eb.fn.max("due_date").as("to")])
    .where("hall_id", "=", range.hallId)
    .where("completed_at", ">=", range.start)
    .where("completed_at", "<", range.end)
    .where("case_type", "=", "promised");
  if (range.departmentId !== undefined) query = query.where("department_id", "=", range.departmentId);
  if (range.staffId !== undefined) query = query.where("staff_id", "=", range.staffId);
  const row = await query.executeTakeFirst();
  return row?.from && row.to ? { from: new Date(row.from), to: String(row.to) } : null;
}

/** The work orders opened in the range (按时整改率's orders): earliest opening, latest rectification due date; null when none. */
export async function workOrderDueSpan(db: Db, range: TReportRange): Promise<TDueSpan | null> {
  let query = db
    .selectFrom("work_order")
    .select((eb) => [eb.fn.min("created_at").as("from"), eb.fn.max("rectify_due").as("to")])
    .where("hall_id", "=", range.hallId)
    .where("created_at", ">=", range.start)
    .where("created_at", "<", range.end);
  if (range.departmentId !== undefined) query = query.where("department_id", "=", range.departmentId);
  const row = await query.executeTakeFirst();
  return row?.from && row.to ? { from: new Date(row.from), to: String(row.to) } : null;
}
