import { lazy } from "react";

import { ChartDataTable } from "../../components/ChartDataTable";
import { formatCount } from "../../lib/format";
import type { TTrend } from "../performance/types";
import { overviewStrings } from "./strings";

// ECharts is the heaviest dependency: load it only when a chart is on screen.
const DailyVolumeChart = lazy(() => import("./TrendCharts").then((module) => ({ default: module.DailyVolumeChart })));
const WeeklyGoodRateChart = lazy(() =>
  import("./TrendCharts").then((module) => ({ default: module.WeeklyGoodRateChart })),
);

const t = overviewStrings.live;

/** Daily volume as bars, with its numbers in a table for screen readers and for copying. */
export function DailyVolume({ days }: { days: TTrend["days"] }) {
  return (
    <ChartDataTable
      chart={<DailyVolumeChart days={days} />}
      summary={t.trendTable}
      columns={[
        { label: t.date },
        { label: t.cases, numeric: true },
        { label: t.ratings, numeric: true },
        { label: t.goodRate, numeric: true },
      ]}
      rows={days.map((day) => ({
        key: day.date,
        cells: [day.date, formatCount(day.casesCompleted), formatCount(day.validRatings), day.goodRate.text],
      }))}
    />
  );
}

/** 好评率 by week as a line, with the same figures in a table. */
export function WeeklyGoodRate({ weeks }: { weeks: TTrend["weeks"] }) {
  return (
    <ChartDataTable
      chart={<WeeklyGoodRateChart weeks={weeks} />}
      summary={t.trendTable}
      columns={[{ label: t.week }, { label: t.validRatings, numeric: true }, { label: t.goodRate, numeric: true }]}
      rows={weeks.map((week) => ({
        key: week.from,
        cells: [t.weekLabel(week.from, week.to), formatCount(week.validRatings), week.goodRate.text],
      }))}
    />
  );
}
