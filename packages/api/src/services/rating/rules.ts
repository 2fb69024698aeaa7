import {
  findRatingOfCase,
  findWorkOrderOfCase,
  listRatingReasons,
  type Db,
  type Rating,
  type TRatingCaseFacts,
  type TRatingTarget,
} from "@hcp/db";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { checkReasons } from "./reasons";
import type { TAnswered, TPendingRating, TPrepared, TRatingResult, TRatingSource, TSubmission } from "./types";

const DAY_MS = 86_400_000;
/** A device clock more than this far ahead of the server is not believed. */
const MAX_CLOCK_AHEAD_MS = 60_000;

async function toResult(
  ctx: TContext,
  rating: Pick<Rating, "id" | "level" | "rated_at">,
  caseNo: string,
  replayed: boolean,
): Promise<TRatingResult> {
  return {
    ratingId: rating.id,
    caseNo,
    level: rating.level,
    reasonCodes: await listRatingReasons(ctx.db, rating.id),
    ratedAt: rating.rated_at.toISOString(),
    replayed,
  };
}

/** A retry with the same key returns the first result; the same key for another rating is refused. */
export async function replayOf(
  ctx: TContext,
  input: TSubmission,
  caseRow: TRatingCaseFacts,
  existing: Pick<Rating, "id" | "case_id" | "level" | "rated_at"> | undefined,
): Promise<TRatingResult | null> {
  if (!existing) return null;
  if (existing.case_id !== caseRow.id || existing.level !== input.level) {
    throw appError("IDEMPOTENCY_CONFLICT", "CONFLICT");
  }
  return toResult(ctx, existing, caseRow.case_no, true);
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
async function nextRatingSeq(
  db: Db,
  caseId: number,
  hasFirst: boolean,
): Promise<{ seq: 1 | 2; windowOpensAt: Date | null }> {
  if (!hasFirst) return { seq: 1, windowOpensAt: null };
  if (await findRatingOfCase(db, caseId, 2)) throw appError("ALREADY_RATED", "CONFLICT");
  const order = await findWorkOrderOfCase(db, caseId);
  if (!order) throw appError("ALREADY_RATED", "CONFLICT");
  if (order.state !== "replied" || order.rectified_at === null) throw appError("FOLLOW_UP_NOT_ALLOWED", "CONFLICT");
  // A follow-up answers the department's reply, so its rating window opens with the reply.
  return { seq: 2, windowOpensAt: order.replied_at };
}

/**
 * The prompt an evaluator's rating answers. Named by the evaluator, it must be this case's at this
 * window; a prompt withdrawn or timed out before the citizen tapped is refused, so a stale screen
 * (an earlier staff session, a lost connection) never lands a rating on a case. A tap before the
 * prompt closed, delivered late from the outbox, still counts. An older evaluator that names no
 * prompt answers the case's lowest open one, or none (flagged no_prompt).
 */
function answeredPrompt(
  input: TSubmission,
  target: TRatingTarget,
  caseRow: TRatingCaseFacts,
  windowId: number,
  ratedAt: Date,
): TAnswered | null {
  if (input.promptId === undefined) return target.prompt ? { ...target.prompt, open: true } : null;
  const named = target.named;
  if (named?.case_id !== caseRow.id || named.window_id !== windowId) throw appError("PROMPT_NOT_FOUND", "NOT_FOUND");
  if (named.status === "pending") return { id: named.id, createdAt: named.created_at, open: true };
  if (named.status === "rated") throw appError("ALREADY_RATED", "CONFLICT");
  if (named.closed_at !== null && ratedAt <= named.closed_at)
    return { id: named.id, createdAt: named.created_at, open: false };
  throw appError("PROMPT_CLOSED", "CONFLICT");
}

/** The service's rules for one submission, judged on what the ingest run read for it. */
export async function prepareRating(
  ctx: TContext,
  input: TSubmission,
  source: TRatingSource,
  target: TRatingTarget,
): Promise<TPrepared> {
  const deviceTokenHash = "deviceTokenHash" in source ? source.deviceTokenHash : null;
  // The evaluator's token is checked with the case, in the same round trip, and before anything else.
  const device = target.device;
  if (deviceTokenHash !== null && (device?.windowId ?? null) === null) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  const windowId = device?.windowId ?? null;
  const caseRow = target.caseRow;
  if (!caseRow) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  const replayed = await replayOf(ctx, input, caseRow, target.byKey);
  if (replayed) return { kind: "done", result: replayed };
  if (caseRow.status !== "completed" || !caseRow.completed_at)
    throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  if (windowId !== null && caseRow.window_id !== windowId) {
    throw appError("CASE_NOT_AT_THIS_WINDOW", "FORBIDDEN");
  }
  const { seq, windowOpensAt } = await nextRatingSeq(ctx.db, caseRow.id, target.hasFirstRating);
  const now = ctx.now();
  const ratedAt = tapTime(input, now, caseRow.completed_at);
  // An evaluator that was offline delivers late: what counts is when the citizen tapped.
  if (ratedAt.getTime() > (windowOpensAt ?? caseRow.completed_at).getTime() + target.ratingWindowDays * DAY_MS) {
    throw appError("RATING_WINDOW_CLOSED", "PRECONDITION_FAILED");
  }
  const reasonVersion = target.reasonVersion;
  if (reasonVersion === null) throw new Error("no current reason-code version");
  await checkReasons(ctx, reasonVersion, input.level, input.reasonCodes);
  const reasonCodes = [...new Set(input.reasonCodes)];
  const prompt = windowId === null ? null : answeredPrompt(input, target, caseRow, windowId, ratedAt);
  const pending: TPendingRating = {
    row: {
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
      prompt_id: prompt?.id ?? null,
      idempotency_key: input.idempotencyKey,
      rated_at: ratedAt,
      received_at: now,
    },
    reasonCodes,
    deviceId: device?.id ?? null,
    promptCreatedAt: prompt?.createdAt ?? null,
    // An evaluator answered an open prompt (one withdrawn after the tap is closed already); an online
    // rating may leave one open at the window.
    closePrompts: prompt?.open === true || windowId === null,
    preFlagged: "preFlagged" in source ? (source.preFlagged ?? []) : [],
    now,
  };
  return { kind: "write", pending, caseRow, windowId, prompt };
}
