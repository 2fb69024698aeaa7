import { expect, it } from "vitest";

import { measurePages, sizeLine } from "./check-bundle-size";

// Runs after `vite build` (npm test builds the front ends first): each citizen page's first load
// stays within its gzipped JavaScript budget.
for (const size of measurePages()) {
  it(`${size.page} loads at most ${size.budget} bytes of gzipped JavaScript`, () => {
    console.log(sizeLine(size));
    expect(size.gzipBytes).toBeLessThanOrEqual(size.budget);
  });
}
