import { expect, it } from "vitest";

import { measurePages, sizeLine } from "./check-bundle-size";

// Runs after `vite build` (npm test builds the front ends first): each citizen page's first load
// stays within its gzipped JavaScript budget, and the evaluator's service worker within its own.
for (const size of measurePages()) {
  it(`${size.page} loads at most ${size.budget} bytes of gzipped page JavaScript`, () => {
    console.log(sizeLine(size));
    expect(size.gzipBytes).toBeLessThanOrEqual(size.budget);
  });
  const worker = size.serviceWorker;
  if (worker) {
    it(`${size.page}'s service worker is at most ${worker.budget} bytes of gzipped JavaScript`, () => {
      expect(worker.gzipBytes).toBeLessThanOrEqual(worker.budget);
    });
  }
}
