import { metrics } from "../overview/fixtures";
import type { TRankingRow, TWindowRanking } from "./types";

/** A window's ranking row; rates are exact num/den with matching text. */
export function rankingRow(
  id: number,
  code: string,
  overrides: Partial<Omit<TRankingRow, "window">> & { good?: [number, number] } = {},
): TRankingRow {
  const [num, den] = overrides.good ?? [90, 100];
  const text = den === 0 ? "—" : `${((num / den) * 100).toFixed(2)}%`;
  return {
    window: { id, code, name: `综合受理${id}号窗口`, kind: "comprehensive" },
    staff: [{ id: 100 + id, name: `人员${id}`, badgeNo: `T${String(id).padStart(3, "0")}`, casesCompleted: id * 100 }],
    staffName: `人员${id}`,
    rank: id,
    score: "80.0",
    scoreValue: 80,
    satisfactionLowerBound: "85.00%",
    eligible: true,
    metrics: metrics({ casesCompleted: id * 100, ratings: den, validRatings: den, goodRate: { num, den, text } }),
    badReviews: 0,
    workOrderOnTimeRate: { num: 0, den: 0, text: "—" },
    red: false,
    black: false,
    lastTwoMonthsRunning: false,
    breakdown: [
      {
        key: "satisfaction",
        label: "满意度下界",
        basis: "measured",
        value: "85.00%",
        weight: 60,
        effectiveWeight: "60.00",
        points: "51.00",
      },
      {
        key: "ratedRate",
        label: "评价率",
        basis: "measured",
        value: "45.00%",
        weight: 20,
        effectiveWeight: "20.00",
        points: "9.00",
      },
      {
        key: "onTimeCompletion",
        label: "按时办结率",
        basis: "measured",
        value: "100.00%",
        weight: 10,
        effectiveWeight: "10.00",
        points: "10.00",
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
    pulledDownBy: null,
    ...overrides,
  };
}

export function windowRanking(rows: TRankingRow[], overrides: Partial<TWindowRanking> = {}): TWindowRanking {
  return {
    period: { from: "2023-05-01", to: "2023-05-31" },
    population: { scope: "hall", name: "全厅", ranked: rows.filter((row) => row.rank !== null).length },
    settings: { weights: { satisfaction: 60, ratedRate: 20, onTimeCompletion: 10, workOrders: 10 }, minSample: 30 },
    rows,
    red: [],
    black: [],
    lastTwoMonthsRunning: null,
    deadlinesProvisional: { onTimeCompletion: false, workOrders: false },
    ...overrides,
  };
}
