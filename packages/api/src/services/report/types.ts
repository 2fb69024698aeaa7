import type { TMetricDefinition, TRankingWeights, TScorePart } from "@hcp/domain";

import type { TRateView } from "../overview";

/**
 * The monthly satisfaction report (SPEC §7) as data: the JSON the console renders, the PDF, XLSX
 * and CSV exports read, and the archive stores. Every figure is already formatted by the domain
 * metric functions (`text`), with the exact num/den kept beside it so an export never re-rounds.
 */
export const MONTHLY_REPORT_FORMAT = 1;

/** A figure this month, the month before and the same month a year earlier. */
export interface TReportComparison {
  key: string;
  /** zh-CN name from METRIC_DEFINITIONS */
  label: string;
  current: TRateView;
  previousMonth: TRateView;
  lastYear: TRateView;
  /** e.g. "+0.12 个百分点", "-3.4%", "—" when a side is undefined */
  changeVsPreviousMonth: string;
  changeVsLastYear: string;
}

export interface TReportCountRow {
  /** stable id of what is counted: a level, a channel code, a reason code, an item id, a work-order state, "none" for no window */
  key: string;
  label: string;
  count: number;
  /**
   * share of the section's total, e.g. "12.50%": of valid ratings (levels, channels), of bad
   * reviews (reasons — a review with two reasons counts under each, so reasons may add up past
   * 100% —, items, windows), of work orders (states), of cases (top items by volume)
   */
  share: string;
}

export interface TReportRankedRow {
  id: number;
  code: string;
  name: string;
  rank: number | null;
  /** composite score, "—" when unranked */
  score: string;
  /** "样本不足" when below the minimum sample */
  note: string;
  casesCompleted: number;
  validRatings: number;
  ratedRate: TRateView;
  goodRate: TRateView;
  onTimeCompletionRate: TRateView;
  badRatings: number;
  workOrderOnTimeRate: TRateView;
  /** 末位: ranked last this month and the month before */
  lastTwoMonthsRunning: boolean;
  /** each component's value, weight and points (empty when unranked); absent in reports archived before definitions 2026.2 */
  breakdown?: TScorePart[];
  /** a 黑榜 entry's shortfalls against its population, in words; null otherwise; absent before 2026.2 */
  pulledDownBy?: string | null;
}

/** Whom 红黑榜 and 末位 were computed over: the hall, or a department head's department. */
export interface TReportPopulation {
  scope: "hall" | "department";
  /** "全厅", or the department's name */
  name: string;
  /** entries that met the minimum sample */
  ranked: number;
}

export interface TReportRanking {
  rows: TReportRankedRow[];
  /** ids of the 红榜 (top five) and 黑榜 (bottom five, worst first) */
  red: number[];
  black: number[];
  minSample: number;
  weights: TRankingWeights;
  /** absent in reports archived before definitions 2026.2 (they ranked the hall) */
  population?: TReportPopulation;
}

/**
 * Month-on-month and year-on-year rows, in this order: casesCompleted (办件量), dailyAverage (日均办件量,
 * per working day), ratings (评价量), ratedRate, goodRate, activeGoodRate, badRate, unratedRate,
 * score (满意度得分, change in 分), onTimeCompletionRate. Counts change by a relative "%", rates by
 * "个百分点" (packages/domain report-change.ts).
 */
export interface TMonthlyReport {
  format: typeof MONTHLY_REPORT_FORMAT;
  hall: { id: number; code: string; name: string };
  /**
   * Whose figures these are: the whole hall (departmentId null, or no scope at all: every archived
   * report), or one department (a department head's live report, never archived).
   */
  scope?: { departmentId: number | null; departmentName: string | null };
  /** yyyy-mm, hall-local */
  month: string;
  period: { from: string; to: string };
  definitionsVersion: string;
  generatedAt: string;
  summary: {
    casesCompleted: number;
    workingDays: number;
    /** working days counted on a year without a confirmed schedule (暂按周末计算), per compared month */
    workingDaysProvisional: { current: boolean; previousMonth: boolean; lastYear: boolean };
    /**
     * on-time figures whose deadlines were counted across a year without a confirmed schedule
     * (暂按周末计算): 按时办结率 per compared month, 按时整改率 (and the rankings' columns) this month
     */
    deadlinesProvisional: { onTimeCompletion: { current: boolean; previousMonth: boolean; lastYear: boolean }; workOrders: boolean };
    calendarDays: number;
    dailyAverage: { perWorkingDay: string; perCalendarDay: string };
    validRatings: number;
    ratings: number;
    badRatings: number;
    /** the rates of SPEC §6 with month-on-month and year-on-year change */
    comparisons: TReportComparison[];
  };
  ratingsByLevel: TReportCountRow[];
  ratingsByChannel: TReportCountRow[];
  windows: TReportRanking;
  departments: TReportRanking;
  badReviews: {
    total: number;
    byReason: TReportCountRow[];
    byItem: TReportCountRow[];
    byWindow: TReportCountRow[];
    workOrderStates: TReportCountRow[];
    /** 差评回复率, 回访整改率, 按时整改率, 回访整改满意率 */
    workOrderRates: { key: string; label: string; value: TRateView }[];
  };
  topItems: { byVolume: TReportCountRow[]; byBadReviews: TReportCountRow[] };
  coverage: {
    casesCompleted: number;
    promptsSent: number;
    promptsTimedOut: number;
    casesRated: number;
    casesRatedByDefault: number;
    casesClosedUnrated: number;
    devices: { registered: number; paired: number };
  };
  definitions: TMetricDefinition[];
}

/** One month (or the whole year) of the yearly summary: the figures of a hall's annual report. */
export interface TYearlyRow {
  /** yyyy-mm, or yyyy for the year's total */
  period: string;
  casesCompleted: number;
  workingDays: number;
  /** counted on a year without a confirmed schedule (暂按周末计算) */
  workingDaysProvisional: boolean;
  /** 日均办件量 per working day */
  dailyAverage: string;
  /** 评价量: active valid first ratings */
  ratings: number;
  validRatings: number;
  /** 好评率 (the hall's "satisfaction") */
  goodRate: TRateView;
  /** 评价率 */
  ratedRate: TRateView;
}

export interface TYearlyReport {
  hall: { id: number; code: string; name: string };
  year: number;
  definitionsVersion: string;
  months: TYearlyRow[];
  total: TYearlyRow;
  /** the newest ready archived version of each month, where there is one */
  archived: { month: string; versionId: number; version: number }[];
}
