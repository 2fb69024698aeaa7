import type { RouterOutputs } from "@hcp/api";

/** Shapes of the breakdown procedures' answers (packages/api/src/routers/performance.ts). */
/** A department or service item of a breakdown (`performance.departments` / `performance.items`) with its figures. */
export type TBreakdownRow = RouterOutputs["performance"]["departments"][number];
export type TMetricsView = TBreakdownRow["metrics"];
export type TChannelRow = RouterOutputs["performance"]["channels"][number];
export type TReasonRow = RouterOutputs["performance"]["reasons"][number];
export type TCoverage = RouterOutputs["performance"]["coverage"];
export type TCoverageRow = TCoverage["rows"][number];
