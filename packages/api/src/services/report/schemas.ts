import { z } from "zod";

import { METRIC_KEYS } from "@hcp/domain";

import { ZRankingPopulation, ZRateView, ZScorePart } from "../../schemas";
import { ZReportMonth } from "./month";

/**
 * Inputs and output shapes of the report procedures: they validate what leaves the server and
 * generate the REST contract (GET /api/v1/reports/…) business systems read, and the report's types
 * (types.ts) are inferred from them. Times are ISO strings.
 */
const ZHallId = z.coerce.number().int().positive().optional();

/** The version of the report's JSON shape, stored with every archived report. */
export const MONTHLY_REPORT_FORMAT = 1;

export const ZMonthlyReportInput = z.object({
  /** the caller's own hall when omitted */
  hallId: ZHallId,
  month: ZReportMonth,
});

export const ZReportVersionInput = z.object({ id: z.coerce.number().int().positive() });

export const ZYearlyReportInput = z.object({
  hallId: ZHallId,
  year: z.coerce
    .number()
    .int()
    .min(2000, { error: "年份应在 2000 年至 2100 年之间" })
    .max(2100, { error: "年份应在 2000 年至 2100 年之间" }),
});

export const ZReportCountRow = z.object({
  /** stable id of what is counted: a level, a channel code, a reason code, an item id, a work-order state, "none" for no window */
  key: z.string(),
  label: z.string(),
  count: z.number(),
  /**
   * share of the section's total, e.g. "12.50%": of valid ratings (levels, channels), of bad
   * reviews (reasons — a review with two reasons counts under each, so reasons may add up past
   * 100% —, items, windows), of work orders (states), of cases (top items by volume)
   */
  share: z.string(),
});

/** A figure this month, the month before and the same month a year earlier. */
export const ZReportComparison = z.object({
  key: z.string(),
  /** zh-CN name from METRIC_DEFINITIONS */
  label: z.string(),
  current: ZRateView,
  previousMonth: ZRateView,
  lastYear: ZRateView,
  /** e.g. "+0.12 个百分点", "-3.4%", "—" when a side is undefined */
  changeVsPreviousMonth: z.string(),
  changeVsLastYear: z.string(),
});

export const ZReportRankedRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  rank: z.number().nullable(),
  /** composite score, "—" when unranked */
  score: z.string(),
  /** "样本不足" when below the minimum sample */
  note: z.string(),
  casesCompleted: z.number(),
  validRatings: z.number(),
  ratedRate: ZRateView,
  goodRate: ZRateView,
  onTimeCompletionRate: ZRateView,
  badRatings: z.number(),
  workOrderOnTimeRate: ZRateView,
  /** 末位: ranked last this month and the month before */
  lastTwoMonthsRunning: z.boolean(),
  /** each component's value, weight and points (empty when unranked); absent in reports archived before definitions 2026.2 */
  breakdown: z.array(ZScorePart).optional(),
  /** a 黑榜 entry's shortfalls against its population, in words; null otherwise; absent before 2026.2 */
  pulledDownBy: z.string().nullable().optional(),
});

export const ZReportRanking = z.object({
  rows: z.array(ZReportRankedRow),
  /** ids of the 红榜 (top five) and 黑榜 (bottom five, worst first) */
  red: z.array(z.number()),
  black: z.array(z.number()),
  minSample: z.number(),
  weights: z.object({
    satisfaction: z.number(),
    ratedRate: z.number(),
    onTimeCompletion: z.number(),
    workOrders: z.number(),
  }),
  /** whom 红黑榜 and 末位 were computed over; absent in reports archived before definitions 2026.2 (they ranked the hall) */
  population: ZRankingPopulation.optional(),
});

const ZHall = z.object({ id: z.number(), code: z.string(), name: z.string() });

/**
 * The monthly satisfaction report (SPEC §7). `comparisons` are, in this order: casesCompleted (办件量),
 * dailyAverage (日均办件量, per working day), ratings (评价量), ratedRate, goodRate, activeGoodRate,
 * badRate, unratedRate, score (满意度得分, change in 分), onTimeCompletionRate. Counts change by a
 * relative "%", rates by "个百分点" (packages/domain report-change.ts).
 */
