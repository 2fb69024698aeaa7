import { describe, expect, test } from "vitest";

import { METRIC_DEFINITIONS } from "./definitions";
import { METRIC_DEFINITIONS_VERSION } from "./metrics";
import { honourLists, lastTwoMonthsRunning, rankEntries, type TRankingInput, type TRankingWeights } from "./ranking";

/**
 * Recomputes a ranking from the written definition of 综合得分 (METRIC_DEFINITIONS.compositeScore)
 * by hand, without the scoring functions, over windows that hit every edge of the definition: no
 * bad review, every bad review rectified in time, none rectified, no 承诺件, a thin sample, a tie.
 */
const WEIGHTS: TRankingWeights = { satisfaction: 60, ratedRate: 20, onTimeCompletion: 10, workOrders: 10 };
const MIN_SAMPLE = 30;

function window(id: number, fields: Omit<TRankingInput, "id" | "code">): TRankingInput {
  return { id, code: `W${String(id).padStart(2, "0")}`, ...fields };
}

const FIXTURE: TRankingInput[] = [
  // no bad review at all: 按时整改率 counts as 100 %
  window(1, {
    goodRatings: 200,
    validRatings: 200,
    casesRated: 100,
    casesCompleted: 400,
    promisedOnTime: 50,
    promisedCompleted: 50,
    badReviews: 0,
    rectifiedOnTime: 0,
  }),
  // the same figures, but its bad reviews were all rectified in time (and so it has fewer good ratings)
  window(2, {
    goodRatings: 198,
    validRatings: 200,
    casesRated: 100,
    casesCompleted: 400,
    promisedOnTime: 50,
    promisedCompleted: 50,
    badReviews: 2,
    rectifiedOnTime: 2,
  }),
  // bad reviews never rectified in time
  window(3, {
    goodRatings: 190,
    validRatings: 200,
    casesRated: 150,
    casesCompleted: 400,
    promisedOnTime: 45,
    promisedCompleted: 50,
    badReviews: 10,
    rectifiedOnTime: 0,
  }),
  // no 承诺件 completed: 按时办结率 has no figure, its weight is spread over the other three
  window(4, {
    goodRatings: 95,
    validRatings: 100,
    casesRated: 100,
    casesCompleted: 300,
    promisedOnTime: 0,
    promisedCompleted: 0,
    badReviews: 5,
    rectifiedOnTime: 4,
  }),
  // below the minimum sample: listed, never ranked
  window(5, {
    goodRatings: 29,
    validRatings: 29,
    casesRated: 29,
    casesCompleted: 30,
    promisedOnTime: 1,
    promisedCompleted: 1,
    badReviews: 0,
    rectifiedOnTime: 0,
  }),
  // the same figures as window 7: the tie goes to the window code
  window(6, {
    goodRatings: 80,
    validRatings: 100,
    casesRated: 50,
    casesCompleted: 200,
    promisedOnTime: 10,
    promisedCompleted: 20,
    badReviews: 20,
    rectifiedOnTime: 10,
  }),
  window(7, {
    goodRatings: 80,
    validRatings: 100,
    casesRated: 50,
    casesCompleted: 200,
    promisedOnTime: 10,
    promisedCompleted: 20,
    badReviews: 20,
    rectifiedOnTime: 10,
  }),
];

/** 好评率 95 % 置信区间的威尔逊下界, written out from the textbook formula. */
function wilson(good: number, total: number): number {
  const z = 1.959964;
  const p = good / total;
  return (
    (p + (z * z) / (2 * total) - z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) /
    (1 + (z * z) / total)
  );
}

/** The definition, clause by clause. */
function scoreByDefinition(input: TRankingInput): number | null {
  if (input.validRatings < MIN_SAMPLE) return null;
  const items: { value: number | null; weight: number }[] = [
    { value: wilson(input.goodRatings, input.validRatings), weight: WEIGHTS.satisfaction },
    { value: input.casesCompleted === 0 ? null : input.casesRated / input.casesCompleted, weight: WEIGHTS.ratedRate },
    {
      value: input.promisedCompleted === 0 ? null : input.promisedOnTime / input.promisedCompleted,
      weight: WEIGHTS.onTimeCompletion,
    },
    // 统计期内没有有效差评的，按时整改率按 100% 计
    { value: input.badReviews === 0 ? 1 : input.rectifiedOnTime / input.badReviews, weight: WEIGHTS.workOrders },
  ];
  const counted = items.filter((item) => item.value !== null);
  const weightSum = counted.reduce((sum, item) => sum + item.weight, 0);
  return (counted.reduce((sum, item) => sum + (item.value ?? 0) * item.weight, 0) / weightSum) * 100;
}

