import { DEFAULT_RANKING_WEIGHTS, formatPercent, metricDefinitionList, scoreBreakdown, type TRatio } from "@hcp/domain";

import type { TRateView } from "../services/overview";
import { MONTHLY_REPORT_FORMAT } from "../services/report/schemas";
import type { TMonthlyReport, TReportCountRow, TReportRankedRow } from "../services/report/types";

/**
 * A hand-made monthly report with every section filled, for the export tests: the exports must
 * render any TMonthlyReport, so they are tested against one that does not depend on the builder.
 */
function rate(num: number, den: number): TRateView {
  const ratio: TRatio = { num, den };
  return { ...ratio, text: formatPercent(ratio) };
}

function counts(rows: [string, string, number][]): TReportCountRow[] {
  const total = rows.reduce((sum, [, , count]) => sum + count, 0);
  return rows.map(([key, label, count]) => ({ key, label, count, share: formatPercent({ num: count, den: total }) }));
}

function ranked(
  id: number,
  code: string,
  name: string,
  rank: number | null,
  goodOf: [number, number],
  lastTwoMonths = false,
  pulledDownBy: string | null = null,
): TReportRankedRow {
  const [good, valid] = goodOf;
  const input = {
    id,
    code,
    goodRatings: good,
    validRatings: valid,
    casesRated: valid,
    casesCompleted: valid * 4,
    promisedOnTime: valid * 3 - 1,
    promisedCompleted: valid * 3,
    badReviews: valid - good,
    rectifiedOnTime: valid - good,
  };
  return {
    id,
    code,
    name,
    rank,
    score: rank === null ? "—" : (96 - rank * 1.5).toFixed(2),
    note: rank === null ? "样本不足" : "",
    casesCompleted: valid * 4,
    validRatings: valid,
    ratedRate: rate(valid, valid * 4),
    goodRate: rate(good, valid),
    onTimeCompletionRate: rate(valid * 3 - 1, valid * 3),
    badRatings: valid - good,
    workOrderOnTimeRate: rate(valid - good, valid - good),
    lastTwoMonthsRunning: lastTwoMonths,
    breakdown: rank === null ? [] : scoreBreakdown(input, DEFAULT_RANKING_WEIGHTS),
    pulledDownBy,
  };
}

export function sampleMonthlyReport(): TMonthlyReport {
  const windows = [
    ranked(11, "A01", "综合受理1号窗口（投资项目）", 1, [412, 413]),
    ranked(12, "A02", "综合受理2号窗口（市场监管）", 2, [380, 382]),
    ranked(13, "A03", "综合受理3号窗口（不动产登记）", 3, [350, 355]),
    ranked(14, "A04", "综合受理4号窗口（纳税服务）", 4, [301, 309], false, "好评率 97.41%，全厅 98.90%"),
    ranked(15, "A05", "综合受理5号窗口（公积金）", 5, [280, 290], true, "好评率 96.55%，全厅 98.90%"),
    ranked(16, "B01", "出入境专窗", null, [3, 3]),
  ];
  const departments = [
    ranked(21, "913301007144810291", "县市场监督管理局", 1, [790, 795]),
    ranked(22, "11330000MB0000002X", "县自然资源局", 2, [350, 355]),
    ranked(23, "11330000MB0000003X", "县税务局", 3, [301, 309], true, "好评率 97.41%，全厅 99.03%"),
  ];
  const { version, definitions } = metricDefinitionList();
  return {
    format: MONTHLY_REPORT_FORMAT,
    hall: { id: 1, code: "LX", name: "临溪县政务服务中心" },
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
      dailyAverage: { perWorkingDay: "1020.60", perCalendarDay: "680.40" },
      validRatings: 1_952,
      ratings: 1_940,
      badRatings: 26,
      comparisons: [
        {
          key: "goodRate",
          label: "好评率（满意率）",
          current: rate(1926, 1952),
          previousMonth: rate(1880, 1900),
          lastYear: rate(1700, 1725),
          changeVsPreviousMonth: "-0.28 个百分点",
          changeVsLastYear: "+0.12 个百分点",
        },
        {
          key: "ratedRate",
          label: "评价率",
          current: rate(1952, 20_412),
          previousMonth: rate(1900, 19_800),
          lastYear: { num: 0, den: 0, text: "—" },
          changeVsPreviousMonth: "-0.03 个百分点",
          changeVsLastYear: "—",
        },
      ],
    },
    ratingsByLevel: counts([
      ["5", "非常满意", 1700],
      ["4", "满意", 200],
      ["3", "基本满意", 26],
      ["2", "不满意", 16],
      ["1", "非常不满意", 10],
    ]),
    ratingsByChannel: counts([
      ["4", "政务大厅平板电脑", 1800],
      ["3", "二维码", 100],
      ["2", "移动端", 52],
    ]),
    windows: {
      rows: windows,
      red: [11, 12],
      black: [15, 14],
      minSample: 30,
      weights: DEFAULT_RANKING_WEIGHTS,
      population: { scope: "hall", name: "全厅", ranked: 5 },
    },
    departments: {
      rows: departments,
      red: [21],
      black: [23],
      minSample: 30,
      weights: DEFAULT_RANKING_WEIGHTS,
      population: { scope: "hall", name: "全厅", ranked: 3 },
    },
    badReviews: {
      total: 26,
      byReason: counts([
        ["207", "办事指南不清晰", 9],
        ["108", "多次跑腿", 17],
      ]),
      byItem: counts([["501", "不动产首次登记", 12]]),
      byWindow: counts([["13", "综合受理3号窗口（不动产登记）", 5]]),
      workOrderStates: counts([
        ["closed", "办结", 20],
        ["rectifying", "整改中", 6],
      ]),
      workOrderRates: [
        { key: "replyRate", label: "差评回复率", value: rate(24, 26) },
        { key: "onTimeRate", label: "按时整改率", value: rate(25, 26) },
      ],
    },
    topItems: {
      byVolume: counts([
        ["501", "不动产首次登记", 2600],
        ["502", "个体工商户设立登记", 2140],
        ["503", "公积金提取", 260],
      ]),
      byBadReviews: counts([["501", "不动产首次登记", 12]]),
    },
    coverage: {
      casesCompleted: 20_412,
      promptsSent: 2_400,
      promptsTimedOut: 410,
      casesRated: 1_952,
      casesRatedByDefault: 12,
      casesClosedUnrated: 18_300,
      devices: { registered: 14, paired: 13 },
    },
    definitions,
  };
}
