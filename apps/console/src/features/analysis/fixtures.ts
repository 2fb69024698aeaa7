import { metrics } from "../overview/fixtures";
import type { TBreakdownRow, TChannelRow, TCoverage, TCoverageRow, TDepartmentRow, TReasonRow } from "./analysis-types";

/** Breakdown rows shaped like the performance router's answers, with texts the UI must show as given. */
export function named(id: number, name: string, casesCompleted: number, group = "县市场监督管理局"): TBreakdownRow {
  return {
    id,
    code: `D${String(id).padStart(3, "0")}`,
    name,
    group,
    metrics: metrics({ casesCompleted, badRatings: id }),
  };
}

export function departmentRow(
  id: number,
  name: string,
  casesCompleted: number,
  onTimeCompletionProvisional = false,
): TDepartmentRow {
  return { ...named(id, name, casesCompleted, `${id} 个事项`), onTimeCompletionProvisional };
}

export function channelRow(channel: number, label: string, ratings: number, shareText: string): TChannelRow {
  return { channel, label, ratings, share: { num: ratings, den: 1000, text: shareText }, metrics: metrics() };
}

export function reasonRow(code: string, label: string, level: number, levelLabel: string, count: number): TReasonRow {
  return { code, label, level, levelLabel, count, share: { num: count, den: 50, text: `${count * 2}.00%` } };
}

function coverageRow(windowId: number | null, windowName: string, base: number): TCoverageRow {
  return {
    windowId,
    windowName,
    casesCompleted: base * 10,
    promptsSent: base * 4,
    promptsRated: base * 3,
    promptsTimedOut: base,
    casesRated: base * 3,
    casesRatedByDefault: 0,
    casesClosedUnrated: base * 7,
    ratedRate: { num: 3, den: 10, text: "30.00%" },
    promptAnswerRate: { num: 3, den: 4, text: "75.00%" },
  };
}

export function coverageFixture(): TCoverage {
  return {
    rows: [
      coverageRow(1, "综合受理1号窗口", 100),
      coverageRow(2, "综合受理2号窗口", 2),
      coverageRow(null, "窗口外（网上、自助、邮寄）", 5),
    ],
    total: coverageRow(null, "合计", 107),
  };
}
