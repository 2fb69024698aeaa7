import { sql } from "kysely";

import { DEFAULT_RATING_LEVELS, RATING_RULE_LIMITS, type TLevel, type TRatingRules } from "@hcp/domain";

import type { Db } from "../client";
import type { Hall } from "../schema";
import { insertAudit } from "./audit";
import { findHallById, lockHall } from "./catalog";

type TDefaultLevel = TRatingRules["defaultRating"]["level"];

function isDefaultLevel(stored: TLevel): stored is TDefaultLevel {
  return (DEFAULT_RATING_LEVELS as readonly TLevel[]).includes(stored);
}

function defaultLevelOf(stored: TLevel): TDefaultLevel {
  // A level outside the allowed ones can only come from a hand edit: show the documented default.
  return isDefaultLevel(stored) ? stored : 3;
}

/** A hall's rating rules as the console edits them. */
export function ratingRulesOf(hall: Hall | undefined): TRatingRules {
  return {
    ratingWindowDays: hall?.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback,
    promptTimeoutSeconds: hall?.prompt_timeout_seconds ?? RATING_RULE_LIMITS.promptTimeoutSeconds.fallback,
    defaultRating: {
      enabled: hall?.default_rating_enabled ?? false,
      level: defaultLevelOf(hall?.default_rating_level ?? 3),
    },
  };
}

export interface TRulesChangeBy {
  actorUserId: number;
  actorRole: string;
  now: Date;
}

/**
 * Changes a hall's rating rules and records the change with what they were, in the caller's
 * transaction. The default rating counts from the moment it is switched on, keeps that start while
 * it stays on, and loses it when switched off.
 */
export async function changeHallRatingRules(
  trx: Db,
  hallId: number,
  rules: TRatingRules,
  by: TRulesChangeBy,
): Promise<void> {
  // The hall row locked first: two managers saving at once each record what the other left.
  await lockHall(trx, hallId);
  const hall = await findHallById(trx, hallId);
  await trx
    .updateTable("hall")
    .set({
      rating_window_days: rules.ratingWindowDays,
      prompt_timeout_seconds: rules.promptTimeoutSeconds,
      default_rating_enabled: rules.defaultRating.enabled,
      default_rating_level: rules.defaultRating.level,
      default_rating_from: rules.defaultRating.enabled ? sql<Date>`coalesce(default_rating_from, ${by.now})` : null,
    })
    .where("id", "=", hallId)
    .execute();
  await insertAudit(trx, {
    actorUserId: by.actorUserId,
    actorRole: by.actorRole,
    now: by.now,
    action: "hall.updateRatingRules",
    entity: "hall",
    entityId: hallId,
    before: ratingRulesOf(hall),
    after: rules,
  });
}
