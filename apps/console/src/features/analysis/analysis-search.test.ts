import { expect, test } from "vitest";

import { parseAnalysisSearch } from "./analysis-search";

test("a known view, a period and a department survive from the URL", () => {
  expect(parseAnalysisSearch({ view: "items", from: "2023-01-01", to: "2023-01-31", dept: "12" })).toEqual({
    view: "items",
    from: "2023-01-01",
    to: "2023-01-31",
    dept: 12,
  });
});

test("an unknown view or a bad department is dropped, not fatal", () => {
  expect(parseAnalysisSearch({ view: "secret", dept: "-3" })).toEqual({
    view: undefined,
    from: undefined,
    to: undefined,
    dept: undefined,
  });
});
