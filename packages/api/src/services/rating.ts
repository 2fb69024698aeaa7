import { sql } from "kysely";

import {
  applyWorkOrderStep,
  findRatingByIdempotencyKey,
  findRatingOfCase,
  findWorkOrderOfCase,
  insertRating,
  listRatingReasons,
  listReasonCodes,
} from "@hcp/db";
import type { Db, Rating } from "@hcp/db";
import type { ZRatingSubmit } from "@hcp/domain";
import { isBadLevel } from "@hcp/domain";
import type { TChannel, TLevel } from "@hcp/domain";
import type { z } from "zod";

import { naturalBatcher, perDb } from "../batch";
import type { TContext } from "../context";
import { appError, isDuplicateKey } from "../errors";
import { flagMisuseBatch, idsAndMisuse } from "./signals";
import { openWorkOrder } from "./work-orders";

export interface TRatingResult {
  ratingId: number;
  caseNo: string;
  level: TLevel;
  reasonCodes: string[];
  ratedAt: string;
  /** true when this request repeated an earlier one (same idempotency key) */
  replayed: boolean;
}

type TSubmission = z.output<typeof ZRatingSubmit>;

const DAY_MS = 86_400_000;
/** A device clock more than this far ahead of the server is not believed. */
const MAX_CLOCK_AHEAD_MS = 60_000;

async function toResult(ctx: TContext, rating: Pick<Rating, "id" | "level" | "rated_at">, caseNo: string, replayed: boolean): Promise<TRatingResult> {
  return {
    ratingId: rating.id,
    caseNo,
    level: rating.level as TLevel,
    reasonCodes: await listRatingReasons(ctx.db, rating.id),
    ratedAt: rating.rated_at.toISOString(),
    replayed,
  };
}

/** A retry with the same key returns the first result; the same key for another rating is refused. */
async function replayOf(
  ctx: TContext,
  input: TSubmission,
  caseRow: TCaseFacts,
  existing: Pick<Rating, "id" | "case_id" | "level" | "rated_at"> | undefined,
): Promise<TRatingResult | null> {
  if (!existing) return null;
  if (existing.case_id !== caseRow.id || existing.level !== input.level) {
    throw appError("IDEMPOTENCY_CONFLICT", "CONFLICT");
  }
  return toResult(ctx, existing, caseRow.case_no, true);
}

/**
 * The codes of a reason-table version. A version's codes are never edited in place (a new table
 * is a new version, and which one is current is read with every rating), so they are kept in
 * memory; the minute's expiry covers an administrator correcting a row by hand.
 */
const REASON_TABLE_TTL_MS = 60_000;
const reasonTables = perDb((db: Db) => {
  const tables = new Map<number, { loadedAt: number; codes: Promise<Map<string, number>> }>();
  return (version: number): Promise<Map<string, number>> => {
    const cached = tables.get(version);
    if (cached && Date.now() - cached.loadedAt < REASON_TABLE_TTL_MS) return cached.codes;
    const codes = listReasonCodes(db, version).then((rows) => new Map(rows.map((reason) => [reason.code, reason.level])));
    // A failed load is not kept: the next rating asks the database again.
    codes.catch(() => tables.delete(version));
    tables.set(version, { loadedAt: Date.now(), codes });
    return codes;
  };
});

async function checkReasons(ctx: TContext, version: number, level: TLevel, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = await reasonTables(ctx.db)(version);
  for (const code of codes) {
    const reasonLevel = known.get(code);
    if (reasonLevel === undefined) throw appError("REASON_UNKNOWN", "BAD_REQUEST");
    if (reasonLevel !== level) throw appError("REASON_LEVEL_MISMATCH", "BAD_REQUEST");
  }
}

function tapTime(input: TSubmission, now: Date, completedAt: Date): Date {
  if (!input.ratedAt) return now;
  const tapped = new Date(input.ratedAt);
  if (tapped.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS || tapped < completedAt) return now;
  return tapped;
}

/**
 * 一次一评: the first rating, then at most one follow-up (追评) — and only once the case's bad
 * review has been rectified and answered.
 */
