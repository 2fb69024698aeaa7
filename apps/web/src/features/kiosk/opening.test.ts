import { describe, expect, test } from "vitest";

import { isOpenAt, nextChangeAfter } from "./opening";

const opening = {
  intervals: [
    [100, 200],
    [300, 400],
  ] as [number, number][],
  until: 1000,
  text: "工作日 09:00–12:00",
};

describe("the hall's opening hours on the evaluator", () => {
  test("open inside an interval, closed between and after them", () => {
    expect([50, 100, 199, 200, 250, 399, 400, 999].map((now) => isOpenAt(opening, now))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  test("past what the server said, or without it, nothing is claimed: not 非办公时间", () => {
    expect(isOpenAt(opening, 1000)).toBe(true);
    expect(isOpenAt(null, 0)).toBe(true);
  });

  test("the screen is looked at again at the next boundary, or when the intervals run out", () => {
    expect(nextChangeAfter(opening, 50)).toBe(100);
    expect(nextChangeAfter(opening, 150)).toBe(200);
    expect(nextChangeAfter(opening, 400)).toBe(1000);
    expect(nextChangeAfter(opening, 1000)).toBeNull();
    expect(nextChangeAfter(null, 0)).toBeNull();
  });
});
