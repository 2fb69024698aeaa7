import { hallDayBounds } from "@hcp/domain";

import type { Db } from "../client";
import { findHallById } from "../repositories/catalog";
import { applyDefaultRatings } from "../repositories/default-rating";
import { changeHallRatingRules, ratingRulesOf } from "../repositories/rating-rules";
import { recentPeriodStart } from "./simulation";

/**
 * The demo hall's province requires a default rating from the first of last month on: the hall
 * manager switches it on at that moment (an audited rules change, as on 评价规则), and the
 * housekeeping's own default-rating run over the loaded days then gives each case completed since
 * whose rating window has closed unrated its 基本满意 default, flagged `is_default`. 2023 keeps no
 * default: the rule never reaches back before its start. Returns how many were written.
 */
export async function switchOnDemoDefaultRatings(
  trx: Db,
  hallId: number,
  managerUserId: number,
  now: Date,
): Promise<number> {
  const switchedOnAt = hallDayBounds(recentPeriodStart(now)).start;
  const rules = ratingRulesOf(await findHallById(trx, hallId));
  await changeHallRatingRules(
    trx,
    hallId,
    { ...rules, defaultRating: { enabled: true, level: 3 } },
    {
      actorUserId: managerUserId,
      actorRole: "hall_manager",
      now: switchedOnAt,
    },
  );
  return applyDefaultRatings(trx, now, { hallId });
}
