import type { RouterOutputs } from "@hcp/api";

/** Shapes of the breakdown procedures' answers (packages/api/src/routers/performance.ts). */
/** A service item of a breakdown (`performance.items`) with its figures. */
export type TBreakdownRow = RouterOutputs["performance"]["items"][number];
/** A department (`performance.departments`): the same, and whether its 按时办结率 is 暂按周末计算. */
export type TDepartmentRow = RouterOutputs["performance"]["departments"][number];
export type TMetricsView = TBreakdownRow["metrics"];
export type TChannelRow = RouterOutputs["performance"]["channels"][number];
export type TReasonRow = RouterOutputs["performance"]["reasons"][number];
export type TCoverage = RouterOutputs["performance"]["coverage"];
export type TCoverageRow = TCoverage["rows"][number];
