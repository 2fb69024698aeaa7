import { changeHallRatingRules, findHallById, ratingRulesOf } from "@hcp/db";
import type { TRatingRules } from "@hcp/domain";

import type { TUserContext } from "../overview";

/** The hall's rating rules as the console edits them. */
export async function ratingRules(ctx: TUserContext): Promise<TRatingRules> {
  return ratingRulesOf(await findHallById(ctx.db, ctx.user.hall_id));
}

/**
 * Changes the hall's rules, recorded with what they were. They apply at once: every case not yet
 * rated is judged by the new window from its completion (receipts already printed keep their old
 * date), the evaluators read their timeout on reconnect, and the hourly housekeeping writes default
 * ratings under the rule then in force, for cases completed since it was switched on.
 */
export async function updateRatingRules(ctx: TUserContext, rules: TRatingRules): Promise<TRatingRules> {
  await ctx.db.transaction().execute((trx) =>
    changeHallRatingRules(trx, ctx.user.hall_id, rules, {
      actorUserId: ctx.user.id,
      actorRole: ctx.user.role,
      now: ctx.now(),
    }),
  );
  return ratingRules(ctx);
}
