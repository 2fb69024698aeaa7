import type { TChartOption } from "../../components/useECharts";
import type { TMonthPoint } from "../../lib/api-types";
import { strings } from "../../lib/strings";
import { overviewStrings } from "./strings";

const BAR_COLOUR = "#2f6db5";
const LINE_COLOUR = "#b4441a";
const TEXT_COLOUR = "#33414e";

/** 好评率 as a plotting value (percent); null leaves a gap for months without ratings. */
function goodRatePercent(point: TMonthPoint): number | null {
  const { num, den } = point.metrics.goodRate;
  return den === 0 ? null : (num / den) * 100;
}

/**
 * Bars: 办件量 per month; line: 好评率 from num/den. Tooltips print the server's text for the
 * rate, so the figure a reader sees matches the tables.
 */
export function trendOption(months: readonly TMonthPoint[]): TChartOption {
  const t = overviewStrings;
  return {
    animation: false,
    textStyle: { color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 64, right: 64, top: 48, bottom: 32 },
    legend: { top: 8, data: [t.trendBars, t.trendLine], textStyle: { color: TEXT_COLOUR } },
    tooltip: { trigger: "axis" },
    xAxis: {
      type: "category",
      data: months.map((point) => t.monthLabel(point.month)),
      axisLabel: { color: TEXT_COLOUR },
    },
    yAxis: [
      { type: "value", name: t.trendBars, axisLabel: { color: TEXT_COLOUR }, nameTextStyle: { color: TEXT_COLOUR } },
      {
        type: "value",
        name: t.trendLine,
        // Satisfaction sits near 100%: start the axis near the data so changes are visible.
        scale: true,
        max: 100,
        axisLabel: { color: TEXT_COLOUR, formatter: "{value}%" },
        nameTextStyle: { color: TEXT_COLOUR },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: "bar",
        name: t.trendBars,
        data: months.map((point) => point.metrics.casesCompleted),
        itemStyle: { color: BAR_COLOUR },
        barMaxWidth: 32,
      },
      {
        type: "line",
        name: t.trendLine,
        yAxisIndex: 1,
        data: months.map(goodRatePercent),
        itemStyle: { color: LINE_COLOUR },
        lineStyle: { color: LINE_COLOUR, width: 2 },
        symbolSize: 7,
        connectNulls: false,
        tooltip: {
          valueFormatter: (_value, dataIndex) => months[dataIndex]?.metrics.goodRate.text ?? strings.app.dash,
        },
      },
    ],
  };
}
