import { findCaseByNo, findRatingByIdempotencyKey, findWindow, insertRatingSignals } from "@hcp/db";
import { appErrorMessage, hallDateTimeText, LEVEL_LABELS, type TRefusedRatingReport } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError, isDuplicateKey } from "../errors";

/** What a manager reads: the level, why it was refused, the case and when the citizen tapped. */
function detailOf(report: TRefusedRatingReport): string {
  const reason = appErrorMessage(report.appCode) ?? report.appCode;
  return `${LEVEL_LABELS[report.level]}：${reason}（办件 ${report.caseNo}，评价于 ${hallDateTimeText(new Date(report.ratedAt))}）`;
}

/**
 * An evaluator's report of a rating the server refused for good after the citizen was thanked.
 * It becomes a signal for review at the evaluator's window, once per rating, and only while the
 * rating is indeed not stored (a later retry may have gone through).
 */
export async function reportRefusedRating(
  ctx: TContext,
  device: { id: number; windowId: number },
  report: TRefusedRatingReport,
): Promise<{ recorded: boolean }> {
  if (await findRatingByIdempotencyKey(ctx.db, report.idempotencyKey)) return { recorded: false };
  const window = await findWindow(ctx.db, device.windowId);
  if (!window) throw appError("DEVICE_UNKNOWN", "UNAUTHORIZED");
  const rated = await findCaseByNo(ctx.db, report.caseNo);
  try {
    await insertRatingSignals(ctx.db, [
      {
        hall_id: window.hall_id,
        kind: "refused",
        rating_id: null,
        // Another hall's case is not linked: its number stays in the detail.
        case_id: rated?.hall_id === window.hall_id ? rated.id : null,
        window_id: window.id,
        device_id: device.id,
        detail: detailOf(report),
        created_at: ctx.now(),
        reviewed_by: null,
        reviewed_at: null,
        report_key: report.idempotencyKey,
      },
    ]);
  } catch (error) {
    if (isDuplicateKey(error, "report_key")) return { recorded: false };
    throw error;
  }
  return { recorded: true };
}
