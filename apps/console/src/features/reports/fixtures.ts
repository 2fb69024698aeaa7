import { metricDefinitionList } from "@hcp/domain";

import type {
  TMonthlyReport,
  TReportCountRow,
  TReportRankedRow,
  TReportVersionRow,
  TYearlyReport,
  TYearlyRow,
} from "./report-types";

/**
 * A monthly report with every section filled, shaped like report.monthly's answer. Rate texts
 * are written out (not computed) so the tests prove the page shows the server's figures as sent.
 */
function rate(text: string) {
  return { num: 1, den: 1, text };
}

function count(key: string, label: string, value: number, share: string): TReportCountRow {
  return { key, label, count: value, share };
}

function ranked(
  id: number,
  code: string,
  name: string,
  rank: number | null,
  goodRate: string,
  lastTwoMonthsRunning = false,
): TReportRankedRow {
  return {
    id,
    code,
    name,
    rank,
    score: rank === null ? "—" : (96 - rank).toFixed(2),
    note: rank === null ? "样本不足" : "",
    casesCompleted: 1000 + id,
    validRatings: 300,
    ratedRate: rate("30.00%"),
    goodRate: rate(goodRate),
    onTimeCompletionRate: rate("99.50%"),
    badRatings: 2,
    workOrderOnTimeRate: rate("100.00%"),
    lastTwoMonthsRunning,
    breakdown:
      rank === null
        ? []
        : [
            {
              key: "satisfaction",
              label: "满意度下界",
              basis: "measured",
              value: "98.00%",
              weight: 50,
              effectiveWeight: "50.00",
              points: "49.00",
            },
            {
              key: "ratedRate",
              label: "评价率",
              basis: "measured",
              value: "30.00%",
              weight: 20,
              effectiveWeight: "20.00",
              points: "6.00",
            },
            {
              key: "onTimeCompletion",
              label: "按时办结率",
              basis: "measured",
              value: "99.50%",
              weight: 20,
              effectiveWeight: "20.00",
              points: "19.90",
            },
            {
              key: "workOrders",
              label: "按时整改率",
              basis: "full",
              value: "100%（无差评）",
              weight: 10,
              effectiveWeight: "10.00",
              points: "10.00",
            },
          ],
    pulledDownBy: rank !== null && rank > 5 ? `好评率 ${goodRate}，全厅 99.10%` : null,
  };
}

const WEIGHTS = { satisfaction: 50, ratedRate: 20, onTimeCompletion: 20, workOrders: 10 };