async function nextRatingSeq(db: Db, caseId: number, hasFirst: boolean): Promise<{ seq: 1 | 2; windowOpensAt: Date | null }> {
  if (!hasFirst) return { seq: 1, windowOpensAt: null };
  if (await findRatingOfCase(db, caseId, 2)) throw appError("ALREADY_RATED", "CONFLICT");
  const order = await findWorkOrderOfCase(db, caseId);
  if (!order) throw appError("ALREADY_RATED", "CONFLICT");
  if (order.state !== "replied" || order.rectified_at === null) throw appError("FOLLOW_UP_NOT_ALLOWED", "CONFLICT");
  // A follow-up answers the department's reply, so its rating window opens with the reply.
  return { seq: 2, windowOpensAt: order.replied_at };
}

async function closeOnFollowUp(trx: Db, caseId: number, now: Date): Promise<void> {
  const order = await findWorkOrderOfCase(trx, caseId);
  if (order?.state !== "replied" || !order) return;
  const closed = await applyWorkOrderStep(trx, {
    id: order.id,
    version: order.version,
    changes: { state: "closed", closed_at: now },
    event: { action: "followUp", actorUserId: null, actorRole: "citizen", fromState: order.state, toState: "closed", note: "", now },
  });
  // A concurrent step on the order makes the follow-up wait for a retry rather than skip the close.
  if (!closed) throw appError("WORK_ORDER_CONFLICT", "CONFLICT");
}

// ── reading: everything a rating is judged by, for many ratings in one statement ─────────────

/** The case columns a rating copies and is judged by. */
interface TCaseFacts {
  id: number;
  case_no: string;
  status: string;
  completed_at: Date | null;
  hall_id: number;
  department_id: number;
  service_item_id: number;
  window_id: number | null;
  staff_id: number | null;
}

interface TLookup {
  caseNo: string;
  idempotencyKey: string;
  /** the evaluator's window: its open prompt for the case is the one the rating answers */
  windowId: number | null;
}

interface TTarget {
  caseRow: TCaseFacts | null;
  ratingWindowDays: number;
  hasFirstRating: boolean;
  /** the lowest open prompt of the case at the evaluator's window */
  prompt: { id: number; createdAt: Date } | null;
  /** the rating already stored under this idempotency key */
  byKey: Pick<Rating, "id" | "case_id" | "level" | "rated_at"> | undefined;
  reasonVersion: number;
}

interface TTargetRow extends TCaseFacts {
  i: number;
  /** null when no case has the number (the case columns are then null too) */
  found: number | null;
  rating_window_days: number | null;
  first_rating_id: number | null;
  prompt_id: number | null;
  prompt_created_at: Date | null;
  key_rating_id: number | null;
  key_case_id: number | null;
  key_level: number | null;
  key_rated_at: Date | null;
  reason_version: number | null;
}

/**
 * Case, hall setting, first rating, open prompt, the idempotency key's rating and the current
 * reason-table version for every lookup, in one statement: each join is a unique-index or
 * indexed lookup, so a batch costs one round trip instead of seven per rating.
 */
async function readTargets(db: Db, lookups: TLookup[]): Promise<TTarget[]> {
  const rows = lookups.map(
    (lookup, i) => sql`select ${i} as i, ${lookup.caseNo} as case_no, ${lookup.idempotencyKey} as idempotency_key, ${lookup.windowId} as window_id`,
  );
  const result = await sql<TTargetRow>`
    select q.i, c.id as found, c.id, c.case_no, c.status, c.completed_at, c.hall_id, c.department_id, c.service_item_id,
           c.window_id, c.staff_id, h.rating_window_days, r1.id as first_rating_id,
           p.id as prompt_id, p.created_at as prompt_created_at,
           k.id as key_rating_id, k.case_id as key_case_id, k.level as key_level, k.rated_at as key_rated_at,
           (select max(v.version) from reason_code_version v where v.is_current = 1) as reason_version
    from (${sql.join(rows, sql` union all `)}) q
    left join \`case\` c on c.case_no = q.case_no
    left join hall h on h.id = c.hall_id
    left join rating r1 on r1.case_id = c.id and r1.seq = 1
    left join rating_prompt p on p.case_id = c.id and p.window_id = q.window_id and p.status = 'pending'
    left join rating k on k.idempotency_key = q.idempotency_key
    order by q.i, p.id`.execute(db);
  const targets: (TTarget | undefined)[] = [];
  for (const row of result.rows) {
    // Several open prompts of one case: the first row per lookup carries the lowest.
    if (targets[row.i]) continue;
    if (row.reason_version === null) throw new Error("no current reason-code version");
    targets[row.i] = {
      caseRow:
        row.found === null
          ? null
          : {
              id: row.id,
              case_no: row.case_no,
              status: row.status,
              completed_at: row.completed_at,
              hall_id: row.hall_id,
              department_id: row.department_id,
              service_item_id: row.service_item_id,
              window_id: row.window_id,
              staff_id: row.staff_id,
            },
      ratingWindowDays: row.rating_window_days ?? 7,
      hasFirstRating: row.first_rating_id !== null,
      prompt: row.prompt_id !== null && row.prompt_created_at !== null ? { id: row.prompt_id, createdAt: row.prompt_created_at } : null,
      byKey:
        row.key_rating_id !== null && row.key_case_id !== null && row.key_level !== null && row.key_rated_at !== null
          ? { id: row.key_rating_id, case_id: row.key_case_id, level: row.key_level, rated_at: row.key_rated_at }
          : undefined,
      reasonVersion: row.reason_version,
    };
  }
  return lookups.map((_, i) => {
    const target = targets[i];
    if (!target) throw new Error("rating lookup lost a row");
    return target;
  });
}

