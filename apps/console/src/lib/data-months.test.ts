import { expect, test } from "vitest";

import { defaultReportMonth, defaultSummaryYear, periodPresets, reportMonthPresets } from "./data-months";

const today = "2026-12-07";
/** The demo hall's months: 2023 whole, then the first of last month to now. */
const DEMO = ["2026-12", "2026-11", ...Array.from({ length: 12 }, (_, i) => `2023-${String(12 - i).padStart(2, "0")}`)];

test("a hall with no data is offered today, this month and this year, nothing else", () => {
  expect(periodPresets(today, [])).toEqual([
    { key: "today", period: { from: today, to: today } },
    { key: "month", period: { from: "2026-12-01", to: today } },
    { key: "year", year: 2026, period: { from: "2026-01-01", to: today } },
  ]);
});

test("each earlier year with data follows, newest first, as its whole year", () => {
  const presets = periodPresets(today, [...DEMO, "2021-03"]);
  expect(presets.slice(3)).toEqual([
    { key: "year", year: 2023, period: { from: "2023-01-01", to: "2023-12-31" } },
    { key: "year", year: 2021, period: { from: "2021-01-01", to: "2021-12-31" } },
  ]);
});

test("the monthly report opens on the latest closed month with data, else on last month", () => {
  expect(defaultReportMonth("2026-12", DEMO)).toBe("2026-11");
  expect(defaultReportMonth("2026-12", ["2026-12", "2025-04"])).toBe("2025-04");
  // Only this month has data: it is not closed, so last month as before.
  expect(defaultReportMonth("2026-12", ["2026-12"])).toBe("2026-11");
  expect(defaultReportMonth("2026-01", [])).toBe("2025-12");
});

test("the monthly report offers each year's latest closed month with data, newest first", () => {
  expect(reportMonthPresets("2026-12", DEMO)).toEqual(["2026-11", "2023-12"]);
  expect(reportMonthPresets("2026-12", ["2026-12"])).toEqual([]);
  expect(reportMonthPresets("2026-12", ["2026-05", "2025-02", "2024-09", "2023-01", "2022-01"])).toEqual([
    "2026-05",
    "2025-02",
    "2024-09",
  ]);
});

test("the yearly summary opens on the latest year with data, else this year", () => {
  expect(defaultSummaryYear(2026, DEMO)).toBe(2026);
  expect(defaultSummaryYear(2026, ["2023-05"])).toBe(2023);
  expect(defaultSummaryYear(2026, [])).toBe(2026);
});
