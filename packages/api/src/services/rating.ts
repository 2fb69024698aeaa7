import {
  applyWorkOrderStep,
  closePromptsOfCases,
  findRatingByIdempotencyKey,
  findRatingOfCase,
  findWorkOrderOfCase,
  insertRating,
  insertRatingReasons,
  insertRatings,
  listRatingReasons,
  listReasonCodes,
  readRatingTargets,
} from "@hcp/db";
import type { Db, Rating, TRatingCaseFacts, TRatingLookup, TRatingTarget } from "@hcp/db";
import type { ZRatingSubmit } from "@hcp/domain";
import { isBadLevel } from "@hcp/domain";
import type { TChannel, TLevel } from "@hcp/domain";
import type { z } from "zod";

import { naturalBatcher, perDb } from "../batch";
import type { TContext } from "../context-types";
import { appError, isDuplicateKey } from "../errors";
import { audit, systemActor } from "./audit";
import { flagMisuseBatch, idsAndMisuse } from "./signals";
import type { TSignalFinding } from "./signals";
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
    level: rating.level,
    reasonCodes: await listRatingReasons(ctx.db, rating.id),
    ratedAt: rating.rated_at.toISOString(),
    replayed,
  };
}

/** A retry with the same key returns the first result; the same key for another rating is refused. */
async function replayOf(
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
  // Rare (one per rectified bad review) and alone in its transaction: the chain head's lock is cheap here.
  await audit(trx, systemActor(now), {
    action: "workOrder.followUp",
    entity: "work_order",
    entityId: order.id,
    before: { state: order.state },
    after: { state: "closed" },
  });
}

// ── reading: everything a rating is judged by, for many ratings in one statement ─────────────

// ── writing: group commit ────────────────────────────────────────────────────────────────────

interface TPendingRating {
  row: Omit<Rating, "id">;
  reasonCodes: string[];
  deviceId: number | null;
  promptCreatedAt: Date | null;
  /** the case's open prompts end with this rating (an evaluator answered one, or an online rating) */
  closePrompts: boolean;
  /** signals the channel judged itself, stored in the rating's transaction */
  preFlagged: readonly TSignalFinding[];
  now: Date;
}

/** What a rating's transaction holds besides rating, reasons and signals: work orders and prompts. */
async function settle(trx: Db, pending: TPendingRating[], ratingIds: number[]): Promise<void> {
  for (const [index, item] of pending.entries()) {
    const ratingId = ratingIds[index] ?? 0;
    // A bad rating (first or follow-up) opens its own order; 追评 settles the one it follows.
    if (item.row.seq === 2) await closeOnFollowUp(trx, item.row.case_id, item.now);
    if (isBadLevel(item.row.level)) {
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
    await closePromptsOfCases(
      trx,
      closing.map((item) => item.row.case_id),
      "rated",
      closedAt,
    );
  }
}

function signalCandidate(item: TPendingRating) {
  return { rating: item.row, deviceId: item.deviceId, promptCreatedAt: item.promptCreatedAt, now: item.now, preFlagged: item.preFlagged };
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
    await insertRatings(
      trx,
      items.map((item) => item.row),
    );
    // The ids come back with the windows' recent ratings the misuse rules read: one round trip.
    const ratingIds = await idsAndMisuse(trx, items.map(signalCandidate));
    const reasons = items.flatMap((item, index) => item.reasonCodes.map((code) => ({ rating_id: ratingIds[index] ?? 0, reason_code: code })));
    await insertRatingReasons(trx, reasons);
    await settle(trx, items, ratingIds);
    return ratingIds;
  });
}

// ── one stage: read, judge and write the ratings that arrived together ──────────────────────

/** What a submission became once its case, device and key were read. */
type TPrepared =
  /** an answer already: a replay of the same idempotency key */
  | { kind: "done"; result: TRatingResult }
  | { kind: "write"; pending: TPendingRating; caseRow: TRatingCaseFacts; windowId: number | null; prompt: TAnswered | null };

