import { expect, test } from "vitest";
import { z } from "zod";

import { parseRatingsSearch } from "../features/performance/performance-search";
import { parseReportSearch, parseYearlySearch } from "../features/reports/report-search";
import { parsePeriodSearch } from "./period";
import { searchParam, searchParser } from "./search-params";

test("every param turns a bad value into nothing and keeps the good ones, from numbers or their text", () => {
  const parse = searchParser(
    z.object({
      n: searchParam.int(1, 9),
      kind: searchParam.oneOf(["a", "b"]),
      on: searchParam.flag(),
      t: searchParam.text(),
    }),
  );
  expect(parse({ n: "3", kind: "b", on: "true", t: "x" })).toEqual({ n: 3, kind: "b", on: true, t: "x" });
  expect(parse({ n: 10, kind: "c", on: false, t: 5, other: "dropped" })).toEqual({});
  expect(parse({ n: "1.5", kind: ["a"], on: "yes", t: null })).toEqual({});
});

test("the period keeps only texts; the ratings page keeps pages after the first", () => {
  expect(parsePeriodSearch({ from: "2023-01-01", to: 20230131 })).toEqual({ from: "2023-01-01" });
  expect(parseRatingsSearch({ from: "2023-01-01", page: "3" })).toEqual({ from: "2023-01-01", page: 3 });
  expect(parseRatingsSearch({ page: 1 })).toEqual({});
});

test("a report version needs its month; a year outside 2000–2100 is dropped", () => {
  expect(parseReportSearch({ month: "2023-05", version: "2" })).toEqual({ month: "2023-05", version: 2 });
  expect(parseReportSearch({ month: "2023-13", version: 2 })).toEqual({});
  expect(parseYearlySearch({ year: 2023 })).toEqual({ year: 2023 });
  expect(parseYearlySearch({ year: 1999 })).toEqual({});
});
