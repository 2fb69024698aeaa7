import { findHallById, lockHall, updateHallRatingRules } from "@hcp/db";
import { DEFAULT_RATING_LEVELS, RATING_RULE_LIMITS } from "@hcp/domain";
import type { TRatingRules } from "@hcp/domain";

import { audit } from "./audit";
import type { TUserContext } from "./overview";

type TDefaultLevel = TRatingRules["defaultRating"]["level"];

function defaultLevelOf(stored: number): TDefaultLevel {
  // A level outside the allowed ones can only come from a hand edit: show the documented default.
  return (DEFAULT_RATING_LEVELS as readonly number[]).includes(stored) ? (stored as TDefaultLevel) : 3;
}

/** The hall's rating rules as the console edits them. */
export async function ratingRules(ctx: TUserContext): Promise<TRatingRules> {
  const hall = await findHallById(ctx.db, ctx.user.hall_id);
  return {
    ratingWindowDays: hall?.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback,
    promptTimeoutSeconds: hall?.prompt_timeout_seconds ?? RATING_RULE_LIMITS.promptTimeoutSeconds.fallback,
    defaultRating: { enabled: hall?.default_rating_enabled ?? false, level: defaultLevelOf(hall?.default_rating_level ?? 3) },
  };
}

/**
 * Changes the hall's rules, recorded with what they were. They apply at once: every case not yet
 * rated is judged by the new window from its completion (receipts already printed keep their old
 * date), the evaluators read their timeout on reconnect, and the hourly housekeeping writes default
 * ratings under the rule then in force.
 */
export async function updateRatingRules(ctx: TUserContext, rules: TRatingRules): Promise<TRatingRules> {
  await ctx.db.transaction().execute(async (trx) => {
    // The hall row locked first: two managers saving at once each record what the other left.
    await lockHall(trx, ctx.user.hall_id);
    const before = await ratingRules({ ...ctx, db: trx });
    await updateHallRatingRules(trx, ctx.user.hall_id, {
      rating_window_days: rules.ratingWindowDays,
      prompt_timeout_seconds: rules.promptTimeoutSeconds,
      default_rating_enabled: rules.defaultRating.enabled,
      default_rating_level: rules.defaultRating.level,
    }, ctx.now());
    await audit(trx, ctx, { action: "hall.updateRatingRules", entity: "hall", entityId: ctx.user.hall_id, before, after: rules });
  });
  return ratingRules(ctx);
}