export function reportFixture(): TMonthlyReport {
  const windowNames = [
    "投资项目",
    "市场监管",
    "不动产登记",
    "纳税服务",
    "公积金",
    "社保医保",
    "公安户政",
    "交通运输",
    "民政婚姻",
    "公证",
  ];
  const windows = windowNames.map((name, index) =>
    ranked(
      index + 1,
      `A${String(index + 1).padStart(2, "0")}`,
      `${name}窗口`,
      index + 1,
      `${(99.9 - index * 0.3).toFixed(2)}%`,
      index === 9,
    ),
  );
  windows.push(ranked(99, "B01", "出入境专窗", null, "100.00%"));
  const { version, definitions } = metricDefinitionList();
  return {
    format: 1,
    hall: { id: 7, code: "LX", name: "临溪县政务服务中心" },
    month: "2023-06",
    period: { from: "2023-06-01", to: "2023-06-30" },
    definitionsVersion: version,
    generatedAt: "2023-07-01T01:00:00.000Z",
    summary: {
      casesCompleted: 20_412,
      workingDays: 20,
      workingDaysProvisional: { current: false, previousMonth: false, lastYear: false },
      deadlinesProvisional: {
        onTimeCompletion: { current: false, previousMonth: false, lastYear: false },
        workOrders: false,
      },
      calendarDays: 30,
      dailyAverage: { perWorkingDay: "1,020.6", perCalendarDay: "680.4" },
      validRatings: 4_652,
      ratings: 4_640,
      badRatings: 26,
      comparisons: [
        {
          key: "casesCompleted",
          label: "办件量",
          current: rate("20,412"),
          previousMonth: rate("19,800"),
          lastYear: rate("18,000"),
          changeVsPreviousMonth: "+3.1%",
          changeVsLastYear: "+13.4%",
        },
        {
          key: "goodRate",
          label: "好评率（满意率）",
          current: rate("99.44%"),
          previousMonth: rate("99.72%"),
          lastYear: rate("99.32%"),
          changeVsPreviousMonth: "-0.28 个百分点",
          changeVsLastYear: "+0.12 个百分点",
        },
      ],
    },
    ratingsByLevel: [
      count("5", "非常满意", 4_000, "85.98%"),
      count("4", "满意", 500, "10.75%"),
      count("3", "基本满意", 126, "2.71%"),
      count("2", "不满意", 16, "0.34%"),
      count("1", "非常不满意", 10, "0.21%"),
    ],
    ratingsByChannel: [count("4", "政务大厅平板电脑", 4_100, "88.13%"), count("3", "二维码", 552, "11.87%")],
    windows: {
      rows: windows,
      red: [1, 2, 3, 4, 5],
      black: [10, 9, 8, 7, 6],
      minSample: 30,
      weights: WEIGHTS,
      population: { scope: "hall", name: "全厅", ranked: 10 },
    },
    departments: {
      rows: [ranked(21, "D01", "县市场监督管理局", 1, "99.80%"), ranked(22, "D02", "县税务局", 2, "99.10%", true)],
      red: [21],
      black: [22],
      minSample: 30,
      weights: WEIGHTS,
    },
    badReviews: {
      total: 26,
      byReason: [count("108", "服务态度差", 12, "46.15%"), count("109", "办事效率低", 9, "34.62%")],
      byItem: [count("501", "不动产转移登记", 7, "26.92%")],
      byWindow: [count("3", "不动产登记窗口", 7, "26.92%"), count("none", "窗口外", 2, "7.69%")],
      workOrderStates: [count("closed", "办结", 20, "76.92%"), count("rectifying", "整改中", 6, "23.08%")],
      workOrderRates: [
        { key: "replyRate", label: "差评回复率", value: rate("76.92%") },
        { key: "onTimeRate", label: "按时整改率", value: rate("92.31%") },
      ],
    },
    topItems: {
      byVolume: [count("601", "企业设立登记", 2_400, "11.76%")],
      byBadReviews: [count("501", "不动产转移登记", 7, "26.92%")],
    },
    coverage: {
      casesCompleted: 20_412,
      promptsSent: 6_000,
      promptsTimedOut: 1_360,
      casesRated: 4_652,
      casesRatedByDefault: 0,
      casesClosedUnrated: 15_760,
      devices: { registered: 12, paired: 11 },
    },
    definitions,
  };
}

export function versionRow(overrides: Partial<TReportVersionRow> = {}): TReportVersionRow {
  return {
    id: 41,
    hallId: 7,
    month: "2023-06",
    version: 1,
    definitionsVersion: "2026.1",
    status: "ready",
    progress: 100,
    error: "",
    createdBy: null,
    createdAt: "2023-07-01T01:00:00.000Z",
    finishedAt: "2023-07-01T01:00:05.000Z",
    ...overrides,
  };
}

function yearlyRow(period: string, casesCompleted: number, goodRate: string): TYearlyRow {
  return {
    period,
    casesCompleted,
    workingDays: 20,
    workingDaysProvisional: false,
    dailyAverage: (casesCompleted / 20).toFixed(1),
    ratings: Math.round(casesCompleted / 4.4),
    validRatings: Math.round(casesCompleted / 4.4),
    goodRate: rate(goodRate),
    ratedRate: rate("22.63%"),
  };
}

export function yearlyFixture(): TYearlyReport {
  const months = Array.from({ length: 12 }, (_, index) =>
    yearlyRow(`2023-${String(index + 1).padStart(2, "0")}`, 20_000 + index * 100, "100.00%"),
  );
  return {
    hall: { id: 7, code: "LX", name: "临溪县政务服务中心" },
    year: 2023,
    definitionsVersion: "2026.1",
    months,
    total: { ...yearlyRow("2023", 243_000, "99.98%"), workingDays: 249, dailyAverage: "975.9" },
    archived: [{ month: "2023-06", versionId: 41, version: 2 }],
  };
}
