import {
  applyWorkOrderStep,
  closePromptsOfCases,
  findWorkOrderOfCase,
  insertRating,
  insertRatingReasons,
  insertRatings,
  type Db,
} from "@hcp/db";
import { isBadLevel } from "@hcp/domain";

import { appError } from "../../errors";
import { ratingsIngested } from "../../metrics";
import { audit, systemActor } from "../audit";
import { flagMisuseBatch, idsAndMisuse } from "../signals";
import { openWorkOrder } from "../work-orders";
import type { TPendingRating } from "./types";

async function closeOnFollowUp(trx: Db, caseId: number, now: Date): Promise<void> {
  const order = await findWorkOrderOfCase(trx, caseId);
  if (order?.state !== "replied" || !order) return;
  const closed = await applyWorkOrderStep(trx, {
    id: order.id,
    version: order.version,
    changes: { state: "closed", closed_at: now },
    event: {
      action: "followUp",
      actorUserId: null,
      actorRole: "citizen",
      fromState: order.state,
      toState: "closed",
      note: "",
      now,
    },
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

/** What a rating's transaction holds besides rating, reasons and signals: work orders and prompts. */
async function settle(trx: Db, pending: TPendingRating[], ratingIds: number[]): Promise<void> {
  for (const [index, item] of pending.entries()) {
    const ratingId = ratingIds[index] ?? 0;
    // A bad rating (first or follow-up) opens its own order; 追评 settles the one it follows.
    if (item.row.seq === 2) await closeOnFollowUp(trx, item.row.case_id, item.now);
    if (isBadLevel(item.row.level)) {
      await openWorkOrder(
        trx,
        {
          id: ratingId,
          case_id: item.row.case_id,
          hall_id: item.row.hall_id,
          department_id: item.row.department_id,
          window_id: item.row.window_id,
          staff_id: item.row.staff_id,
        },
        item.now,
      );
    }
  }
  const closing = pending.filter((item) => item.closePrompts);
  const closedAt = closing.reduce<Date | null>(
    (latest, item) => (latest && latest > item.now ? latest : item.now),
    null,
  );
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
  return {
    rating: item.row,
    deviceId: item.deviceId,
    promptCreatedAt: item.promptCreatedAt,
    now: item.now,
    preFlagged: item.preFlagged,
  };
}

/** One rating in its own transaction, through insertRating: the path every rating can take. */
export async function writeOne(db: Db, item: TPendingRating): Promise<number> {
  const ratingId = await insertRating(db, item.row, item.reasonCodes, async (trx, id) => {
    await settle(trx, [item], [id]);
    // In the rating's transaction: a signal is stored exactly when its rating is, never lost.
    await flagMisuseBatch(trx, [{ ...signalCandidate(item), rating: { ...item.row, id } }]);
  });
  ratingsIngested.inc({ channel: item.row.channel });
  return ratingId;
}

/**
 * Ratings that arrived together, in one transaction: one multi-row insert per table and one
 * commit (one log flush) for all. It writes what `insertRating` and `writeOne` write for each.
 * A batch that fails for any reason (a unique key, a lock wait) is rolled back and every rating
 * in it retried alone by the batcher, so each gets its own answer.
 */
export async function writeMany(db: Db, items: TPendingRating[]): Promise<number[]> {
  if (items.length === 1 && items[0]) return [await writeOne(db, items[0])];
  const ids = await db.transaction().execute(async (trx) => {
    await insertRatings(
      trx,
      items.map((item) => item.row),
    );
    // The ids come back with the windows' recent ratings the misuse rules read: one round trip.
    const ratingIds = await idsAndMisuse(trx, items.map(signalCandidate));
    const reasons = items.flatMap((item, index) =>
      item.reasonCodes.map((code) => ({ rating_id: ratingIds[index] ?? 0, reason_code: code })),
    );
    await insertRatingReasons(trx, reasons);
    await settle(trx, items, ratingIds);
    return ratingIds;
  });
  // Counted once committed: a batch rolled back is retried one by one and counted there.
  for (const item of items) ratingsIngested.inc({ channel: item.row.channel });
  return ids;
}
