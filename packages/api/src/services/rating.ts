import {
  applyWorkOrderStep,
  closePromptsOfCase,
  findCaseByNo,
  findCurrentReasonVersion,
  findHallById,
  findRatingByIdempotencyKey,
  findRatingOfCase,
  findWorkOrderOfCase,
  insertRating,
  listPendingPrompts,
  listRatingReasons,
  listReasonCodes,
} from "@hcp/db";
import type { Case, Db, Rating } from "@hcp/db";
import type { ZRatingSubmit } from "@hcp/domain";
import { isBadLevel } from "@hcp/domain";
import type { TChannel, TLevel } from "@hcp/domain";
import type { z } from "zod";

import type { TContext } from "../context";
import { appError, isDuplicateKey } from "../errors";
import { flagMisuse } from "./signals";
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

async function toResult(ctx: TContext, rating: Rating, caseNo: string, replayed: boolean): Promise<TRatingResult> {
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
async function replay(ctx: TContext, input: TSubmission, caseRow: Case): Promise<TRatingResult | null> {
  const existing = await findRatingByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (!existing) return null;
  if (existing.case_id !== caseRow.id || existing.level !== input.level) {
    throw appError("IDEMPOTENCY_CONFLICT", "CONFLICT");
  }
  return toResult(ctx, existing, caseRow.case_no, true);
}

async function checkReasons(ctx: TContext, level: TLevel, codes: readonly string[]): Promise<number> {
  const version = await findCurrentReasonVersion(ctx.db);
  if (codes.length === 0) return version;
  const known = new Map((await listReasonCodes(ctx.db, version)).map((reason) => [reason.code, reason.level]));
  for (const code of codes) {
    const reasonLevel = known.get(code);
    if (reasonLevel === undefined) throw appError("REASON_UNKNOWN", "BAD_REQUEST");
    if (reasonLevel !== level) throw appError("REASON_LEVEL_MISMATCH", "BAD_REQUEST");
  }
  return version;
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
async function nextRatingSeq(db: Db, caseId: number): Promise<{ seq: 1 | 2; windowOpensAt: Date | null }> {
  const first = await findRatingOfCase(db, caseId, 1);
  if (!first) return { seq: 1, windowOpensAt: null };
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

/**
 * Record a citizen's rating of a case. The unique keys on (case, seq) and on the idempotency
 * key decide every race; the checks before them only produce the right message.
 */
export async function submitRating(
  ctx: TContext,
  input: TSubmission,
  source: { channel: TChannel; windowId: number | null; deviceId?: number },
): Promise<TRatingResult> {
  const caseRow = await findCaseByNo(ctx.db, input.caseNo);
  if (!caseRow) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  const replayed = await replay(ctx, input, caseRow);
  if (replayed) return replayed;
  if (caseRow.status !== "completed" || !caseRow.completed_at) throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  if (source.windowId !== null && caseRow.window_id !== source.windowId) {
    throw appError("CASE_NOT_AT_THIS_WINDOW", "FORBIDDEN");
  }
  const { seq, windowOpensAt } = await nextRatingSeq(ctx.db, caseRow.id);
  const hall = await findHallById(ctx.db, caseRow.hall_id);
  const now = ctx.now();
  const ratedAt = tapTime(input, now, caseRow.completed_at);
  const windowDays = hall?.rating_window_days ?? 7;
  // An evaluator that was offline delivers late: what counts is when the citizen tapped.
  if (ratedAt.getTime() > (windowOpensAt ?? caseRow.completed_at).getTime() + windowDays * DAY_MS) {
    throw appError("RATING_WINDOW_CLOSED", "PRECONDITION_FAILED");
  }
  const reasonVersion = await checkReasons(ctx, input.level, input.reasonCodes);
  const reasonCodes = [...new Set(input.reasonCodes)];
  const prompt =
    source.windowId === null
      ? undefined
      : (await listPendingPrompts(ctx.db, source.windowId)).find((open) => open.caseId === caseRow.id);
  const row = {
    case_id: caseRow.id,
    seq,
    level: input.level,
    channel: source.channel,
    is_default: false,
    comment: input.comment,
    reason_version: reasonVersion,
    hall_id: caseRow.hall_id,
    department_id: caseRow.department_id,
    service_item_id: caseRow.service_item_id,
    window_id: caseRow.window_id,
    staff_id: caseRow.staff_id,
    prompt_id: prompt?.promptId ?? null,
    idempotency_key: input.idempotencyKey,
    rated_at: ratedAt,
    received_at: now,
  };
  let ratingId: number;
  try {
    ratingId = await insertRating(
      ctx.db,
      row,
      reasonCodes,
      async (trx, newRatingId) => {
        // 追评 settles the order it follows; a bad rating (first or follow-up) opens its own.
        if (seq === 2) await closeOnFollowUp(trx, caseRow.id, now);
        if (isBadLevel(input.level)) {
          await openWorkOrder(
            trx,
            { id: newRatingId, case_id: caseRow.id, hall_id: caseRow.hall_id, department_id: caseRow.department_id, window_id: caseRow.window_id, staff_id: caseRow.staff_id },
            now,
          );
        }
      },
    );
  } catch (error) {
    if (isDuplicateKey(error, "idempotency_key")) {
      const again = await replay(ctx, input, caseRow);
      if (again) return again;
    }
    if (isDuplicateKey(error)) throw appError("ALREADY_RATED", "CONFLICT");
    throw error;
  }
  // An evaluator found its open prompt above; an online rating may leave one open at the window.
  if (prompt || source.windowId === null) await closePromptsOfCase(ctx.db, caseRow.id, "rated", now);
  if (prompt && source.windowId !== null) {
    ctx.bus.publish(source.windowId, { type: "promptClosed", promptId: prompt.promptId, status: "rated" });
  }
  // Committed: the hall's live overview re-reads its figures (the event carries no rating data).
  ctx.bus.publishHall(caseRow.hall_id, { type: "ratingRecorded", at: now.toISOString() });
  // The row as written: the unique keys guarantee it is the case's rating, no need to read it back.
  const stored: Rating = { ...row, id: ratingId };
  await flagMisuse(ctx.db, {
    rating: stored,
    deviceId: source.deviceId ?? null,
    promptCreatedAt: prompt?.createdAt ?? null,
    now,
  });
  return {
    ratingId,
    caseNo: caseRow.case_no,
    level: input.level,
    reasonCodes: [...reasonCodes].sort(),
    ratedAt: ratedAt.toISOString(),
    replayed: false,
  };
}
