import { KIOSK_CHANNEL } from "@hcp/domain";

import type { Db } from "../client";
import { findCurrentReasonVersion } from "./rating";

const DAY_MS = 86_400_000;
const BATCH = 1_000;

/** A stable key per case, so running the job twice can never make two default ratings. */
function defaultRatingKey(caseId: number): string {
  return `00000000-0000-5000-8000-${caseId.toString(16).padStart(12, "0")}`;
}

/**
 * The provincial default rating (SPEC §3), only for halls that switch it on: a case completed
 * since the rule took effect whose rating window closed unrated gets a rating flagged
 * `is_default`. Metrics count it as valid but never as an active rating. The hourly housekeeping
 * runs it for every hall; the demo seed runs it for its hall once, at the end of its simulated
 * days. Returns how many were written.
 */
export async function applyDefaultRatings(db: Db, now: Date, only: { hallId?: number } = {}): Promise<number> {
  let hallQuery = db
    .selectFrom("hall")
    .select(["id", "rating_window_days", "default_rating_level", "default_rating_from"])
    .where("default_rating_enabled", "=", true)
    .where("default_rating_from", "is not", null);
  if (only.hallId !== undefined) hallQuery = hallQuery.where("id", "=", only.hallId);
  const halls = await hallQuery.execute();
  if (halls.length === 0) return 0;
  const reasonVersion = await findCurrentReasonVersion(db);
  let written = 0;
  for (const hall of halls) {
    const closedBefore = new Date(now.getTime() - hall.rating_window_days * DAY_MS);
    for (;;) {
      const cases = await db
        .selectFrom("case")
        .leftJoin("rating", (join) => join.onRef("rating.case_id", "=", "case.id").on("rating.seq", "=", 1))
        .select([
          "case.id",
          "case.completed_at",
          "case.department_id",
          "case.service_item_id",
          "case.window_id",
          "case.staff_id",
        ])
        .where("case.hall_id", "=", hall.id)
        .where("case.status", "=", "completed")
        // A rule applies from its start: the unrated cases before it stay 未评.
        .where("case.completed_at", ">=", hall.default_rating_from ?? now)
        .where("case.completed_at", "<", closedBefore)
        .where("rating.id", "is", null)
        .orderBy("case.id")
        .limit(BATCH)
        .execute();
      if (cases.length === 0) break;
      const result = await db
        .insertInto("rating")
        .values(
          cases.map((row) => ({
            case_id: row.id,
            seq: 1,
            level: hall.default_rating_level,
            channel: row.window_id === null ? 1 : KIOSK_CHANNEL,
            is_default: true,
            comment: "",
            reason_version: reasonVersion,
            hall_id: hall.id,
            department_id: row.department_id,
            service_item_id: row.service_item_id,
            window_id: row.window_id,
            staff_id: row.staff_id,
            prompt_id: null,
            idempotency_key: defaultRatingKey(row.id),
            // The moment the window closed: that is when the default took effect.
            rated_at: new Date((row.completed_at ?? now).getTime() + hall.rating_window_days * DAY_MS),
            received_at: now,
          })),
        )
        // A citizen who rated in the same instant wins: their row stands, ours is skipped.
        .ignore()
        .executeTakeFirst();
      written += Number(result.numInsertedOrUpdatedRows ?? 0n);
      if (cases.length < BATCH) break;
    }
  }
  return written;
}
