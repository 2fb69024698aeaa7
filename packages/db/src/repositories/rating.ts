import { sql } from "kysely";
import type { CompiledQuery, RawBuilder } from "kysely";

import { runTransactionPacket } from "../client";
import type { Db } from "../client";
import type { NewRating, NewRatingSignal, NewWorkOrder, Rating } from "../schema";
import { workOrderEventRow } from "./work-order";
import type { TWorkOrderEventInput } from "./work-order";

export async function findRatingByIdempotencyKey(db: Db, key: string): Promise<Rating | undefined> {
  return db.selectFrom("rating").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export async function findRatingOfCase(db: Db, caseId: number, seq = 1): Promise<Rating | undefined> {
  return db
    .selectFrom("rating")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/**
 * Inserts a rating and its reasons together; the unique keys decide races, not a prior read.
 * `alsoInTransaction` writes what must exist exactly when the rating does (a bad review's work order).
 */
export async function insertRating(
  db: Db,
  rating: NewRating,
  reasonCodes: readonly string[],
  alsoInTransaction?: (trx: Db, ratingId: number) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.insertInto("rating").values(rating).executeTakeFirstOrThrow();
    const ratingId = Number(result.insertId);
    if (reasonCodes.length > 0) {
      await trx
        .insertInto("rating_reason")
        .values(reasonCodes.map((code) => ({ rating_id: ratingId, reason_code: code })))
        .execute();
    }
    if (alsoInTransaction) await alsoInTransaction(trx, ratingId);
    return ratingId;
  });
}

export async function listRatingReasons(db: Db, ratingId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("rating_reason")
    .select("reason_code")
    .where("rating_id", "=", ratingId)
    .orderBy("reason_code")
    .execute();
  return rows.map((row) => row.reason_code);
}

export async function findCurrentReasonVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom("reason_code_version")
    .select("version")
    .where("is_current", "=", true)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function listReasonCodes(
  db: Db,
  version: number,
): Promise<{ code: string; level: number; label: string }[]> {
  return db
    .selectFrom("reason_code")
    .select(["code", "level", "label"])
    .where("version", "=", version)
    .orderBy("level", "desc")
    .orderBy("code")
    .execute();
}

/** A first rating of a batch, with everything stored exactly when it is. */
export interface TRatingBatchItem {
  rating: NewRating;
  reasonCodes: readonly string[];
  signals: readonly Omit<NewRatingSignal, "rating_id">[];
  /** a bad review's work order and its first event */
  workOrder: { order: Omit<NewWorkOrder, "rating_id">; opened: TWorkOrderEventInput } | null;
}

/** Rows as a derived table (`select … union all select …`), to join on in one statement. */
function derivedRows(rows: readonly Record<string, unknown>[]): RawBuilder<unknown> {
  const selects = rows.map((row) => sql`select ${sql.join(Object.entries(row).map(([column, value]) => sql`${value} as ${sql.ref(column)}`))}`);
  return sql`(${sql.join(selects, sql` union all `)})`;
}

/**
 * Ratings written together in one transaction sent as one packet: the database runs it without a
 * round trip per statement. The ratings go in one multi-row insert; their reasons, signals and
 * work orders find their rating by its idempotency key (a multi-row insert need not number its
 * rows consecutively). `closePrompts` closes the open prompts the ratings answer. All or nothing:
 * a unique key refusing one rating leaves none of the batch. Returns the ratings' ids in order.
 */
export async function writeRatingBatch(
  db: Db,
  items: readonly TRatingBatchItem[],
  closePrompts: { caseIds: number[]; closedAt: Date } | null,
): Promise<number[]> {
  const keys = items.map((item) => item.rating.idempotency_key);
  const statements: CompiledQuery[] = [db.insertInto("rating").values(items.map((item) => item.rating)).compile()];
  const reasons = items.flatMap((item) => item.reasonCodes.map((code) => ({ k: item.rating.idempotency_key, code })));
  if (reasons.length > 0) {
    statements.push(
      db
        .insertInto("rating_reason")
        .columns(["rating_id", "reason_code"])
        .expression(sql`select r.id, v.code from ${derivedRows(reasons)} v join rating r on r.idempotency_key = v.k`)
        .compile(),
    );
  }
  const signals = items.flatMap((item) =>
    item.signals.map((signal) => ({ k: item.rating.idempotency_key, kind: signal.kind, device_id: signal.device_id, detail: signal.detail, created_at: signal.created_at })),
  );
  if (signals.length > 0) {
    statements.push(
      db
        .insertInto("rating_signal")
        .columns(["rating_id", "hall_id", "kind", "case_id", "window_id", "device_id", "detail", "created_at"])
        .expression(
          sql`select r.id, r.hall_id, v.kind, r.case_id, r.window_id, v.device_id, v.detail, v.created_at
            from ${derivedRows(signals)} v join rating r on r.idempotency_key = v.k`,
        )
        .compile(),
    );
  }
  for (const item of items) {
    if (!item.workOrder) continue;
    const ratingId = sql<number>`(select id from rating where idempotency_key = ${item.rating.idempotency_key})`;
    statements.push(db.insertInto("work_order").values({ ...item.workOrder.order, rating_id: ratingId }).compile());
    statements.push(db.insertInto("work_order_event").values(workOrderEventRow(sql<number>`last_insert_id()`, item.workOrder.opened)).compile());
  }
  if (closePrompts && closePrompts.caseIds.length > 0) {
    statements.push(
      db
        .updateTable("rating_prompt")
        .set({ status: "rated", closed_at: closePrompts.closedAt })
        .where("case_id", "in", closePrompts.caseIds)
        .where("status", "=", "pending")
        .compile(),
    );
  }
  statements.push(db.selectFrom("rating").select(["id", "idempotency_key"]).where("idempotency_key", "in", keys).compile());
  const results = await runTransactionPacket(db, statements);
  const stored = results.at(-1);
  const idOf = new Map((Array.isArray(stored) ? stored : []).map((row) => [row.idempotency_key, Number(row.id)]));
  return keys.map((key) => {
    const id = idOf.get(key);
    if (id === undefined) throw new Error("a rating of the batch was not stored");
    return id;
  });
}
