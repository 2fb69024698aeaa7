import { keysOf } from "./keys";
import { LEVEL_SCORES, LEVELS, type TLevel } from "./levels";

/**
 * The metric definitions of SPEC §6. Every screen, report, export and API figure is computed here
 * from counts, so two places can never disagree on a rate. Rates are kept as exact ratios and only
 * rounded when formatted. The version changes whenever a definition's meaning does; archived
 * reports keep the version and the definitions they were computed with. 2026.2: 综合得分 states that
 * a window without valid bad reviews scores 100 % on 按时整改率; 红黑榜 and 末位 are defined per
 * population and never name a window twice.
 */
export const METRIC_DEFINITIONS_VERSION = "2026.2";

export interface TRatio {
  num: number;
  den: number;
}

export type TLevelCounts = Record<TLevel, number>;

export function emptyLevelCounts(): TLevelCounts {
  return { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
}

/** Counts a period's metrics are computed from; ratings are first ratings not excluded. */
export interface TRatingTally {
  casesCompleted: number;
  /** completed cases that have a valid first rating (a default one included) */
  casesRated: number;
  /** completed cases whose valid first rating is a default one */
  casesRatedByDefault: number;
  /** completed cases whose rating window has closed */
  casesClosed: number;
  /** of those, the cases without an active rating: 未评 (a default rating is not the citizen's) */
  casesClosedUnrated: number;
  /** completed 承诺件 */
  promisedCompleted: number;
  /** completed 承诺件 completed by their due date */
  promisedOnTime: number;
  /** receive-to-completion time of the completed cases, summed */
  handlingSeconds: number;
  /** valid first ratings by level, default ratings included */
  byLevel: TLevelCounts;
  /** the default ratings among `byLevel` */
  defaultByLevel: TLevelCounts;
}

export interface TRatingMetrics {
  /** 评价量: first, active, valid ratings */
  ratings: number;
  validRatings: number;
  goodRatings: number;
  badRatings: number;
  /** 评价率 */
  ratedRate: TRatio;
  /** 好评率 / 满意率 */
  goodRate: TRatio;
  /** 主动评价好评率 */
  activeGoodRate: TRatio;
  /** 差评率 */
  badRate: TRatio;
  /** 满意度得分: mean level on the 100-point scale, as total points over ratings */
  score: TRatio;
  /** 未评率: closed rating windows without an active rating */
  unratedRate: TRatio;
  /** 按时办结率: 承诺件 completed by their due date */
  onTimeCompletionRate: TRatio;
  /** mean handling time in seconds, receive to completion */
  meanHandlingSeconds: TRatio;
}

function sumLevels(counts: TLevelCounts, levels: readonly TLevel[] = LEVELS): number {
  return levels.reduce((sum, level) => sum + counts[level], 0);
}

const GOOD: readonly TLevel[] = [5, 4, 3];
const BAD: readonly TLevel[] = [2, 1];

export function ratingMetrics(tally: TRatingTally): TRatingMetrics {
  const validRatings = sumLevels(tally.byLevel);
  const defaults = sumLevels(tally.defaultByLevel);
  const goodRatings = sumLevels(tally.byLevel, GOOD);
  const badRatings = sumLevels(tally.byLevel, BAD);
  const activeGood = goodRatings - sumLevels(tally.defaultByLevel, GOOD);
  const points = LEVELS.reduce((sum, level) => sum + tally.byLevel[level] * LEVEL_SCORES[level], 0);
  return {
    ratings: validRatings - defaults,
    validRatings,
    goodRatings,
    badRatings,
    ratedRate: { num: tally.casesRated, den: tally.casesCompleted },
    goodRate: { num: goodRatings, den: validRatings },
    activeGoodRate: { num: activeGood, den: validRatings - defaults },
    badRate: { num: badRatings, den: validRatings },
    score: { num: points, den: validRatings },
    unratedRate: { num: tally.casesClosedUnrated, den: tally.casesClosed },
    onTimeCompletionRate: { num: tally.promisedOnTime, den: tally.promisedCompleted },
    meanHandlingSeconds: { num: tally.handlingSeconds, den: tally.casesCompleted },
  };
}

/** 日均办件量 over working days (the calendar-day figure is the same call with calendar days). */
export function dailyAverage(cases: number, days: number): TRatio {
  return { num: cases, den: days };
}

/**
 * Round num/den × 10^digits half-up using integers only, so 2/3 = 66.67% exactly as a person
 * doing it by hand would write it, whatever floating point makes of it.
 */
function roundHalfUp(num: number, den: number, digits: number): bigint {
  const scaled = BigInt(num) * 10n ** BigInt(digits) * 2n + BigInt(den);
  return scaled / (2n * BigInt(den));
}

function withDecimals(value: bigint, digits: number): string {
  const text = value.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "99.95%"; "—" when there is nothing to divide by. */
export function formatPercent(ratio: TRatio, digits = 2): string {
  if (ratio.den === 0) return "—";
  return `${withDecimals(roundHalfUp(ratio.num * 100, ratio.den, digits), digits)}%`;
}

/** A plain quotient such as a score or a daily average, e.g. "97.31". */
export function formatQuotient(ratio: TRatio, digits = 2): string {
  if (ratio.den === 0) return "—";
  return withDecimals(roundHalfUp(ratio.num, ratio.den, digits), digits);
}

/**
 * Wilson score interval lower bound (95 % by default): ranks a window with 3 of 3 good ratings
 * below one with 990 of 1,000, as SPEC §6 requires.
 */
export function wilsonLowerBound(good: number, total: number, z = 1.959964): number | null {
  if (total === 0) return null;
  const p = good / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
  return (centre - margin) / (1 + z2 / total);
}

export function emptyTally(): TRatingTally {
  return {
    casesCompleted: 0,
    casesRated: 0,
    casesRatedByDefault: 0,
    casesClosed: 0,
    casesClosedUnrated: 0,
    promisedCompleted: 0,
    promisedOnTime: 0,
    handlingSeconds: 0,
    byLevel: emptyLevelCounts(),
    defaultByLevel: emptyLevelCounts(),
  };
}

const CASE_COUNTS = [
  "casesCompleted",
  "casesRated",
  "casesRatedByDefault",
  "casesClosed",
  "casesClosedUnrated",
  "promisedCompleted",
  "promisedOnTime",
  "handlingSeconds",
] as const;

export function sumTallies(tallies: Iterable<TRatingTally>): TRatingTally {
  const total = emptyTally();
  for (const tally of tallies) {
    for (const count of CASE_COUNTS) total[count] += tally[count];
    for (const level of LEVELS) {
      total.byLevel[level] += tally.byLevel[level];
      total.defaultByLevel[level] += tally.defaultByLevel[level];
    }
  }
  return total;
}

/** Counts behind the 差评整改 rates (SPEC §6), over valid bad reviews of a period. */
export interface TWorkOrderTally {
  badReviews: number;
  replied: number;
  contactedAndRectified: number;
  rectifiedOnTime: number;
  followUps: number;
  goodFollowUps: number;
  open: number;
  overdue: number;
}

export function emptyWorkOrderTally(): TWorkOrderTally {
  return {
    badReviews: 0,
    replied: 0,
    contactedAndRectified: 0,
    rectifiedOnTime: 0,
    followUps: 0,
    goodFollowUps: 0,
    open: 0,
    overdue: 0,
  };
}

/** Work-order counts of several halls (or periods) added up: the county's are its halls' summed. */
export function sumWorkOrderTallies(tallies: Iterable<TWorkOrderTally>): TWorkOrderTally {
  const total = emptyWorkOrderTally();
  for (const tally of tallies) for (const key of keysOf(total)) total[key] += tally[key];
  return total;
}

export interface TWorkOrderMetrics {
  /** 差评回复率 */
  replyRate: TRatio;
  /** 回访整改率 */
  contactRectifyRate: TRatio;
  /** 按时整改率 */
  onTimeRate: TRatio;
  /** 回访整改满意率 */
  followUpSatisfaction: TRatio;
}

export function workOrderMetrics(tally: TWorkOrderTally): TWorkOrderMetrics {
  return {
    replyRate: { num: tally.replied, den: tally.badReviews },
    contactRectifyRate: { num: tally.contactedAndRectified, den: tally.badReviews },
    onTimeRate: { num: tally.rectifiedOnTime, den: tally.badReviews },
    followUpSatisfaction: { num: tally.goodFollowUps, den: tally.followUps },
  };
}
