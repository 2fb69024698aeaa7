import { describe, expect, test } from "vitest";

import { countWorkingDays, exceptionsFromSchedules } from "./calendar";
import {
  dailyAverage,
  emptyLevelCounts,
  emptyTally,
  formatPercent,
  formatQuotient,
  ratingMetrics,
  sumTallies,
  wilsonLowerBound,
} from "./metrics";

describe("rating metrics", () => {
  test("好评率 counts levels 3–5 over valid ratings, 差评率 levels 1–2", () => {
    const metrics = ratingMetrics({
      ...emptyTally(),
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
      ...emptyTally(),
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

describe("case metrics", () => {
  test("未评率 counts closed rating windows without an active rating; a default rating is not the citizen's", () => {
    // 10 cases with a closed window: 6 rated by the citizen, 1 by default, 3 not at all → 4 未评.
    const metrics = ratingMetrics({ ...emptyTally(), casesCompleted: 12, casesClosed: 10, casesClosedUnrated: 4 });
    expect(metrics.unratedRate).toEqual({ num: 4, den: 10 });
    expect(formatPercent(metrics.unratedRate)).toBe("40.00%");
  });

  test("按时办结率 is over 承诺件 only, and the mean handling time over all completed cases", () => {
    const metrics = ratingMetrics({
      ...emptyTally(),
      casesCompleted: 4,
      promisedCompleted: 3,
      promisedOnTime: 2,
      handlingSeconds: 4 * 3600 + 1800,
    });
    expect(formatPercent(metrics.onTimeCompletionRate)).toBe("66.67%");
    expect(formatQuotient({ num: metrics.meanHandlingSeconds.num, den: metrics.meanHandlingSeconds.den * 3600 })).toBe(
      "1.13",
    );
  });

  test("an empty period divides nothing: every rate reads —", () => {
    const metrics = ratingMetrics(emptyTally());
    for (const ratio of [metrics.goodRate, metrics.ratedRate, metrics.unratedRate, metrics.onTimeCompletionRate]) {
      expect(formatPercent(ratio)).toBe("—");
    }
  });
});

describe("summing tallies", () => {
  test("adds every count exactly, levels and defaults included", () => {
    const first = {
      ...emptyTally(),
      casesCompleted: 10,
      casesRated: 4,
      casesClosed: 8,
      casesClosedUnrated: 5,
      byLevel: { 5: 3, 4: 0, 3: 0, 2: 0, 1: 1 },
    };
    const second = {
      ...emptyTally(),
      casesCompleted: 5,
      casesRated: 1,
      casesRatedByDefault: 1,
      byLevel: { 5: 0, 4: 1, 3: 0, 2: 0, 1: 0 },
      defaultByLevel: { 5: 0, 4: 1, 3: 0, 2: 0, 1: 0 },
    };
    const total = sumTallies([first, second]);
    expect(total.casesCompleted).toBe(15);
    expect(total.casesRated).toBe(5);
    expect(total.casesRatedByDefault).toBe(1);
    expect(total.casesClosedUnrated).toBe(5);
    expect(total.byLevel).toEqual({ 5: 3, 4: 1, 3: 0, 2: 0, 1: 1 });
    expect(total.defaultByLevel[4]).toBe(1);
    expect(ratingMetrics(total).goodRate).toEqual({ num: 4, den: 5 });
    expect(ratingMetrics(total).activeGoodRate).toEqual({ num: 3, den: 4 });
  });
});

describe("日均办件量", () => {
  test("divides by the working days of the hall calendar, with the calendar-day figure beside it", () => {
    const exceptions = exceptionsFromSchedules();
    // April 2023: 20 weekdays, less Qingming (5th), plus Sunday 23rd worked for Labour Day = 20.
    const workingDays = countWorkingDays("2023-04-01", "2023-04-30", exceptions);
    expect(workingDays).toBe(20);
    expect(formatQuotient(dailyAverage(20_249, workingDays), 1)).toBe("1012.5");
    expect(formatQuotient(dailyAverage(20_249, 30), 1)).toBe("675.0");
    // The hall's 2023: 243,000 cases over 249 working days — "more than 1,000 a day".
    expect(formatQuotient(dailyAverage(243_000, countWorkingDays("2023-01-01", "2023-12-31", exceptions)), 1)).toBe(
      "975.9",
    );
  });
});
