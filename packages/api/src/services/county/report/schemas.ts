import { z } from "zod";

import { HALL_KIND_KEYS, METRIC_KEYS } from "@hcp/domain";

import { ZReportMonth } from "../../report/month";
import {
  ZReportComparison,
  ZReportCountRow,
  ZReportRanking,
  ZReportVersionRow,
  ZYearlyReport,
  ZYearlyReportInput,
  ZYearlyRow,
} from "../../report/schemas";

/**
 * The county monthly report (issue 16): the county's total and one row per hall with every rate
 * of SPEC §6 and its 环比/同比, the halls ranked with 红黑榜 and 末位, and bad reviews by hall and
 * reason with their work orders' states. Archived and versioned like the hall report (county_report).
 */
export const COUNTY_REPORT_FORMAT = 1;

export const ZCountyReportInput = z.object({ month: ZReportMonth });
export const ZCountyReportVersionInput = z.object({ id: z.coerce.number().int().positive() });
export const ZCountyYearlyInput = ZYearlyReportInput.omit({ hallId: true });

const ZCounty = z.object({ id: z.number(), areaCode: z.string(), name: z.string() });

/** The figures of one hall, or of the county as a whole (`hall` null). */
export const ZCountyFigures = z.object({
  hall: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(HALL_KIND_KEYS) }).nullable(),
  casesCompleted: z.number(),
  workingDays: z.number(),
  validRatings: z.number(),
  ratings: z.number(),
  badRatings: z.number(),
  /**
   * In this order: 办件量, 日均办件量, 评价量, 评价率, 好评率, 主动评价好评率, 差评率, 未评率, 满意度得分,
   * 按时办结率, then 差评回复率, 回访整改率, 按时整改率, 回访整改满意率; each with the month before and
   * the same month a year earlier.
   */
  comparisons: z.array(ZReportComparison),
});

export const ZCountyMonthlyReport = z.object({
  format: z.literal(COUNTY_REPORT_FORMAT),
  county: ZCounty,
  month: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  generatedAt: z.string(),
  total: ZCountyFigures,
  halls: z.array(ZCountyFigures),
  /** the halls ranked by the windows' fair method (minimum sample, Wilson lower bound), 红黑榜, 末位 */
  ranking: ZReportRanking,
  badReviews: z.object({
    total: z.number(),
    /** one row per hall and national reason code (a review with two reasons counts under each) */
    byHallReason: z.array(ZReportCountRow.extend({ hallId: z.number(), hallName: z.string() })),
    /** each hall's work orders opened in the month, by state as of generation */
    workOrderStates: z.array(
      z.object({ hallId: z.number(), hallName: z.string(), total: z.number(), states: z.array(ZReportCountRow) }),
    ),
  }),
  definitions: z.array(z.object({ key: z.enum(METRIC_KEYS), name: z.string(), definition: z.string() })),
});

export const ZCountyReportView = z.object({
  source: z.enum(["archive", "live"]),
  versionId: z.number().nullable(),
  version: z.number().nullable(),
  report: ZCountyMonthlyReport,
});

export const ZCountyReportVersionRow = ZReportVersionRow.omit({ hallId: true }).extend({ countyId: z.number() });
export const ZCountyReportVersion = ZCountyReportVersionRow.extend({ report: ZCountyMonthlyReport.nullable() });

/** The county's yearly summary: the county centre's annual-report figures and the county's as a whole. */
export const ZCountyYearlyReport = z.object({
  county: ZCounty,
  year: z.number(),
  definitionsVersion: z.string(),
  /** the county centre's own summary (the seed's annual report); null when the county has none */
  countyHall: ZYearlyReport.nullable(),
  /** every hall of the county summed, month by month */
  months: z.array(ZYearlyRow),
  total: ZYearlyRow,
  /** each hall's year */
  halls: z.array(ZYearlyRow.extend({ hallId: z.number(), hallName: z.string() })),
});
