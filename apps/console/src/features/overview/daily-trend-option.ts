import type { TChartOption } from "../../components/useECharts";
import { strings } from "../../lib/strings";
import type { TTrend } from "../performance/types";
import { overviewStrings } from "./strings";

const INK = "#1c2731";
const BAR_DARK = "#12355b";
const BAR_LIGHT = "#8fb3dc";
const LINE = "#9a3412";

/**
 * Black-and-white printing decides the styling: the two bar series differ in shade and in the
 * decal pattern aria draws, bars carry their values, and the rate line is a solid line with
 * labelled square markers.
 */
const BASE = {
  animation: false,
  aria: { enabled: true, decal: { show: true } },
  textStyle: { color: INK, fontSize: 12 },
} satisfies TChartOption;

type TDay = TTrend["days"][number];
type TWeek = TTrend["weeks"][number];

/** Daily 办件量 and 评价量, bars labelled with their counts (only when few enough to read). */
export function dailyVolumeOption(days: readonly TDay[]): TChartOption {
  const t = overviewStrings.live;
  const labelled = days.length <= 31;
  return {
    ...BASE,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 4, data: [t.cases, t.ratings], textStyle: { color: INK } },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: days.map((day) => day.date.slice(5)), axisLabel: { color: INK } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { color: INK } },
    series: [
      {
        type: "bar",
        name: t.cases,
        data: days.map((day) => day.casesCompleted),
        itemStyle: { color: BAR_DARK, decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: 0 } },
        label: { show: labelled, position: "top", color: INK, fontSize: 10 },
        barMaxWidth: 18,
      },
      {
        type: "bar",
        name: t.ratings,
        data: days.map((day) => day.validRatings),
        itemStyle: {
          color: BAR_LIGHT,
          borderColor: INK,
          borderWidth: 1,
          decal: { symbol: "circle", symbolSize: 0.6, dashArrayX: [2, 2], dashArrayY: [2, 2] },
        },
        label: { show: labelled, position: "top", color: INK, fontSize: 10 },
        barMaxWidth: 18,
      },
    ],
  };
}

/** 好评率 as a plotting value (percent); null leaves a gap for weeks without ratings. */
function percent(week: TWeek): number | null {
  return week.goodRate.den === 0 ? null : (week.goodRate.num / week.goodRate.den) * 100;
}

/** 好评率 by week: labelled markers print the server's rate text, the same figure as the tables. */
export function weeklyGoodRateOption(weeks: readonly TWeek[]): TChartOption {
  const t = overviewStrings.live;
  return {
    ...BASE,
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    legend: { top: 4, data: [t.goodRate], textStyle: { color: INK } },
    tooltip: { trigger: "axis", valueFormatter: (_value, index) => weeks[index]?.goodRate.text ?? strings.app.dash },
    xAxis: { type: "category", data: weeks.map((week) => t.weekLabel(week.from, week.to)), axisLabel: { color: INK } },
    yAxis: { type: "value", scale: true, max: 100, axisLabel: { color: INK, formatter: "{value}%" } },
    series: [
      {
        type: "line",
        name: t.goodRate,
        data: weeks.map(percent),
        connectNulls: false,
        symbol: "rect",
        symbolSize: 8,
        itemStyle: { color: LINE },
        lineStyle: { color: LINE, width: 2, type: "solid" },
        label: {
          show: true,
          position: "top",
          color: INK,
          formatter: (params) => weeks[params.dataIndex]?.goodRate.text ?? "",
        },
      },
    ],
  };
}
