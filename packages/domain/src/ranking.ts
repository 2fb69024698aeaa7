import { z } from "zod";

import { ratingMetrics, wilsonLowerBound, type TRatingTally, type TWorkOrderTally } from "./metrics";

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

/** The published minimum sample: where no hall's own setting applies (the county's rankings), this one does. */
export const DEFAULT_MIN_SAMPLE = 30;
const HONOUR_LIST_SIZE = 5;

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

/**
 * How a component's value came about: measured from counts, full marks because there was nothing
 * to fall short on (no valid bad review to rectify), or missing (no figure: left out of the score).
 */
export type TComponentBasis = "measured" | "full" | "missing";

export function componentBasis(input: TRankingInput, key: TRankingComponent): TComponentBasis {
  if (key === "workOrders" && input.badReviews === 0) return "full";
  return rankingComponents(input)[key] === null ? "missing" : "measured";
}

export function rankingComponents(input: TRankingInput): Record<TRankingComponent, number | null> {
  return {
    satisfaction: wilsonLowerBound(input.goodRatings, input.validRatings),
    ratedRate: share(input.casesRated, input.casesCompleted),
    onTimeCompletion: share(input.promisedOnTime, input.promisedCompleted),
    // No valid bad review to put right counts as 100 %: left out instead, its weight would go to the
    // other components, all at most 100 %, and a window without bad reviews could rank below one
    // whose bad reviews were all rectified in time.
    workOrders: input.badReviews === 0 ? 1 : share(input.rectifiedOnTime, input.badReviews),
  };
}

/** One component's part in a composite score. */
export interface TWeighedComponent {
  key: TRankingComponent;
  /** share in [0, 1]; null when the component has no figure */
  value: number | null;
  /** the hall's weight, 0–100 */
  weight: number;
  /** the weight after spreading the weights of missing components, 0–100; 0 when left out */
  effectiveWeight: number;
  /** points of the 100-point score: value × effective weight */
  points: number;
}

/** Each component's value, weight after re-spreading and points; an empty list when nothing counts. */
export function weighComponents(
  components: Record<TRankingComponent, number | null>,
  weights: TRankingWeights,
): TWeighedComponent[] {
  const counted = RANKING_COMPONENTS.filter((key) => components[key] !== null && weights[key] > 0);
  const total = counted.reduce((sum, key) => sum + weights[key], 0);
  if (total === 0) return [];
  return RANKING_COMPONENTS.map((key) => {
    const value = components[key];
    const effectiveWeight = counted.includes(key) ? (weights[key] / total) * 100 : 0;
    return { key, value, weight: weights[key], effectiveWeight, points: (value ?? 0) * effectiveWeight };
  });
}

/** The weighted mean of the components present, on a 0–100 scale: the sum of their points. */
export function compositeScore(
  components: Record<TRankingComponent, number | null>,
  weights: TRankingWeights,
): number | null {
  const parts = weighComponents(components, weights);
  return parts.length === 0 ? null : parts.reduce((sum, part) => sum + part.points, 0);
}

/** Ranks entries by composite score (then more ratings, then code); unranked entries follow. */
export function rankEntries(
  inputs: readonly TRankingInput[],
  weights: TRankingWeights,
  minSample = DEFAULT_MIN_SAMPLE,
): TRankedEntry[] {
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
  const unranked = scored
    .filter((entry) => !rankOf.has(entry.input.id))
    .sort((a, b) => a.input.code.localeCompare(b.input.code));
  return [...ranked, ...unranked].map((entry) => ({
    id: entry.input.id,
    rank: rankOf.get(entry.input.id) ?? null,
    score: rankOf.has(entry.input.id) ? entry.score : null,
    components: entry.components,
    eligible: entry.eligible,
  }));
}

/**
 * 红榜 (the top five, best first) and 黑榜 (the bottom five, worst first). With fewer than twice
 * five ranked, each list takes half of them (rounded down), so no window is on both and a single
 * ranked window is on neither.
 */
export function honourLists(
  ranked: readonly TRankedEntry[],
  size = HONOUR_LIST_SIZE,
): { red: number[]; black: number[] } {
  const ordered = ranked.filter((entry) => entry.rank !== null).map((entry) => entry.id);
  const length = Math.min(size, Math.floor(ordered.length / 2));
  return { red: ordered.slice(0, length), black: ordered.slice(ordered.length - length).reverse() };
}

/** The ranked last entry of a period, or null when fewer than two were ranked (no one is last of one). */
function lastRanked(ranked: readonly TRankedEntry[]): number | null {
  const ordered = ranked.filter((entry) => entry.rank !== null);
  return ordered.length < 2 ? null : (ordered[ordered.length - 1]?.id ?? null);
}

/** 末位: last in this month's ranking and in the previous month's, over the same population; always 黑榜's first. */
export function lastTwoMonthsRunning(
  current: readonly TRankedEntry[],
  previous: readonly TRankedEntry[],
): number | null {
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
