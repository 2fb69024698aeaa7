import { expect, test } from "vitest";

import { hallToday, monthOf, periodFromSearch, periodKindOf, weekOf } from "./period";

const today = "2026-11-25";

test("no search params means today", () => {
  expect(periodFromSearch({}, today)).toEqual({ period: { from: today, to: today }, invalid: false });
});

test("a URL period is used as given", () => {
  expect(periodFromSearch({ from: "2023-01-01", to: "2023-12-31" }, today)).toEqual({
    period: { from: "2023-01-01", to: "2023-12-31" },
    invalid: false,
  });
});

test("a single date stands for that one day", () => {
  expect(periodFromSearch({ from: "2023-05-08" }, today).period).toEqual({ from: "2023-05-08", to: "2023-05-08" });
});

test("a malformed or reversed period falls back to today and says so", () => {
  expect(periodFromSearch({ from: "2023-13-01", to: "2023-12-31" }, today)).toEqual({
    period: { from: today, to: today },
    invalid: true,
  });
  expect(periodFromSearch({ from: "2023-12-31", to: "2023-01-01" }, today).invalid).toBe(true);
});

test("today is the hall's date (Asia/Shanghai), not UTC's", () => {
  // 17:30 UTC on 31 Dec is already 1 Jan in the hall.
  expect(hallToday(new Date("2023-12-31T17:30:00Z"))).toBe("2024-01-01");
});

test("a week runs Monday to Sunday, a month over all its days", () => {
  expect(weekOf("2026-11-25")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
  expect(weekOf("2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
  expect(monthOf("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  expect(monthOf("2023-12-15")).toEqual({ from: "2023-12-01", to: "2023-12-31" });
});

test("a period read back from the URL reopens in the picker that made it", () => {
  expect(periodKindOf({ from: "2023-05-08", to: "2023-05-08" })).toBe("day");
  expect(periodKindOf({ from: "2023-05-08", to: "2023-05-14" })).toBe("week");
  expect(periodKindOf({ from: "2023-05-01", to: "2023-05-31" })).toBe("month");
  expect(periodKindOf({ from: "2023-05-01", to: "2023-05-30" })).toBe("custom");
});

test("a page may fall back to a period other than today", () => {
  expect(periodFromSearch({}, today, monthOf(today)).period).toEqual({ from: "2026-11-01", to: "2026-11-30" });
  expect(periodFromSearch({ from: "nope" }, today, monthOf(today))).toEqual({
    period: { from: "2026-11-01", to: "2026-11-30" },
    invalid: true,
  });
});
