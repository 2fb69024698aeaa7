import { expect, test } from "vitest";

import { canUse, screenLabel, screensFor } from "../../lib/screens";
import { buildYear, defaultCalendarYear, holidaySummary } from "./calendar-model";
import { parseCalendarSearch } from "./calendar-search";
import { EXCEPTIONS_2023 } from "./fixtures";

test("months are Monday-first weeks padded at both ends", () => {
  const months = buildYear(2023, EXCEPTIONS_2023, []);
  expect(months).toHaveLength(12);
  const january = months[0];
  // 2023-01-01 was a Sunday.
  expect(january?.weeks[0]?.slice(0, 6)).toEqual([null, null, null, null, null, null]);
  expect(january?.weeks[0]?.[6]).toMatchObject({ date: "2023-01-01", kind: "holiday", name: "元旦" });
  expect(months.flatMap((month) => month.weeks.flat()).filter((day) => day !== null)).toHaveLength(365);
  expect(months.every((month) => month.weeks.every((week) => week.length === 7))).toBe(true);
});

test("the notice reads as ranges of days off and make-up dates", () => {
  const national = holidaySummary(EXCEPTIONS_2023).find((summary) => summary.name === "中秋节、国庆节");
  expect(national?.holidays).toEqual([{ from: "2023-09-29", to: "2023-10-06", days: 8 }]);
  expect(holidaySummary(EXCEPTIONS_2023).find((summary) => summary.name === "国庆节")?.makeupDays).toEqual([
    "2023-10-07",
    "2023-10-08",
  ]);
});

test("the year defaults to the current one, within the years offered; the URL's is checked", () => {
  expect(defaultCalendarYear("2026-11-25")).toBe(2026);
  expect(defaultCalendarYear("2031-01-01")).toBe(2027);
  expect(defaultCalendarYear("2020-01-01")).toBe(2022);
  expect(parseCalendarSearch({ year: 2024 })).toEqual({ year: 2024 });
  expect(parseCalendarSearch({ year: "2025" })).toEqual({ year: 2025 });
  expect(parseCalendarSearch({ year: 1999 })).toEqual({ year: undefined });
  expect(parseCalendarSearch({ year: "abc" })).toEqual({ year: undefined });
});

test("admins, hall managers and auditors reach the calendar; it is last in the navigation", () => {
  expect(screensFor("admin").at(-1)).toBe("calendar");
  expect(canUse("hall_manager", "calendar")).toBe(true);
  expect(canUse("auditor", "calendar")).toBe(true);
  expect(canUse("department_head", "calendar")).toBe(false);
  expect(canUse("window_staff", "calendar")).toBe(false);
  expect(screenLabel("calendar")).toBe("工作日历");
});
