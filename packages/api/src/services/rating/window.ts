import { findHallById, type Case } from "@hcp/db";
import { RATING_RULE_LIMITS } from "@hcp/domain";

import type { TContext } from "../../context-types";

const DAY_MS = 86_400_000;

/** The end of the rating window opened at `opensAt` (completion, or the reply for a 追评). */
export async function ratingDeadlineOf(
  ctx: Pick<TContext, "db">,
  row: Case,
  opensAt: Date | null = row.completed_at,
): Promise<Date | null> {
  if (!opensAt) return null;
  const hall = await findHallById(ctx.db, row.hall_id);
  return new Date(
    opensAt.getTime() + (hall?.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback) * DAY_MS,
  );
}
