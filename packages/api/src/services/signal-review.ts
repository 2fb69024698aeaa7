import { listRatingSignals, markRatingSignalReviewed, type User } from "@hcp/db";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit } from "./audit";
import { SIGNAL_LABELS } from "./signals";

type TManagerContext = TContext & { user: User };

/** The hall's misuse signals, newest first, each named for the reviewer. */
export async function listSignals(ctx: TManagerContext, filter: { reviewed?: boolean | undefined; limit: number }) {
  const rows = await listRatingSignals(ctx.db, {
    hallId: ctx.user.hall_id,
    reviewed: filter.reviewed,
    limit: filter.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    label: SIGNAL_LABELS[row.kind],
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
    windowCode: row.windowCode,
    caseNo: row.caseNo,
    reviewed: row.reviewedAt !== null,
  }));
}

/** Reviewing a signal records who looked and when, with its audit record; nothing else changes. */
export async function reviewSignal(ctx: TManagerContext, id: number): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const reviewed = await markRatingSignalReviewed(trx, {
      id,
      hallId: ctx.user.hall_id,
      reviewedBy: ctx.user.id,
      now,
    });
    if (!reviewed) throw appError("NOT_FOUND", "NOT_FOUND");
    await audit(trx, actorOf(ctx), {
      action: "signal.review",
      entity: "rating_signal",
      entityId: id,
      after: { reviewedBy: ctx.user.id, reviewedAt: now.toISOString() },
    });
  });
}
