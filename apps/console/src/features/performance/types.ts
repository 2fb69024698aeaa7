import type { RouterOutputs } from "@hcp/api";

/** The performance procedures' answers, named once for the presentational components. */
export type TWindowRanking = RouterOutputs["performance"]["windows"];
export type TRankingRow = TWindowRanking["rows"][number];
/** A staff member or service item of a window drill-down step (`performance.staff` / `performance.items`) with its figures. */
export type TDrillDownRow = RouterOutputs["performance"]["staff"][number];
export type TRatingPage = RouterOutputs["performance"]["ratings"];
export type TRatingItem = TRatingPage["rows"][number];
export type TTrend = RouterOutputs["performance"]["trend"];
export type TMyPerformance = RouterOutputs["performance"]["mine"];
export type TRankingSettings = RouterOutputs["performance"]["rankingSettings"];
export type TRateView = TRankingRow["workOrderOnTimeRate"];