describe("综合得分 as its definition states it", () => {
  test("the definition states the rule for a window without bad reviews and for a missing figure, in this version", () => {
    const text = METRIC_DEFINITIONS.compositeScore.definition;
    expect(text).toContain("没有有效差评的，按时整改率按 100% 计");
    expect(text).toContain("没有办结的承诺件的，按时办结率不计，其权重按比例分摊到其余各项");
    expect(METRIC_DEFINITIONS_VERSION).toBe("2026.2");
  });

  test("a ranking recomputed by hand from the definition matches the ranking, score for score", () => {
    const expected = FIXTURE.map((input) => ({ input, score: scoreByDefinition(input) }))
      .filter((row): row is { input: TRankingInput; score: number } => row.score !== null)
      .sort(
        (a, b) =>
          b.score - a.score || b.input.validRatings - a.input.validRatings || a.input.code.localeCompare(b.input.code),
      );
    const ranked = rankEntries(FIXTURE, WEIGHTS, MIN_SAMPLE);
    expect(ranked.filter((row) => row.rank !== null).map((row) => row.id)).toEqual(expected.map((row) => row.input.id));
    for (const [index, row] of expected.entries()) {
      const entry = ranked.find((candidate) => candidate.id === row.input.id);
      expect(entry?.rank).toBe(index + 1);
      expect(entry?.score).toBeCloseTo(row.score, 9);
    }
    expect(ranked.find((row) => row.id === 5)).toMatchObject({ rank: null, score: null, eligible: false });
  });

  test("a window without bad reviews never loses to one whose bad reviews were all rectified in time", () => {
    const ranked = rankEntries(FIXTURE, WEIGHTS, MIN_SAMPLE);
    const rankOf = (id: number) => ranked.find((row) => row.id === id)?.rank ?? Number.POSITIVE_INFINITY;
    expect(rankOf(1)).toBeLessThan(rankOf(2));
    // Leaving the component out instead (re-spreading its 10 % over the rest) would have put window
    // 2 first: its 100 % 按时整改率 lifts it over window 1's mean of the other three.
    const [noBadReviews, allRectified] = FIXTURE as [TRankingInput, TRankingInput];
    const otherThree = (input: TRankingInput) =>
      wilson(input.goodRatings, input.validRatings) * WEIGHTS.satisfaction +
      (input.casesRated / input.casesCompleted) * WEIGHTS.ratedRate +
      (input.promisedOnTime / input.promisedCompleted) * WEIGHTS.onTimeCompletion;
    const leftOut = (otherThree(noBadReviews) / 90) * 100;
    expect(scoreByDefinition(allRectified)).toBeGreaterThan(leftOut);
  });

  test("红榜, 黑榜 and 末位 never name the same window twice, whatever the population's size", () => {
    for (let size = 1; size <= 12; size += 1) {
      const inputs = Array.from({ length: size }, (_, index) =>
        window(index + 1, {
          goodRatings: 100 - index,
          validRatings: 100,
          casesRated: 50,
          casesCompleted: 100,
          promisedOnTime: 0,
          promisedCompleted: 0,
          badReviews: index,
          rectifiedOnTime: 0,
        }),
      );
      const ranked = rankEntries(inputs, WEIGHTS, MIN_SAMPLE);
      const lists = honourLists(ranked);
      const last = lastTwoMonthsRunning(ranked, ranked);
      expect(lists.red.filter((id) => lists.black.includes(id))).toEqual([]);
      expect(lists.red.length).toBe(Math.min(5, Math.floor(size / 2)));
      expect(lists.black.length).toBe(Math.min(5, Math.floor(size / 2)));
      if (last !== null) expect(lists.black[0]).toBe(last);
      expect(last).toBe(size >= 2 ? size : null);
    }
  });
});