const targetReader = perDb((db: Db) => naturalBatcher((lookups: TLookup[]) => readTargets(db, lookups), { maxBatch: 64, maxInFlight: 2 }));

// ── writing: group commit ────────────────────────────────────────────────────────────────────

interface TPendingRating {
  row: Omit<Rating, "id">;
  reasonCodes: string[];
  deviceId: number | null;
  promptCreatedAt: Date | null;
  /** the case's open prompts end with this rating (an evaluator answered one, or an online rating) */
  closePrompts: boolean;
  now: Date;
}

/** What a rating's transaction holds besides rating, reasons and signals: work orders and prompts. */
async function settle(trx: Db, pending: TPendingRating[], ratingIds: number[]): Promise<void> {
  for (const [index, item] of pending.entries()) {
    const ratingId = ratingIds[index] ?? 0;
    // A bad rating (first or follow-up) opens its own order; 追评 settles the one it follows.
    if (item.row.seq === 2) await closeOnFollowUp(trx, item.row.case_id, item.now);
    if (isBadLevel(item.row.level as TLevel)) {
      await openWorkOrder(
        trx,
        { id: ratingId, case_id: item.row.case_id, hall_id: item.row.hall_id, department_id: item.row.department_id, window_id: item.row.window_id, staff_id: item.row.staff_id },
        item.now,
      );
    }
  }
  const closing = pending.filter((item) => item.closePrompts);
  const closedAt = closing.reduce<Date | null>((latest, item) => (latest && latest > item.now ? latest : item.now), null);
  if (closing.length > 0 && closedAt) {
    await trx
      .updateTable("rating_prompt")
      .set({ status: "rated", closed_at: closedAt })
      .where("case_id", "in", closing.map((item) => item.row.case_id))
      .where("status", "=", "pending")
      .execute();
  }
}

function signalCandidate(item: TPendingRating) {
  return { rating: item.row, deviceId: item.deviceId, promptCreatedAt: item.promptCreatedAt, now: item.now };
}

/** One rating in its own transaction, through insertRating: the path every rating can take. */
async function writeOne(db: Db, item: TPendingRating): Promise<number> {
  return insertRating(db, item.row, item.reasonCodes, async (trx, ratingId) => {
    await settle(trx, [item], [ratingId]);
    // In the rating's transaction: a signal is stored exactly when its rating is, never lost.
    await flagMisuseBatch(trx, [{ ...signalCandidate(item), rating: { ...item.row, id: ratingId } }]);
  });
}

/**
 * Ratings that arrived together, in one transaction: one multi-row insert per table and one
 * commit (one log flush) for all. It writes what `insertRating` and `writeOne` write for each.
 * A batch that fails for any reason (a unique key, a lock wait) is rolled back and every rating
 * in it retried alone by the batcher, so each gets its own answer.
 */
async function writeMany(db: Db, items: TPendingRating[]): Promise<number[]> {
  if (items.length === 1 && items[0]) return [await writeOne(db, items[0])];
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rating")
      .values(items.map((item) => item.row))
      .execute();
    // The ids come back with the windows' recent ratings the misuse rules read: one round trip.
    const ratingIds = await idsAndMisuse(trx, items.map(signalCandidate));
    const reasons = items.flatMap((item, index) => item.reasonCodes.map((code) => ({ rating_id: ratingIds[index] ?? 0, reason_code: code })));
    if (reasons.length > 0) await trx.insertInto("rating_reason").values(reasons).execute();
    await settle(trx, items, ratingIds);
    return ratingIds;
  });
}

