/**
 * A citizen's rating of a case, from any channel: batch.ts gathers the ratings that arrive
 * together, rules.ts judges each on what was read for it, write.ts stores the sound ones with
 * their work orders, prompts and signals in one transaction, events.ts announces them.
 */
import { findRatingByIdempotencyKey } from "@hcp/db";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { ratingIngest } from "./batch";
import { announceRating } from "./events";
import { prepareRating, replayOf } from "./rules";
import type { TRatingResult, TRatingSource, TSubmission } from "./types";

export type { TRatingResult } from "./types";

/**
 * Record a citizen's rating of a case. The unique keys on (case, seq) and on the idempotency
 * key decide every race; the checks before them only produce the right message.
 */
export async function submitRating(ctx: TContext, input: TSubmission, source: TRatingSource): Promise<TRatingResult> {
  const deviceTokenHash = "deviceTokenHash" in source ? source.deviceTokenHash : null;
  const outcome = await ratingIngest(ctx.db)({
    lookup: {
      caseNo: input.caseNo,
      idempotencyKey: input.idempotencyKey,
      deviceTokenHash,
      promptId: deviceTokenHash === null ? null : (input.promptId ?? null),
    },
    prepare: (target) => prepareRating(ctx, input, source, target),
  });
  if (!outcome.ok) {
    const { error, prepared } = outcome;
    // A unique key refused the write: the same key was stored meanwhile (a replay), or another rating.
    if (prepared?.kind === "write" && isDuplicateKey(error, "idempotency_key")) {
      const again = await replayOf(
        ctx,
        input,
        prepared.caseRow,
        await findRatingByIdempotencyKey(ctx.db, input.idempotencyKey),
      );
      if (again) return again;
    }
    if (prepared && isDuplicateKey(error)) throw appError("ALREADY_RATED", "CONFLICT");
    throw error;
  }
  const { prepared, ratingId } = outcome;
  if (prepared.kind === "done") return prepared.result;
  if (ratingId === null) throw new Error("a rating judged sound was not written");
  announceRating(ctx, prepared);
  const { pending, caseRow } = prepared;
  return {
    ratingId,
    caseNo: caseRow.case_no,
    level: input.level,
    reasonCodes: [...pending.reasonCodes].sort(),
    ratedAt: pending.row.rated_at.toISOString(),
    replayed: false,
  };
}
