import { sql } from "kysely";

import { KIOSK_CHANNEL } from "@hcp/domain";

import type { Db } from "../client";
import type { NewRatingSignal, Rating, TSignalKind } from "../schema";

/** Signals for review; one with a `report_key` already stored is refused by its unique key. */
export async function insertRatingSignals(db: Db, signals: readonly NewRatingSignal[]): Promise<void> {
  if (signals.length > 0)
    await db
      .insertInto("rating_signal")
      .values([...signals])
      .execute();
}

export interface TRecentRatingRow {
  rule: "burst" | "run" | "batch";
  window_id: number | null;
  id: number;
  level: Rating["level"];
  received_at: Date;
  idempotency_key: string;
}

/** How far back to read one window: its first ratings for the identical-run rule, its evaluator's for the burst rule. */
export interface TRecentRatingScope {
  windowId: number;
  run: { since: Date; limit: number };
  /** null when the window's ratings being judged came from no evaluator */
  burst: { since: Date; limit: number } | null;
}

/**
 * The windows' latest ratings for both rules, newest first along (window_id, received_at): a few
 * index entries per window however busy it is. Default ratings are left out: the housekeeping
 * writes a window's batch of them at one instant, and nobody tapped them. With `keys`, the same
 * statement also reads back the ids of the ratings stored under those idempotency keys (rule "batch").
 */
export async function listRecentWindowRatings(
  db: Db,
  scopes: readonly TRecentRatingScope[],
  keys: readonly string[],
): Promise<TRecentRatingRow[]> {
  const branches = scopes.flatMap(({ windowId, run, burst }) => {
    const runBranch = sql`(select 'run' as rule, window_id, id, level, received_at, idempotency_key from rating
      where window_id = ${windowId} and seq = 1 and not is_default and received_at >= ${run.since}
      order by received_at desc, id desc limit ${run.limit})`;
    if (!burst) return [runBranch];
    const burstBranch = sql`(select 'burst' as rule, window_id, id, level, received_at, idempotency_key from rating
      where window_id = ${windowId} and channel = ${KIOSK_CHANNEL} and not is_default and received_at >= ${burst.since}
      order by received_at desc, id desc limit ${burst.limit})`;
    return [burstBranch, runBranch];
  });
  if (keys.length > 0) {
    branches.push(sql`(select 'batch' as rule, window_id, id, level, received_at, idempotency_key from rating
      where idempotency_key in (${sql.join(keys.map((key) => sql`${key}`))}))`);
  }
  if (branches.length === 0) return [];
  const result = await sql<TRecentRatingRow>`${sql.join(branches, sql` union all `)}`.execute(db);
  return result.rows;
}

export interface TRatingSignalRow {
  id: number;
  kind: TSignalKind;
  detail: string;
  createdAt: Date;
  reviewedAt: Date | null;
  windowCode: string | null;
  caseNo: string | null;
}

/** A hall's signals, newest first; `reviewed` keeps only those looked at (true) or not yet (false). */
export async function listRatingSignals(
  db: Db,
  filter: { hallId: number; reviewed?: boolean; limit: number },
): Promise<TRatingSignalRow[]> {
  let query = db
    .selectFrom("rating_signal")
    .leftJoin("window", "window.id", "rating_signal.window_id")
    .leftJoin("case", "case.id", "rating_signal.case_id")
    .select([
      "rating_signal.id",
      "rating_signal.kind",
      "rating_signal.detail",
      "rating_signal.created_at as createdAt",
      "rating_signal.reviewed_at as reviewedAt",
      "window.code as windowCode",
      "case.case_no as caseNo",
    ])
    .where("rating_signal.hall_id", "=", filter.hallId);
  if (filter.reviewed !== undefined) {
    query = query.where("rating_signal.reviewed_at", filter.reviewed ? "is not" : "is", null);
  }
  return query.orderBy("rating_signal.id", "desc").limit(filter.limit).execute();
}

/** Records who reviewed a hall's signal; false when the hall has no such signal. */
export async function markRatingSignalReviewed(
  db: Db,
  review: { id: number; hallId: number; reviewedBy: number; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("rating_signal")
    .set({ reviewed_by: review.reviewedBy, reviewed_at: review.now })
    .where("id", "=", review.id)
    .where("hall_id", "=", review.hallId)
    .executeTakeFirst();
  return result.numUpdatedRows !== 0n;
}
