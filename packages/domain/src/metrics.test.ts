import { describe, expect, test } from "vitest";

import {
  emptyLevelCounts,
  formatPercent,
  formatQuotient,
  ratingMetrics,
  sumTallies,
  tallyFromCounts,
  wilsonLowerBound,
} from "./metrics";

describe("rating metrics", () => {
  test("好评率 counts levels 3–5 over valid ratings, 差评率 levels 1–2", () => {
    const metrics = ratingMetrics({
      casesCompleted: 10,
      casesRated: 6,
      byLevel: { 5: 3, 4: 1, 3: 1, 2: 1, 1: 0 },
      defaultByLevel: emptyLevelCounts(),
    });
    expect(metrics.ratings).toBe(6);
    expect(metrics.goodRate).toEqual({ num: 5, den: 6 });
    expect(metrics.badRate).toEqual({ num: 1, den: 6 });
    expect(metrics.ratedRate).toEqual({ num: 6, den: 10 });
    expect(formatPercent(metrics.goodRate)).toBe("83.33%");
    // (3×100 + 80 + 60 + 40) / 6 = 80
    expect(formatQuotient(metrics.score)).toBe("80.00");
  });

  test("default ratings count as valid but not as active ratings", () => {
    const metrics = ratingMetrics({
      casesCompleted: 4,
      casesRated: 4,
      byLevel: { 5: 3, 4: 0, 3: 0, 2: 1, 1: 0 },
      defaultByLevel: { 5: 2, 4: 0, 3: 0, 2: 0, 1: 0 },
    });
    expect(metrics.ratings).toBe(2);
    expect(metrics.goodRate).toEqual({ num: 3, den: 4 });
    expect(metrics.activeGoodRate).toEqual({ num: 1, den: 2 });
  });

  test("percentages round half up exactly, without floating-point drift", () => {
    expect(formatPercent({ num: 1, den: 8 }, 1)).toBe("12.5%");
    expect(formatPercent({ num: 1, den: 16 }, 2)).toBe("6.25%");
    expect(formatPercent({ num: 1, den: 16 }, 1)).toBe("6.3%");
    expect(formatPercent({ num: 2, den: 3 })).toBe("66.67%");
    expect(formatPercent({ num: 54_997, den: 55_000 })).toBe("99.99%");
    expect(formatPercent({ num: 1, den: 3 }, 0)).toBe("33%");
    expect(formatPercent({ num: 0, den: 0 })).toBe("—");
  });

  test("Wilson lower bound ranks a large near-perfect sample above a tiny perfect one", () => {
    const tiny = wilsonLowerBound(3, 3);
    const large = wilsonLowerBound(990, 1000);
    expect(tiny).not.toBeNull();
    expect(large).not.toBeNull();
    expect(large ?? 0).toBeGreaterThan(tiny ?? 1);
    expect(wilsonLowerBound(0, 0)).toBeNull();
    expect(wilsonLowerBound(990, 1000)).toBeCloseTo(0.9817, 3);
  });
});

describe("tallies from grouped counts", () => {
  test("folds case and rating counts per key and sums them exactly", () => {
    const tallies = tallyFromCounts(
      [
        { key: 1, completed: 10, rated: 4 },
        { key: 2, completed: 5, rated: 1 },
      ],
      [
        { key: 1, level: 5, isDefault: false, count: 3 },
        { key: 1, level: 1, isDefault: false, count: 1 },
        { key: 2, level: 4, isDefault: true, count: 1 },
      ],
    );
    expect(tallies.get(1)?.byLevel).toEqual({ 5: 3, 4: 0, 3: 0, 2: 0, 1: 1 });
    expect(tallies.get(2)?.defaultByLevel[4]).toBe(1);
    const total = sumTallies(tallies.values());
    expect(total.casesCompleted).toBe(15);
    expect(total.casesRated).toBe(5);
    expect(ratingMetrics(total).goodRate).toEqual({ num: 4, den: 5 });
  });
});
