import { describe, expect, test } from "vitest";

import { exceptionsFromSchedules, isWorkingDay } from "@hcp/domain";

import { buildDemoCatalog, creditCode, DEMO_ITEM_COUNT } from "./catalog";
import { demoIdempotencyKey, planDays } from "./simulation";

describe("demo catalogue", () => {
  const catalog = buildDemoCatalog("330100");

  test("is the same on every call", () => {
    expect(buildDemoCatalog("330100")).toEqual(catalog);
  });

  test("has the report's 48 departments and 1,444 items, 68.41% of them instant", () => {
    expect(catalog.departments).toHaveLength(48);
    expect(catalog.items).toHaveLength(DEMO_ITEM_COUNT);
    expect(catalog.items.filter((item) => item.caseType === "instant")).toHaveLength(988);
    for (const item of catalog.items) expect(item.code).toMatch(/^\d{21}$/);
  });

  test("gives every department a credit code with a valid GB 32100 check character", () => {
    for (const department of catalog.departments) {
      expect(department.code).toHaveLength(18);
      expect(creditCode(department.code.slice(0, 17))).toBe(department.code);
    }
  });

  test("accepts every item at some window and staffs every window with two or three people", () => {
    for (const item of catalog.items) expect(item.windows.length).toBeGreaterThan(0);
    for (const window of catalog.windows) {
      expect(window.staff.length).toBeGreaterThanOrEqual(2);
      expect(window.staff.length).toBeLessThanOrEqual(3);
    }
    // 出入境 items are taken at the 出入境 window only.
    const exitEntry = catalog.windows.findIndex((window) => window.code === "B01");
    const passport = catalog.items.find((item) => item.name === "普通护照首次申领");
    expect(passport?.windows).toEqual([exitEntry]);
  });
});

describe("simulated 2023", () => {
  test("spreads exactly the scaled total over the 249 working days", () => {
    const exceptions = exceptionsFromSchedules();
    const days = planDays(1, exceptions);
    expect(days).toHaveLength(249);
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(243_000);
    for (const day of days) expect(isWorkingDay(day.date, exceptions)).toBe(true);
    expect(planDays(0.02, exceptions).reduce((sum, day) => sum + day.count, 0)).toBe(4860);
  });

  test("derives rating keys that look like UUID v4 and differ per case", () => {
    const key = demoIdempotencyKey("3301002023010300001");
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(demoIdempotencyKey("3301002023010300001")).toBe(key);
    expect(demoIdempotencyKey("3301002023010300002")).not.toBe(key);
  });
});
