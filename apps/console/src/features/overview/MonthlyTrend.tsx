import { lazy, Suspense } from "react";

import { Loading } from "../../components/StatusMessages";
import type { TMonthPoint } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";

// ECharts is the heaviest dependency: load it only when a chart is on screen.
const TrendChart = lazy(() => import("./TrendChart").then((module) => ({ default: module.TrendChart })));

export function MonthlyTrend({ months }: { months: readonly TMonthPoint[] }) {
  const t = strings.overview;
  return (
    <>
      <Suspense fallback={<Loading />}>
        <TrendChart months={months} />
      </Suspense>
      <details className="chart-table">
        <summary>{t.trendTable}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                <th scope="col" className="num">
                  {t.cases}
                </th>
                <th scope="col" className="num">
                  {t.ratings}
                </th>
                <th scope="col" className="num">
                  {t.goodRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((point) => (
                <tr key={point.month}>
                  <th scope="row">{t.monthLabel(point.month)}</th>
                  <td className="num">{formatCount(point.metrics.casesCompleted)}</td>
                  <td className="num">{formatCount(point.metrics.ratings)}</td>
                  <td className="num">{point.metrics.goodRate.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