/** The prompt a rating answers; `open`: it was still open (a late delivery may answer a closed one). */
type TAnswered = { id: number; createdAt: Date; open: boolean };

/**
 * The prompt an evaluator's rating answers. Named by the evaluator, it must be this case's at this
 * window; a prompt withdrawn or timed out before the citizen tapped is refused, so a stale screen
 * (an earlier staff session, a lost connection) never lands a rating on a case. A tap before the
 * prompt closed, delivered late from the outbox, still counts. An older evaluator that names no
 * prompt answers the case's lowest open one, or none (flagged no_prompt).
 */
function answeredPrompt(input: TSubmission, target: TRatingTarget, caseRow: TRatingCaseFacts, windowId: number, ratedAt: Date): TAnswered | null {
  if (input.promptId === undefined) return target.prompt ? { ...target.prompt, open: true } : null;
  const named = target.named;
  if (named?.case_id !== caseRow.id || named.window_id !== windowId) throw appError("PROMPT_NOT_FOUND", "NOT_FOUND");
  if (named.status === "pending") return { id: named.id, createdAt: named.created_at, open: true };
  if (named.status === "rated") throw appError("ALREADY_RATED", "CONFLICT");
  if (named.closed_at !== null && ratedAt <= named.closed_at) return { id: named.id, createdAt: named.created_at, open: false };
  throw appError("PROMPT_CLOSED", "CONFLICT");
}

interface TIngestItem {
  lookup: TRatingLookup;
  /** the service's rules for one submission, given what was read for it */
  prepare: (target: TRatingTarget) => Promise<TPrepared>;
}

type TIngestOutcome =
  | { ok: true; prepared: TPrepared; ratingId: number | null }
  /** `prepared` is set when the rating was judged sound but its write failed (a unique key) */
  | { ok: false; error: unknown; prepared: TPrepared | null };

async function prepareSafely(item: TIngestItem, target: TRatingTarget): Promise<TIngestOutcome> {
  try {
    return { ok: true, prepared: await item.prepare(target), ratingId: null };
  } catch (error) {
    return { ok: false, error, prepared: null };
  }
}

/**
 * Ratings that arrived while the previous run was in flight, in one run: one round trip reads what
 * each is judged by, the rules run in memory, and the sound first ratings are written in one
 * transaction. Under load a rating then costs a fraction of a statement and of a commit; an idle
 * server sends one alone at once. When the shared transaction fails (two ratings of one case, a
 * lock wait) it is rolled back and the batcher runs each rating alone, where a failure is its own.
 */
async function ingestMany(db: Db, items: TIngestItem[]): Promise<TIngestOutcome[]> {
  const targets = await readRatingTargets(db, items.map((item) => item.lookup));
  const outcomes = await Promise.all(
    items.map((item, index) => {
      const target = targets[index];
      return target ? prepareSafely(item, target) : Promise.resolve<TIngestOutcome>({ ok: false, error: new Error("no target was read"), prepared: null });
    }),
  );
  const toWrite = (seq: 1 | 2) =>
    outcomes.flatMap((outcome, index) => (outcome.ok && outcome.prepared.kind === "write" && outcome.prepared.pending.row.seq === seq ? [{ index, pending: outcome.prepared.pending }] : []));
  const firsts = toWrite(1);
  if (firsts.length > 0) {
    try {
      const ids = await writeMany(db, firsts.map((entry) => entry.pending));
      firsts.forEach((entry, position) => {
        const outcome = outcomes[entry.index];
        if (outcome?.ok) outcome.ratingId = ids[position] ?? null;
      });
    } catch (error) {
      if (items.length > 1) throw error;
      const outcome = outcomes[0];
      return [{ ok: false, error, prepared: outcome?.ok ? outcome.prepared : null }];
    }
  }
  // A follow-up settles its work order: rare, and alone in its transaction.
  for (const entry of toWrite(2)) {
    const outcome = outcomes[entry.index];
    if (!outcome?.ok) continue;
    try {
      outcome.ratingId = await writeOne(db, entry.pending);
    } catch (error) {
      outcomes[entry.index] = { ok: false, error, prepared: outcome.prepared };
    }
  }
  return outcomes;
}

