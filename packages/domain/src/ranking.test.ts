import { describe, expect, test } from "vitest";

import {
  compositeScore,
  DEFAULT_RANKING_WEIGHTS,
  honourLists,
  lastTwoMonthsRunning,
  parseRankingWeights,
  rankEntries,
  ZRankingWeights,
  type TRankingInput,
} from "./ranking";

function entry(id: number, good: number, valid: number, extra: Partial<TRankingInput> = {}): TRankingInput {
  return {
    id,
    code: `W${String(id).padStart(2, "0")}`,
    goodRatings: good,
    validRatings: valid,
    casesRated: valid,
    casesCompleted: valid * 4,
    promisedOnTime: 0,
    promisedCompleted: 0,
    badReviews: valid - good,
    rectifiedOnTime: valid - good,
    ...extra,
  };
}

const SATISFACTION_ONLY = { satisfaction: 100, ratedRate: 0, onTimeCompletion: 0, workOrders: 0 };

describe("window ranking", () => {
  test("a window below the minimum sample is listed but neither tops nor bottoms the ranking", () => {
    const ranked = rankEntries([entry(1, 3, 3), entry(2, 990, 1000), entry(3, 40, 50)], SATISFACTION_ONLY, 30);
    expect(ranked.map((row) => [row.id, row.rank])).toEqual([
      [2, 1],
      [3, 2],
      [1, null],
    ]);
    expect(ranked[2]?.eligible).toBe(false);
    expect(ranked[2]?.score).toBeNull();
  });

  test("satisfaction enters as the Wilson lower bound, not the raw share", () => {
    // 30 of 30 (100 %) ranks below 985 of 1,000 (98.5 %): the small sample is less certain.
    const ranked = rankEntries([entry(1, 30, 30), entry(2, 985, 1000)], SATISFACTION_ONLY, 30);
    expect(ranked.map((row) => row.id)).toEqual([2, 1]);
    expect(ranked[0]?.score).toBeCloseTo(97.54, 2);
    expect(ranked[1]?.score).toBeCloseTo(88.65, 2);
  });

  test("the composite weighs each component and re-spreads the weight of a missing one", () => {
    const components = { satisfaction: 0.9, ratedRate: 0.5, onTimeCompletion: null, workOrders: 1 };
    // (0.9×60 + 0.5×20 + 1×10) / 90 × 100
    expect(compositeScore(components, DEFAULT_RANKING_WEIGHTS)).toBeCloseTo(82.222, 3);
    expect(
      compositeScore(
        { satisfaction: null, ratedRate: null, onTimeCompletion: null, workOrders: null },
        DEFAULT_RANKING_WEIGHTS,
      ),
    ).toBeNull();
  });

  test("ties go to the larger sample, then the window code", () => {
    const ranked = rankEntries([entry(3, 50, 50), entry(2, 50, 50), entry(1, 60, 60)], { ...SATISFACTION_ONLY }, 30);
    expect(ranked.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  test("红榜 is the top five and 黑榜 the bottom five, worst first; under ten ranked each takes half", () => {
    const twelve = Array.from({ length: 12 }, (_, index) => entry(index + 1, 100 - index * 5, 100));
    expect(honourLists(rankEntries(twelve, SATISFACTION_ONLY, 30))).toEqual({
      red: [1, 2, 3, 4, 5],
      black: [12, 11, 10, 9, 8],
    });
    const seven = twelve.slice(0, 7);
    expect(honourLists(rankEntries(seven, SATISFACTION_ONLY, 30))).toEqual({ red: [1, 2, 3], black: [7, 6, 5] });
    expect(honourLists(rankEntries(twelve.slice(0, 1), SATISFACTION_ONLY, 30))).toEqual({ red: [], black: [] });
  });

  test("末位 flags the window ranked last in both this month and the previous one", () => {
    const march = rankEntries([entry(1, 90, 100), entry(2, 80, 100)], SATISFACTION_ONLY, 30);
    const april = rankEntries([entry(1, 95, 100), entry(2, 70, 100)], SATISFACTION_ONLY, 30);
    const may = rankEntries([entry(1, 60, 100), entry(2, 99, 100)], SATISFACTION_ONLY, 30);
    expect(lastTwoMonthsRunning(april, march)).toBe(2);
    expect(lastTwoMonthsRunning(may, april)).toBeNull();
    // One ranked window is first, not last: no 末位 in a population of one.
    const alone = rankEntries([entry(1, 60, 100)], SATISFACTION_ONLY, 30);
    expect(lastTwoMonthsRunning(alone, alone)).toBeNull();
  });

  test("weights must add up to 100; stored weights that do not parse fall back to the defaults", () => {
    expect(
      ZRankingWeights.safeParse({ satisfaction: 50, ratedRate: 20, onTimeCompletion: 10, workOrders: 10 }).success,
    ).toBe(false);
    expect(parseRankingWeights("")).toEqual(DEFAULT_RANKING_WEIGHTS);
    expect(parseRankingWeights("{oops")).toEqual(DEFAULT_RANKING_WEIGHTS);
    expect(parseRankingWeights(JSON.stringify(SATISFACTION_ONLY))).toEqual(SATISFACTION_ONLY);
  });
});
