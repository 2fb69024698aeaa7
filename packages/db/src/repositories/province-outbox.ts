import { sql, type Selectable } from "kysely";

import type { TLevelCoding } from "@hcp/domain";

import type { Db } from "../client";
import { onHallClock } from "../hall-clock";
import type { ProvinceOutboxTable, TProvinceOutboxStatus } from "../schema";

/**
 * The provincial export outbox: rows are queued by triggers (see the province_export migration),
 * picked up when due, and settled as accepted or rejected (parked with the province's reason).
 */
export type TProvinceOutboxRow = Selectable<ProvinceOutboxTable>;

export interface TProvinceConfigRow {
  hallId: number;
  enabled: boolean;
  endpoint: string;
  channelMap: string;
  levelCoding: TLevelCoding;
  dataSource: string;
  timeoutMs: number;
}

export async function findProvinceConfig(db: Db, hallId: number): Promise<TProvinceConfigRow | undefined> {
  const row = await db
    .selectFrom("province_export_config")
    .selectAll()
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    hallId: row.hall_id,
    enabled: Boolean(row.enabled),
    endpoint: row.endpoint,
    channelMap: row.channel_map,
    levelCoding: row.level_coding,
    dataSource: row.data_source,
    timeoutMs: row.timeout_ms,
  };
}

export async function saveProvinceConfig(db: Db, config: TProvinceConfigRow, now: Date): Promise<void> {
  const values = {
    enabled: config.enabled,
    endpoint: config.endpoint,
    channel_map: config.channelMap,
    level_coding: config.levelCoding,
    data_source: config.dataSource,
    timeout_ms: config.timeoutMs,
    updated_at: now,
  };
  await db
    .insertInto("province_export_config")
    .values({ hall_id: config.hallId, ...values })
    .onDuplicateKeyUpdate(values)
    .execute();
}

/** Pending rows due by `now` of halls whose export is switched on, oldest first. */
export async function listDueOutboxRows(db: Db, now: Date, limit: number): Promise<TProvinceOutboxRow[]> {
  return db
    .selectFrom("province_outbox")
    .innerJoin("province_export_config", "province_export_config.hall_id", "province_outbox.hall_id")
    .selectAll("province_outbox")
    .where("province_outbox.status", "=", "pending")
    .where("province_outbox.next_attempt_at", "<=", now)
    .where("province_export_config.enabled", "=", true)
    .where("province_export_config.endpoint", "<>", "")
    .orderBy("province_outbox.id")
    .limit(limit)
    .execute();
}

