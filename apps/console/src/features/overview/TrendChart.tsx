import { useMemo } from "react";

import { useECharts } from "../../components/useECharts";
import type { TMonthPoint } from "../../lib/api-types";
import { trendOption } from "./trend-option";

/** The canvas is hidden from assistive technology; MonthlyTrend carries the same data as a table. */
export function TrendChart({ months }: { months: readonly TMonthPoint[] }) {
  const option = useMemo(() => trendOption(months), [months]);
  const ref = useECharts(option);
  return <div ref={ref} className="chart" aria-hidden="true" />;
}
