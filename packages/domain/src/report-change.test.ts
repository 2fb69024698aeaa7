import { describe, expect, test } from "vitest";

import { countChange, figureChange, rateChange, scoreChange } from "./report-change";

describe("report change", () => {
  test("a rate moves by percentage points, rounded half-up once from the exact difference", () => {
    // 99.50% → 99.62%: 9962/10000 − 995/1000 = 0.0012
    expect(rateChange({ num: 9962, den: 10000 }, { num: 995, den: 1000 })).toBe("+0.12 个百分点");
    expect(rateChange({ num: 995, den: 1000 }, { num: 9962, den: 10000 })).toBe("-0.12 个百分点");
    // 1/3 − 1/4 = 8.3333… points; 2/3 − 1/2 = 16.666… points → 16.67
    expect(rateChange({ num: 1, den: 3 }, { num: 1, den: 4 })).toBe("+8.33 个百分点");
    expect(rateChange({ num: 2, den: 3 }, { num: 1, den: 2 })).toBe("+16.67 个百分点");
    // exactly half a hundredth of a point rounds away from zero: 1/800 − 0 = 0.125 points
    expect(rateChange({ num: 1, den: 800 }, { num: 0, den: 5 })).toBe("+0.13 个百分点");
    expect(rateChange({ num: 0, den: 5 }, { num: 1, den: 800 })).toBe("-0.13 个百分点");
  });

  test("no change and changes that round to nothing carry no sign", () => {
    expect(rateChange({ num: 1, den: 2 }, { num: 2, den: 4 })).toBe("0.00 个百分点");
    expect(rateChange({ num: 100000, den: 100001 }, { num: 1, den: 1 })).toBe("0.00 个百分点");
    expect(countChange({ num: 7, den: 1 }, { num: 7, den: 1 })).toBe("0.0%");
  });

  test("a count moves by a relative share", () => {
    expect(countChange({ num: 1034, den: 1 }, { num: 1000, den: 1 })).toBe("+3.4%");
    expect(countChange({ num: 966, den: 1 }, { num: 1000, den: 1 })).toBe("-3.4%");
    expect(countChange({ num: 2, den: 1 }, { num: 3, den: 1 })).toBe("-33.3%");
    // a daily average: 1,100 cases over 22 days against 1,000 over 20 → 50 vs 50
    expect(countChange({ num: 1100, den: 22 }, { num: 1000, den: 20 })).toBe("0.0%");
    expect(countChange({ num: 1155, den: 21 }, { num: 1000, den: 20 })).toBe("+10.0%");
  });

  test("a score moves by points", () => {
    // (80·2 + 100)/3 = 86.666… against 90
    expect(scoreChange({ num: 260, den: 3 }, { num: 90, den: 1 })).toBe("-3.33 分");
    expect(figureChange("score", { num: 95, den: 1 }, { num: 90, den: 1 })).toBe("+5.00 分");
  });

  test("undefined on either side, or a count from zero, has no change", () => {
    expect(rateChange({ num: 0, den: 0 }, { num: 1, den: 2 })).toBe("—");
    expect(rateChange({ num: 1, den: 2 }, { num: 0, den: 0 })).toBe("—");
    expect(countChange({ num: 5, den: 1 }, { num: 0, den: 1 })).toBe("—");
    expect(countChange({ num: 5, den: 0 }, { num: 3, den: 1 })).toBe("—");
    expect(scoreChange({ num: 0, den: 0 }, { num: 90, den: 1 })).toBe("—");
    expect(figureChange("rate", { num: 1, den: 4 }, { num: 1, den: 2 })).toBe("-25.00 个百分点");
    expect(figureChange("count", { num: 3, den: 1 }, { num: 4, den: 1 })).toBe("-25.0%");
  });

  test("counts of a province stay exact where floating point would not", () => {
    // 13.9 million ratings a month: the cross products pass 2^53
    const current = { num: 13_899_999, den: 13_900_000 };
    const previous = { num: 13_899_998, den: 13_900_001 };
    expect(rateChange(current, previous)).toBe("0.00 个百分点");
    expect(countChange({ num: 13_900_139, den: 1 }, { num: 13_900_000, den: 1 })).toBe("0.0%");
    expect(countChange({ num: 13_907_089, den: 1 }, { num: 13_900_000, den: 1 })).toBe("+0.1%");
  });
});
