import { useMemo } from "react";

import { useECharts } from "../../components/useECharts";
import type { TTrend } from "../performance/types";
import { dailyVolumeOption, weeklyGoodRateOption } from "./daily-trend-option";

/** The canvases are hidden from assistive technology; TrendFigures carries the same data as tables. */
export function DailyVolumeChart({ days }: { days: TTrend["days"] }) {
  const option = useMemo(() => dailyVolumeOption(days), [days]);
  return <div ref={useECharts(option)} className="chart print-chart" aria-hidden="true" data-testid="daily-chart" />;
}

export function WeeklyGoodRateChart({ weeks }: { weeks: TTrend["weeks"] }) {
  const option = useMemo(() => weeklyGoodRateOption(weeks), [weeks]);
  return <div ref={useECharts(option)} className="chart print-chart" aria-hidden="true" data-testid="weekly-chart" />;
}
