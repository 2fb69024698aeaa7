import { provinceReconciliation, type User } from "@hcp/db";
import { hallDayBounds, type TPeriod } from "@hcp/domain";

import type { TContext } from "../context-types";

/** The provincial export per hall day of the period: queued, sent, accepted, rejected (parked) and pending. */
export function reconciliation(ctx: TContext & { user: User }, period: TPeriod) {
  const bounds = hallDayBounds(period.from, period.to);
  return provinceReconciliation(ctx.db, ctx.user.hall_id, bounds.start, bounds.end);
}
