import { describe, expect, it } from "vitest";

import { reasonPageStarts } from "./reason-pages";

/** Rows of `height` px with a 12 px gap; `perRow` reasons side by side. */
function rows(count: number, perRow: number, heights: number[]) {
  const boxes = [];
  let top = 0;
  for (let row = 0; row * perRow < count; row++) {
    const height = heights[row % heights.length] ?? 0;
    for (let column = 0; column < perRow && row * perRow + column < count; column++)
      boxes.push({ top, bottom: top + height });
    top += height + 12;
  }
  return boxes;
}

describe("reasonPageStarts", () => {
  it("keeps everything on one page when it fits", () => {
    expect(reasonPageStarts(rows(8, 2, [76]), 400)).toEqual([0]);
  });

  it("starts a page at the first row that would cross the bottom, never inside a row", () => {
    // rows 76, 139, 76, 139 (two reasons each) in 240 px: rows 1+2 (227), rows 3+4 (227)
    expect(reasonPageStarts(rows(8, 2, [76, 139]), 240)).toEqual([0, 4]);
    // in 200 px only one row fits at a time
    expect(reasonPageStarts(rows(8, 2, [76, 139]), 200)).toEqual([0, 2, 4, 6]);
  });

  it("gives a row taller than the room a page of its own rather than losing it", () => {
    expect(reasonPageStarts(rows(3, 1, [50, 300, 50]), 100)).toEqual([0, 1, 2]);
  });

  it("has no pages without reasons", () => {
    expect(reasonPageStarts([], 100)).toEqual([]);
  });
});
