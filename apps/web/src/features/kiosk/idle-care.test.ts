import { describe, expect, test } from "vitest";

import { driftOffset } from "./idle-care";

describe("idle screen burn-in care", () => {
  test("every step moves the card, never by more than 32 px, and the cycle repeats", () => {
    const steps = Array.from({ length: 16 }, (_, step) => driftOffset(step));
    for (const [index, offset] of steps.entries()) {
      expect(Math.abs(offset.x)).toBeLessThanOrEqual(32);
      expect(Math.abs(offset.y)).toBeLessThanOrEqual(32);
      if (index > 0) expect(offset).not.toEqual(steps[index - 1]);
    }
    expect(steps[8]).toEqual(steps[0]);
    expect(driftOffset(-1)).toEqual(steps[7]);
  });
});