/** Settles a row that is still pending; false when another sender settled it first. */
export async function settleOutboxRow(
  db: Db,
  id: number,
  outcome: { status: Exclude<TProvinceOutboxStatus, "pending">; error?: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("province_outbox")
    .set((eb) => ({
      status: outcome.status,
      last_error: (outcome.error ?? "").slice(0, 500),
      attempts: eb("attempts", "+", 1),
      sent_at: now,
      settled_at: now,
    }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deferOutboxRow(db: Db, id: number, error: string, nextAttemptAt: Date, now: Date): Promise<void> {
  await db
    .updateTable("province_outbox")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      sent_at: now,
    }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .execute();
}

/** A parked (rejected) row sent again after someone fixed its cause. */
export async function requeueOutboxRow(db: Db, hallId: number, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("province_outbox")
    .set({ status: "pending", next_attempt_at: now, settled_at: null })
    .where("id", "=", id)
    .where("hall_id", "=", hallId)
    .where("status", "=", "rejected")
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Everything the national evaluation record needs about one rating, or undefined if gone. */
export async function provinceRatingSource(db: Db, ratingId: number) {
  const row = await db
    .selectFrom("rating")
    .innerJoin("case", "case.id", "rating.case_id")
    .innerJoin("service_item", "service_item.id", "rating.service_item_id")
    .innerJoin("department", "department.id", "rating.department_id")
    .innerJoin("hall", "hall.id", "rating.hall_id")
    .leftJoin("staff", "staff.id", "rating.staff_id")
    .select([
      "case.case_no as caseNo",
      "service_item.code as itemCode",
      "service_item.name as itemName",
      "department.code as departmentCode",
      "department.name as departmentName",
      "hall.region_code as regionCode",
      "staff.name as handlerName",
      "rating.channel",
      "rating.level",
      "rating.comment",
      "rating.rated_at as ratedAt",
      "rating.seq",
      "rating.is_default as isDefault",
      "case.applicant_type as applicantType",
      "case.case_type as caseType",
      "case.received_at as receivedAt",
      sql<
        string | null
      >`(select group_concat(rr.reason_code order by rr.reason_code separator ',') from rating_reason rr where rr.rating_id = rating.id)`.as(
        "reasons",
      ),
    ])
    .where("rating.id", "=", ratingId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, isDefault: Boolean(row.isDefault), reasonCodes: row.reasons ? row.reasons.split(",") : [] };
}

export async function provinceExclusionSource(db: Db, exclusionId: number) {
  return db
    .selectFrom("rating_exclusion")
    .innerJoin("rating", "rating.id", "rating_exclusion.rating_id")
    .innerJoin("case", "case.id", "rating.case_id")
    .innerJoin("hall", "hall.id", "rating.hall_id")
    .select([
      "case.case_no as caseNo",
      "rating.seq",
      "rating_exclusion.reason",
      "rating_exclusion.created_at as createdAt",
      "hall.region_code as regionCode",
    ])
    .where("rating_exclusion.id", "=", exclusionId)
    .executeTakeFirst();
}

export async function provinceClosureSource(db: Db, workOrderId: number) {
  return db
    .selectFrom("work_order")
    .innerJoin("case", "case.id", "work_order.case_id")
    .innerJoin("rating", "rating.id", "work_order.rating_id")
    .innerJoin("hall", "hall.id", "work_order.hall_id")
    .select([
      "case.case_no as caseNo",
      "rating.seq",
      "work_order.rectified_at as rectifiedAt",
      "work_order.reply",
      "work_order.replied_at as repliedAt",
      "work_order.closed_at as closedAt",
      "hall.region_code as regionCode",
    ])
    .where("work_order.id", "=", workOrderId)
    .executeTakeFirst();
}

export interface TReconciliationRow {
  /** hall-local date the records were queued */
  date: string;
  queued: number;
  sent: number;
  accepted: number;
  rejected: number;
  pending: number;
}

/** Per hall-local day: queued, sent at least once, accepted, rejected (parked) and still pending. */
export async function provinceReconciliation(
  db: Db,
  hallId: number,
  start: Date,
  end: Date,
): Promise<TReconciliationRow[]> {
  const result = await sql<Record<string, string | number>>`
    select date_format(${onHallClock("created_at")}, '%Y-%m-%d') as date,
           count(*) as queued,
           sum(sent_at is not null) as sent,
           sum(status = 'accepted') as accepted,
           sum(status = 'rejected') as rejected,
           sum(status = 'pending') as pending
    from province_outbox
    where hall_id = ${hallId} and created_at >= ${start} and created_at < ${end}
    group by 1
    order by 1 desc`.execute(db);
  return result.rows.map((row) => ({
    date: String(row.date),
    queued: Number(row.queued),
    sent: Number(row.sent),
    accepted: Number(row.accepted),
    rejected: Number(row.rejected),
    pending: Number(row.pending),
  }));
}

/** Rows the province refused, newest first, with its reason. */
export async function listRejectedOutboxRows(db: Db, hallId: number, limit: number): Promise<TProvinceOutboxRow[]> {
  return db
    .selectFrom("province_outbox")
    .selectAll()
    .where("hall_id", "=", hallId)
    .where("status", "=", "rejected")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
