import type { TContext } from "../../context-types";
import type { TPrepared } from "./types";

/**
 * After the commit: the evaluator drops the prompt the rating answered, and the hall's live
 * overview re-reads its figures (the event carries no rating data).
 */
export function announceRating(ctx: Pick<TContext, "bus">, written: Extract<TPrepared, { kind: "write" }>): void {
  const { pending, caseRow, windowId, prompt } = written;
  if (prompt?.open && windowId !== null) {
    ctx.bus.publish(windowId, { type: "promptClosed", promptId: prompt.id, status: "rated" });
  }
  ctx.bus.publishHall(caseRow.hall_id, { type: "ratingRecorded", at: pending.now.toISOString() });
}
