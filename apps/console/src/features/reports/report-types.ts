import type { RouterOutputs } from "@hcp/api";

/** Shapes of the report procedures' answers (packages/api/src/routers/report.ts). */
type TMonthlyReportView = RouterOutputs["report"]["monthly"];
export type TMonthlyReport = TMonthlyReportView["report"];
export type TReportComparison = TMonthlyReport["summary"]["comparisons"][number];
export type TReportCountRow = TMonthlyReport["ratingsByLevel"][number];
export type TReportRanking = TMonthlyReport["windows"];
export type TReportRankedRow = TReportRanking["rows"][number];
export type TReportVersionRow = RouterOutputs["report"]["versions"][number];
export type TYearlyReport = RouterOutputs["report"]["yearly"];
export type TYearlyRow = TYearlyReport["total"];
