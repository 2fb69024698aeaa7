import type { TChartOption } from "../../components/useECharts";
import type { TYearlyRow } from "./report-types";
import { reportStrings } from "./strings";

/*
 * Readable in black and white: bars grey with diagonal hatching (a decal), the line black, dashed
 * and marked with triangles, so print and colour-blind readers tell them apart by shape.
 */
const BAR_FILL = "#8c99a6";
const BAR_HATCH = "#1c2731";
const LINE_COLOUR = "#000000";
const TEXT_COLOUR = "#1c2731";

function goodRatePercent(row: TYearlyRow): number | null {
  return row.goodRate.den === 0 ? null : (row.goodRate.num / row.goodRate.den) * 100;
}

/** Bars: 办件量 per month; line: 好评率; tooltips print the server's texts. */
export function yearlyOption(months: readonly TYearlyRow[]): TChartOption {
  const t = reportStrings;
  return {
    animation: false,
    textStyle: { color: TEXT_COLOUR, fontSize: 13 },
    grid: { left: 72, right: 64, top: 48, bottom: 32 },
    legend: { top: 8, data: [t.chartBars, t.chartLine], textStyle: { color: TEXT_COLOUR } },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: months.map((row) => t.monthLabel(row.period)), axisLabel: { color: TEXT_COLOUR } },
    yAxis: [
      { type: "value", name: t.chartBars, axisLabel: { color: TEXT_COLOUR }, nameTextStyle: { color: TEXT_COLOUR } },
      {
        type: "value",
        name: t.chartLine,
        // Satisfaction sits near 100%: start the axis near the data so changes show.
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
        name: t.chartBars,
        data: months.map((row) => row.casesCompleted),
        barMaxWidth: 32,
        itemStyle: {
          color: BAR_FILL,
          borderColor: BAR_HATCH,
          borderWidth: 1,
          decal: { symbol: "rect", color: BAR_HATCH, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
        },
      },
      {
        type: "line",
        name: t.chartLine,
        yAxisIndex: 1,
        data: months.map(goodRatePercent),
        symbol: "triangle",
        symbolSize: 9,
        itemStyle: { color: LINE_COLOUR },
        lineStyle: { color: LINE_COLOUR, width: 2, type: "dashed" },
        connectNulls: false,
        tooltip: { valueFormatter: (_value, dataIndex) => months[dataIndex]?.goodRate.text ?? "—" },
      },
    ],
  };
}
