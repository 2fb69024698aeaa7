import { z } from "zod";

import { ratingMetrics, wilsonLowerBound } from "./metrics";
import type { TRatingTally, TWorkOrderTally } from "./metrics";

/**
 * Window ranking (SPEC §6): a composite score from weighted components, each a share in [0, 1].
 * Satisfaction enters as the Wilson lower bound, so a window with three perfect ratings cannot top
 * the list; a window below the minimum sample is listed but not ranked.
 */
export const RANKING_COMPONENTS = ["satisfaction", "ratedRate", "onTimeCompletion", "workOrders"] as const;
export type TRankingComponent = (typeof RANKING_COMPONENTS)[number];

export const RANKING_COMPONENT_LABELS: Record<TRankingComponent, string> = {
  satisfaction: "满意度（好评率威尔逊下界）",
  ratedRate: "评价率",
  onTimeCompletion: "按时办结率",
  workOrders: "按时整改率",
};

export const ZRankingWeights = z
  .object({
    satisfaction: z.number().int().min(0).max(100),
    ratedRate: z.number().int().min(0).max(100),
    onTimeCompletion: z.number().int().min(0).max(100),
    workOrders: z.number().int().min(0).max(100),
  })
  .refine((weights) => RANKING_COMPONENTS.reduce((sum, key) => sum + weights[key], 0) === 100, {
    message: "各项权重之和必须为 100",
  });
export type TRankingWeights = z.infer<typeof ZRankingWeights>;

export const DEFAULT_RANKING_WEIGHTS: TRankingWeights = {
  satisfaction: 60,
  ratedRate: 20,
  onTimeCompletion: 10,
  workOrders: 10,
};

export const DEFAULT_MIN_SAMPLE = 30;
export const HONOUR_LIST_SIZE = 5;

export interface TRankingInput {
  id: number;
  /** sorts ties after score and sample size, so the order is stable */
  code: string;
  goodRatings: number;
  validRatings: number;
  casesRated: number;
  casesCompleted: number;
  promisedOnTime: number;
  promisedCompleted: number;
  /** valid bad reviews and how many of them were rectified by their deadline */
  badReviews: number;
  rectifiedOnTime: number;
}

/** A window's or department's ranking input from its period tally and its work-order counts. */
export function rankingInputOf(id: number, code: string, tally: TRatingTally, orders: TWorkOrderTally): TRankingInput {
  const metrics = ratingMetrics(tally);
  return {
    id,
    code,
    goodRatings: metrics.goodRatings,
    validRatings: metrics.validRatings,
    casesRated: tally.casesRated,
    casesCompleted: tally.casesCompleted,
    promisedOnTime: tally.promisedOnTime,
    promisedCompleted: tally.promisedCompleted,
    badReviews: orders.badReviews,
    rectifiedOnTime: orders.rectifiedOnTime,
  };
}

export interface TRankedEntry {
  id: number;
  /** 1-based; null when the sample is below the minimum */
  rank: number | null;
  /** 0–100 with weights re-spread over the components the window has data for; null when unranked */
  score: number | null;
  components: Record<TRankingComponent, number | null>;
  eligible: boolean;
}

function share(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function rankingComponents(input: TRankingInput): Record<TRankingComponent, number | null> {
  return {
    satisfaction: wilsonLowerBound(input.goodRatings, input.validRatings),
    ratedRate: share(input.casesRated, input.casesCompleted),
    onTimeCompletion: share(input.promisedOnTime, input.promisedCompleted),
    // No bad review to put right is a perfect record, not a missing one.
    workOrders: input.badReviews === 0 ? 1 : share(input.rectifiedOnTime, input.badReviews),
  };
}

/** The weighted mean of the components present, on a 0–100 scale. */
export function compositeScore(components: Record<TRankingComponent, number | null>, weights: TRankingWeights): number | null {
  let weighted = 0;
  let total = 0;
  for (const key of RANKING_COMPONENTS) {
    const value = components[key];
    if (value === null || weights[key] === 0) continue;
    weighted += value * weights[key];
    total += weights[key];
  }
  return total === 0 ? null : (weighted / total) * 100;
}

/** Ranks entries by composite score (then more ratings, then code); unranked entries follow. */
export function rankEntries(inputs: readonly TRankingInput[], weights: TRankingWeights, minSample = DEFAULT_MIN_SAMPLE): TRankedEntry[] {
  const scored = inputs.map((input) => {
    const components = rankingComponents(input);
    const eligible = input.validRatings >= minSample;
    return { input, components, eligible, score: eligible ? compositeScore(components, weights) : null };
  });
  const ranked = scored
    .filter((entry) => entry.eligible && entry.score !== null)
    .sort(
      (a, b) =>
        (b.score ?? 0) - (a.score ?? 0) ||
        b.input.validRatings - a.input.validRatings ||
        a.input.code.localeCompare(b.input.code),
    );
  const rankOf = new Map(ranked.map((entry, index) => [entry.input.id, index + 1]));
  const unranked = scored.filter((entry) => !rankOf.has(entry.input.id)).sort((a, b) => a.input.code.localeCompare(b.input.code));
  return [...ranked, ...unranked].map((entry) => ({
    id: entry.input.id,
    rank: rankOf.get(entry.input.id) ?? null,
    score: rankOf.has(entry.input.id) ? entry.score : null,
    components: entry.components,
    eligible: entry.eligible,
  }));
}

/** 红榜 (top five) and 黑榜 (bottom five, worst first, never repeating a window on the 红榜). */
export function honourLists(ranked: readonly TRankedEntry[], size = HONOUR_LIST_SIZE): { red: number[]; black: number[] } {
  const ordered = ranked.filter((entry) => entry.rank !== null);
  const red = ordered.slice(0, size).map((entry) => entry.id);
  const black = ordered
    .slice(Math.max(size, ordered.length - size))
    .reverse()
    .map((entry) => entry.id);
  return { red, black };
}

/** The ranked last entry of a period, or null when nothing was ranked. */
export function lastRanked(ranked: readonly TRankedEntry[]): number | null {
  const ordered = ranked.filter((entry) => entry.rank !== null);
  return ordered.length === 0 ? null : (ordered[ordered.length - 1]?.id ?? null);
}

/** 末位: last in this month's ranking and in the previous month's. */
export function lastTwoMonthsRunning(current: readonly TRankedEntry[], previous: readonly TRankedEntry[]): number | null {
  const last = lastRanked(current);
  return last !== null && last === lastRanked(previous) ? last : null;
}

export function parseRankingWeights(stored: string): TRankingWeights {
  if (stored.trim() === "") return DEFAULT_RANKING_WEIGHTS;
  try {
    const parsed = ZRankingWeights.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_RANKING_WEIGHTS;
  } catch {
    // Only the settings procedure writes this column, through the same schema; a hand-edited
    // value that no longer parses falls back to the published defaults rather than failing reports.
    return DEFAULT_RANKING_WEIGHTS;
  }
}
