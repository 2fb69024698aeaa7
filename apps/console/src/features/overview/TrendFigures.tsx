import { lazy, Suspense } from "react";

import { Loading } from "../../components/StatusMessages";
import { formatCount } from "../../lib/format";
import type { TTrend } from "../performance/types";
import { liveStrings } from "./live-strings";

// ECharts is the heaviest dependency: load it only when a chart is on screen.
const DailyVolumeChart = lazy(() => import("./TrendCharts").then((module) => ({ default: module.DailyVolumeChart })));
const WeeklyGoodRateChart = lazy(() => import("./TrendCharts").then((module) => ({ default: module.WeeklyGoodRateChart })));

/** Daily volume as bars, with its numbers in a table for screen readers and for copying. */
export function DailyVolume({ days }: { days: TTrend["days"] }) {
  const t = liveStrings;
  return (
    <>
      <Suspense fallback={<Loading />}>
        <DailyVolumeChart days={days} />
      </Suspense>
      <details className="chart-table">
        <summary>{t.trendTable}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
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
              {days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{day.date}</th>
                  <td className="num">{formatCount(day.casesCompleted)}</td>
                  <td className="num">{formatCount(day.validRatings)}</td>
                  <td className="num">{day.goodRate.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

/** 好评率 by week as a line, with the same figures in a table. */
export function WeeklyGoodRate({ weeks }: { weeks: TTrend["weeks"] }) {
  const t = liveStrings;
  return (
    <>
      <Suspense fallback={<Loading />}>
        <WeeklyGoodRateChart weeks={weeks} />
      </Suspense>
      <details className="chart-table">
        <summary>{t.trendTable}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.week}</th>
                <th scope="col" className="num">
                  {t.validRatings}
                </th>
                <th scope="col" className="num">
                  {t.goodRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.from}>
                  <th scope="row">{t.weekLabel(week.from, week.to)}</th>
                  <td className="num">{formatCount(week.validRatings)}</td>
                  <td className="num">{week.goodRate.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
