import { lazy } from "react";

import { ChartDataTable } from "../../components/ChartDataTable";
import type { TMonthPoint } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { overviewStrings } from "./strings";

// ECharts is the heaviest dependency: load it only when a chart is on screen.
const TrendChart = lazy(() => import("./TrendChart").then((module) => ({ default: module.TrendChart })));

export function MonthlyTrend({ months }: { months: readonly TMonthPoint[] }) {
  const t = overviewStrings;
  return (
    <ChartDataTable
      chart={<TrendChart months={months} />}
      summary={t.trendTable}
      columns={[
        { label: t.month },
        { label: t.cases, numeric: true },
        { label: t.ratings, numeric: true },
        { label: t.goodRate, numeric: true },
      ]}
      rows={months.map((point) => ({
        key: point.month,
        cells: [
          t.monthLabel(point.month),
          formatCount(point.metrics.casesCompleted),
          formatCount(point.metrics.ratings),
          point.metrics.goodRate.text,
        ],
      }))}
    />
  );
}