/** One writer per database: while a transaction commits, the next ratings gather for the one after. */
const ratingWriter = perDb((db: Db) => naturalBatcher((items: TPendingRating[]) => writeMany(db, items), { maxBatch: 64, maxInFlight: 1 }));

// ── the service ──────────────────────────────────────────────────────────────────────────────

/**
 * Record a citizen's rating of a case. The unique keys on (case, seq) and on the idempotency
 * key decide every race; the checks before them only produce the right message.
 */
export async function submitRating(
  ctx: TContext,
  input: TSubmission,
  source: { channel: TChannel; windowId: number | null; deviceId?: number },
): Promise<TRatingResult> {
  const target = await targetReader(ctx.db)({ caseNo: input.caseNo, idempotencyKey: input.idempotencyKey, windowId: source.windowId });
  const caseRow = target.caseRow;
  if (!caseRow) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  const replayed = await replayOf(ctx, input, caseRow, target.byKey);
  if (replayed) return replayed;
  if (caseRow.status !== "completed" || !caseRow.completed_at) throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  if (source.windowId !== null && caseRow.window_id !== source.windowId) {
    throw appError("CASE_NOT_AT_THIS_WINDOW", "FORBIDDEN");
  }
  const { seq, windowOpensAt } = await nextRatingSeq(ctx.db, caseRow.id, target.hasFirstRating);
  const now = ctx.now();
  const ratedAt = tapTime(input, now, caseRow.completed_at);
  // An evaluator that was offline delivers late: what counts is when the citizen tapped.
  if (ratedAt.getTime() > (windowOpensAt ?? caseRow.completed_at).getTime() + target.ratingWindowDays * DAY_MS) {
    throw appError("RATING_WINDOW_CLOSED", "PRECONDITION_FAILED");
  }
  await checkReasons(ctx, target.reasonVersion, input.level, input.reasonCodes);
  const reasonCodes = [...new Set(input.reasonCodes)];
  const prompt = source.windowId === null ? null : target.prompt;
  const pending: TPendingRating = {
    row: {
      case_id: caseRow.id,
      seq,
      level: input.level,
      channel: source.channel,
      is_default: false,
      comment: input.comment,
      reason_version: target.reasonVersion,
      hall_id: caseRow.hall_id,
      department_id: caseRow.department_id,
      service_item_id: caseRow.service_item_id,
      window_id: caseRow.window_id,
      staff_id: caseRow.staff_id,
      prompt_id: prompt?.id ?? null,
      idempotency_key: input.idempotencyKey,
      rated_at: ratedAt,
      received_at: now,
    },
    reasonCodes,
    deviceId: source.deviceId ?? null,
    promptCreatedAt: prompt?.createdAt ?? null,
    // An evaluator found its open prompt above; an online rating may leave one open at the window.
    closePrompts: prompt !== null || source.windowId === null,
    now,
  };
  let ratingId: number;
  try {
    // A follow-up settles its work order: rare, and alone in its transaction.
    ratingId = seq === 1 ? await ratingWriter(ctx.db)(pending) : await writeOne(ctx.db, pending);
  } catch (error) {
    if (isDuplicateKey(error, "idempotency_key")) {
      const again = await replayOf(ctx, input, caseRow, await findRatingByIdempotencyKey(ctx.db, input.idempotencyKey));
      if (again) return again;
    }
    if (isDuplicateKey(error)) throw appError("ALREADY_RATED", "CONFLICT");
    throw error;
  }
  if (prompt && source.windowId !== null) {
    ctx.bus.publish(source.windowId, { type: "promptClosed", promptId: prompt.id, status: "rated" });
  }
  // Committed: the hall's live overview re-reads its figures (the event carries no rating data).
  ctx.bus.publishHall(caseRow.hall_id, { type: "ratingRecorded", at: now.toISOString() });
  return {
    ratingId,
    caseNo: caseRow.case_no,
    level: input.level,
    reasonCodes: [...reasonCodes].sort(),
    ratedAt: ratedAt.toISOString(),
    replayed: false,
  };
}
