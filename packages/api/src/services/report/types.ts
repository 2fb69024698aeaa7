import type { z } from "zod";

import type { ZRankingPopulation } from "../../schemas";
import type {
  ZMonthlyReport,
  ZReportComparison,
  ZReportCountRow,
  ZReportRankedRow,
  ZReportRanking,
  ZYearlyReport,
  ZYearlyRow,
} from "./schemas";

/**
 * The monthly satisfaction report (SPEC §7) as data: the JSON the console renders, the PDF, XLSX
 * and CSV exports read, and the archive stores. Every figure is already formatted by the domain
 * metric functions (`text`), with the exact num/den kept beside it so an export never re-rounds.
 * The types are the report schemas' (schemas.ts), which also check what leaves the server.
 */
export type TMonthlyReport = z.infer<typeof ZMonthlyReport>;
export type TReportComparison = z.infer<typeof ZReportComparison>;
export type TReportCountRow = z.infer<typeof ZReportCountRow>;
export type TReportRankedRow = z.infer<typeof ZReportRankedRow>;
export type TReportRanking = z.infer<typeof ZReportRanking>;
/** Whom 红黑榜 and 末位 were computed over: the hall, or a department head's department. */
export type TReportPopulation = z.infer<typeof ZRankingPopulation>;
export type TYearlyRow = z.infer<typeof ZYearlyRow>;
export type TYearlyReport = z.infer<typeof ZYearlyReport>;