export const ZMonthlyReport = z.object({
  format: z.literal(MONTHLY_REPORT_FORMAT),
  hall: ZHall,
  /**
   * Whose figures these are: the whole hall (departmentId null, or no scope at all: every archived
   * report), or one department (a department head's live report, never archived).
   */
  scope: z.object({ departmentId: z.number().nullable(), departmentName: z.string().nullable() }).optional(),
  /** yyyy-mm, hall-local */
  month: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  generatedAt: z.string(),
  summary: z.object({
    casesCompleted: z.number(),
    workingDays: z.number(),
    // Archived before the calendar knew confirmed years: those were counted on confirmed notices.
    workingDaysProvisional: z
      .object({ current: z.boolean(), previousMonth: z.boolean(), lastYear: z.boolean() })
      .default({ current: false, previousMonth: false, lastYear: false }),
    // Archived before on-time figures were marked: those were counted on confirmed notices too.
    deadlinesProvisional: z
      .object({
        onTimeCompletion: z.object({ current: z.boolean(), previousMonth: z.boolean(), lastYear: z.boolean() }),
        workOrders: z.boolean(),
      })
      .default({ onTimeCompletion: { current: false, previousMonth: false, lastYear: false }, workOrders: false }),
    calendarDays: z.number(),
    dailyAverage: z.object({ perWorkingDay: z.string(), perCalendarDay: z.string() }),
    validRatings: z.number(),
    ratings: z.number(),
    badRatings: z.number(),
    /** the rates of SPEC §6 with month-on-month and year-on-year change */
    comparisons: z.array(ZReportComparison),
  }),
  ratingsByLevel: z.array(ZReportCountRow),
  ratingsByChannel: z.array(ZReportCountRow),
  windows: ZReportRanking,
  departments: ZReportRanking,
  badReviews: z.object({
    total: z.number(),
    byReason: z.array(ZReportCountRow),
    byItem: z.array(ZReportCountRow),
    byWindow: z.array(ZReportCountRow),
    workOrderStates: z.array(ZReportCountRow),
    /** 差评回复率, 回访整改率, 按时整改率, 回访整改满意率 */
    workOrderRates: z.array(z.object({ key: z.string(), label: z.string(), value: ZRateView })),
  }),
  topItems: z.object({ byVolume: z.array(ZReportCountRow), byBadReviews: z.array(ZReportCountRow) }),
  coverage: z.object({
    casesCompleted: z.number(),
    promptsSent: z.number(),
    promptsTimedOut: z.number(),
    casesRated: z.number(),
    casesRatedByDefault: z.number(),
    casesClosedUnrated: z.number(),
    devices: z.object({ registered: z.number(), paired: z.number() }),
  }),
  definitions: z.array(z.object({ key: z.enum(METRIC_KEYS), name: z.string(), definition: z.string() })),
});

export const ZMonthlyReportView = z.object({
  source: z.enum(["archive", "live"]),
  versionId: z.number().nullable(),
  version: z.number().nullable(),
  /** an archived version says 暂按周末计算 where every year it rests on is confirmed now: 重新生成 recounts it */
  recountable: z.boolean(),
  report: ZMonthlyReport,
});

export const ZReportVersionRow = z.object({
  id: z.number(),
  hallId: z.number(),
  month: z.string(),
  version: z.number(),
  definitionsVersion: z.string(),
  status: z.enum(["generating", "ready", "failed"]),
  progress: z.number(),
  error: z.string(),
  /** null when the scheduler generated it */
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ZReportVersion = ZReportVersionRow.extend({ report: ZMonthlyReport.nullable() });

/** One month (or the whole year) of the yearly summary: the figures of a hall's annual report. */
export const ZYearlyRow = z.object({
  /** yyyy-mm, or yyyy for the year's total */
  period: z.string(),
  casesCompleted: z.number(),
  workingDays: z.number(),
  /** counted on a year without a confirmed schedule (暂按周末计算) */
  workingDaysProvisional: z.boolean(),
  /** 日均办件量 per working day */
  dailyAverage: z.string(),
  /** 评价量: active valid first ratings */
  ratings: z.number(),
  validRatings: z.number(),
  /** 好评率 (the hall's "satisfaction") */
  goodRate: ZRateView,
  /** 评价率 */
  ratedRate: ZRateView,
});

export const ZYearlyReport = z.object({
  hall: ZHall,
  year: z.number(),
  definitionsVersion: z.string(),
  months: z.array(ZYearlyRow),
  total: ZYearlyRow,
  /** the newest ready archived version of each month, where there is one */
  archived: z.array(z.object({ month: z.string(), versionId: z.number(), version: z.number() })),
});
