import { describe, expect, test } from "vitest";

import { DEFAULT_RANKING_WEIGHTS, rankEntries, type TRankingInput } from "./ranking";
import { breakdownText, populationInput, scoreBreakdown, shortfalls, shortfallText } from "./ranking-explain";

function input(id: number, fields: Partial<TRankingInput>): TRankingInput {
  return {
    id,
    code: `W${id}`,
    goodRatings: 95,
    validRatings: 100,
    casesRated: 100,
    casesCompleted: 400,
    promisedOnTime: 20,
    promisedCompleted: 20,
    badReviews: 5,
    rectifiedOnTime: 5,
    ...fields,
  };
}

describe("what a composite score is made of", () => {
  test("each component's value, weight and points, the points adding up to the score", () => {
    const window = input(1, { badReviews: 0, rectifiedOnTime: 0 });
    const parts = scoreBreakdown(window, DEFAULT_RANKING_WEIGHTS);
    expect(parts.map((part) => [part.label, part.value, part.weight, part.effectiveWeight])).toEqual([
      ["满意度下界", "88.82%", 60, "60.00"],
      ["评价率", "25.00%", 20, "20.00"],
      ["按时办结率", "100.00%", 10, "10.00"],
      ["按时整改率", "100%（无差评）", 10, "10.00"],
    ]);
    expect(parts[3]?.basis).toBe("full");
    const score = rankEntries([window], DEFAULT_RANKING_WEIGHTS, 30)[0]?.score ?? 0;
    const sum = parts.reduce((total, part) => total + Number(part.points), 0);
    expect(Math.abs(sum - score)).toBeLessThan(0.02);
  });

  test("a component without a figure shows no value and its weight goes to the others", () => {
    const parts = scoreBreakdown(input(1, { promisedCompleted: 0, promisedOnTime: 0 }), DEFAULT_RANKING_WEIGHTS);
    expect(
      parts.map((part) => [part.key, part.value, part.basis, part.effectiveWeight, part.points === "0.00"]),
    ).toEqual([
      ["satisfaction", "88.82%", "measured", "66.67", false],
      ["ratedRate", "25.00%", "measured", "22.22", false],
      ["onTimeCompletion", "—", "missing", "0.00", true],
      ["workOrders", "100.00%", "measured", "11.11", false],
    ]);
    expect(breakdownText(parts)).toBe(
      "满意度下界 88.82% × 66.67 = 59.22；评价率 25.00% × 22.22 = 5.56；按时办结率 —（无数据，不计）；按时整改率 100.00% × 11.11 = 11.11",
    );
  });

  test("says in words which figures pull a window down against its population, the costliest first", () => {
    const weak = input(1, { goodRatings: 90, casesRated: 48, casesCompleted: 400, badReviews: 4, rectifiedOnTime: 3 });
    const others = [input(2, { casesRated: 150 }), input(3, { casesRated: 102 })];
    const hall = populationInput([weak, ...others]);
    const list = shortfalls(weak, hall, DEFAULT_RANKING_WEIGHTS);
    expect(list.map((item) => item.key)).toEqual(["ratedRate", "satisfaction", "workOrders"]);
    expect(shortfallText(list, "全厅")).toBe(
      "评价率 12.00%，全厅 25.00%；好评率 90.00%，全厅 93.33%；按时整改率 75.00%，全厅 92.86%",
    );
    // The same 好评率 as the hall is no shortfall, though a single window's Wilson bound is lower.
    expect(shortfalls(input(2, {}), hall, DEFAULT_RANKING_WEIGHTS).map((item) => item.key)).not.toContain(
      "satisfaction",
    );
    expect(shortfallText([], "本部门")).toBe("各项均不低于本部门水平，综合得分在参与排名者中靠后");
  });
});