/** One ingest stage per database: while a run is in flight, the next ratings gather for the one after. */
const ratingIngest = perDb((db: Db) => naturalBatcher((items: TIngestItem[]) => ingestMany(db, items), { maxBatch: 64, maxInFlight: 1 }));

// ── the service ──────────────────────────────────────────────────────────────────────────────

type TRatingSource =
  | { channel: TChannel; deviceTokenHash: string }
  /** a rating from the online page or a business system; `preFlagged`: signals the channel judged itself */
  | { channel: TChannel; windowId: null; preFlagged?: readonly TSignalFinding[] };

/** The service's rules for one submission, judged on what the ingest run read for it. */
async function prepareRating(ctx: TContext, input: TSubmission, source: TRatingSource, target: TRatingTarget): Promise<TPrepared> {
  const deviceTokenHash = "deviceTokenHash" in source ? source.deviceTokenHash : null;
  // The evaluator's token is checked with the case, in the same round trip, and before anything else.
  const device = target.device;
  if (deviceTokenHash !== null && (device?.windowId ?? null) === null) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  const windowId = device?.windowId ?? null;
  const caseRow = target.caseRow;
  if (!caseRow) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  const replayed = await replayOf(ctx, input, caseRow, target.byKey);
  if (replayed) return { kind: "done", result: replayed };
  if (caseRow.status !== "completed" || !caseRow.completed_at) throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
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

/**
 * Record a citizen's rating of a case. The unique keys on (case, seq) and on the idempotency
 * key decide every race; the checks before them only produce the right message.
 */
export async function submitRating(ctx: TContext, input: TSubmission, source: TRatingSource): Promise<TRatingResult> {
  const deviceTokenHash = "deviceTokenHash" in source ? source.deviceTokenHash : null;
  const outcome = await ratingIngest(ctx.db)({
    lookup: { caseNo: input.caseNo, idempotencyKey: input.idempotencyKey, deviceTokenHash, promptId: deviceTokenHash === null ? null : (input.promptId ?? null) },
    prepare: (target) => prepareRating(ctx, input, source, target),
  });
  if (!outcome.ok) {
    const { error, prepared } = outcome;
    // A unique key refused the write: the same key was stored meanwhile (a replay), or another rating.
    if (prepared?.kind === "write" && isDuplicateKey(error, "idempotency_key")) {
      const again = await replayOf(ctx, input, prepared.caseRow, await findRatingByIdempotencyKey(ctx.db, input.idempotencyKey));
      if (again) return again;
    }
    if (prepared && isDuplicateKey(error)) throw appError("ALREADY_RATED", "CONFLICT");
    throw error;
  }
  const { prepared, ratingId } = outcome;
  if (prepared.kind === "done") return prepared.result;
  if (ratingId === null) throw new Error("a rating judged sound was not written");
  const { pending, caseRow, windowId, prompt } = prepared;
  if (prompt?.open && windowId !== null) {
    ctx.bus.publish(windowId, { type: "promptClosed", promptId: prompt.id, status: "rated" });
  }
  // Committed: the hall's live overview re-reads its figures (the event carries no rating data).
  ctx.bus.publishHall(caseRow.hall_id, { type: "ratingRecorded", at: pending.now.toISOString() });
  return {
    ratingId,
    caseNo: caseRow.case_no,
    level: input.level,
    reasonCodes: [...pending.reasonCodes].sort(),
    ratedAt: pending.row.rated_at.toISOString(),
    replayed: false,
  };
}
