import type { RouterOutputs } from "@hcp/api";

/** Shapes of the breakdown procedures' answers (packages/api/src/routers/performance.ts). */
export type TNamedMetrics = RouterOutputs["performance"]["departments"][number];
export type TMetricsView = TNamedMetrics["metrics"];
export type TChannelRow = RouterOutputs["performance"]["channels"][number];
export type TReasonRow = RouterOutputs["performance"]["reasons"][number];
export type TCoverage = RouterOutputs["performance"]["coverage"];
export type TCoverageRow = TCoverage["rows"][number];
