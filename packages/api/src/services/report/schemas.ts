import { z } from "zod";

import { METRIC_KEYS } from "@hcp/domain";

import { ZRankingPopulation, ZRateView, ZScorePart } from "../../schemas";
import { ZReportMonth } from "./month";

/**
 * Inputs and output shapes of the report procedures: they validate what leaves the server and
 * generate the REST contract (GET /api/v1/reports/…) business systems read. Times are ISO strings.
 */
const ZHallId = z.coerce.number().int().positive().optional();

export const ZMonthlyReportInput = z.object({
  /** the caller's own hall when omitted */
  hallId: ZHallId,
  month: ZReportMonth,
});

export const ZReportVersionInput = z.object({ id: z.coerce.number().int().positive() });

export const ZYearlyReportInput = z.object({
  hallId: ZHallId,
  year: z.coerce.number().int().min(2000, { error: "年份应在 2000 年至 2100 年之间" }).max(2100, { error: "年份应在 2000 年至 2100 年之间" }),
});

const ZCountRow = z.object({ key: z.string(), label: z.string(), count: z.number(), share: z.string() });

const ZComparison = z.object({
  key: z.string(),
  label: z.string(),
  current: ZRateView,
  previousMonth: ZRateView,
  lastYear: ZRateView,
  changeVsPreviousMonth: z.string(),
  changeVsLastYear: z.string(),
});

const ZRankedRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  rank: z.number().nullable(),
  score: z.string(),
  note: z.string(),
  casesCompleted: z.number(),
  validRatings: z.number(),
  ratedRate: ZRateView,
  goodRate: ZRateView,
  onTimeCompletionRate: ZRateView,
  badRatings: z.number(),
  workOrderOnTimeRate: ZRateView,
  lastTwoMonthsRunning: z.boolean(),
  breakdown: z.array(ZScorePart).optional(),
  pulledDownBy: z.string().nullable().optional(),
});

const ZRanking = z.object({
  rows: z.array(ZRankedRow),
  red: z.array(z.number()),
  black: z.array(z.number()),
  minSample: z.number(),
  weights: z.object({ satisfaction: z.number(), ratedRate: z.number(), onTimeCompletion: z.number(), workOrders: z.number() }),
  population: ZRankingPopulation.optional(),
});

const ZHall = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const ZMonthlyReport = z.object({
  format: z.literal(1),
  hall: ZHall,
  scope: z.object({ departmentId: z.number().nullable(), departmentName: z.string().nullable() }).optional(),
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
      .object({ onTimeCompletion: z.object({ current: z.boolean(), previousMonth: z.boolean(), lastYear: z.boolean() }), workOrders: z.boolean() })
      .default({ onTimeCompletion: { current: false, previousMonth: false, lastYear: false }, workOrders: false }),
    calendarDays: z.number(),
    dailyAverage: z.object({ perWorkingDay: z.string(), perCalendarDay: z.string() }),
    validRatings: z.number(),
    ratings: z.number(),
    badRatings: z.number(),
    comparisons: z.array(ZComparison),
  }),
  ratingsByLevel: z.array(ZCountRow),
  ratingsByChannel: z.array(ZCountRow),
  windows: ZRanking,
  departments: ZRanking,
  badReviews: z.object({
    total: z.number(),
    byReason: z.array(ZCountRow),
    byItem: z.array(ZCountRow),
    byWindow: z.array(ZCountRow),
    workOrderStates: z.array(ZCountRow),
    workOrderRates: z.array(z.object({ key: z.string(), label: z.string(), value: ZRateView })),
  }),
  topItems: z.object({ byVolume: z.array(ZCountRow), byBadReviews: z.array(ZCountRow) }),
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

const ZYearlyRow = z.object({
  period: z.string(),
  casesCompleted: z.number(),
  workingDays: z.number(),
  workingDaysProvisional: z.boolean(),
  dailyAverage: z.string(),
  ratings: z.number(),
  validRatings: z.number(),
  goodRate: ZRateView,
  ratedRate: ZRateView,
});

export const ZYearlyReport = z.object({
  hall: ZHall,
  year: z.number(),
  definitionsVersion: z.string(),
  months: z.array(ZYearlyRow),
  total: ZYearlyRow,
  archived: z.array(z.object({ month: z.string(), versionId: z.number(), version: z.number() })),
});
