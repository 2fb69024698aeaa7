import { describe, expect, test } from "vitest";

import {
  areaCodeProblem,
  DEFAULT_OPENING_HOURS,
  openingHoursOf,
  openingHoursText,
  openingIntervals,
  ZHallSettings,
  ZOpeningHours,
} from "./hall-settings";

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("行政区划代码 (GB/T 2260)", () => {
  test("takes a county's, a city's and a province's code", () => {
    expect(areaCodeProblem("330122")).toBeNull();
    expect(areaCodeProblem("330100")).toBeNull();
    expect(areaCodeProblem("330000")).toBeNull();
  });

  test("refuses a wrong length, an unknown province and a county under no city", () => {
    expect(areaCodeProblem("33012")).toBe("行政区划代码应为 6 位数字");
    expect(areaCodeProblem("3301a2")).toBe("行政区划代码应为 6 位数字");
    expect(areaCodeProblem("990122")).toBe("行政区划代码前两位“99”不是有效的省级代码");
    expect(areaCodeProblem("330012")).toBe("行政区划代码第 3–4 位为 00 时，第 5–6 位也应为 00");
  });
});

describe("办公时间", () => {
  test("periods must end after they start and follow each other without overlapping", () => {
    expect(
      messages(
        ZOpeningHours.safeParse({
          workingDays: [
            { from: "09:00", to: "12:00" },
            { from: "11:30", to: "11:00" },
          ],
          nonWorkingDays: "open",
        }),
      ),
    ).toEqual([
      ["workingDays.1.to", "结束时间须晚于开始时间"],
      ["workingDays.1.from", "时段须按时间先后填写且互不重叠"],
      ["nonWorkingDayPeriods", "非工作日开放时请至少填写一个时段"],
    ]);
    expect(messages(ZOpeningHours.safeParse({ workingDays: [], nonWorkingDays: "closed" }))).toEqual([
      ["workingDays", "请至少填写一个工作日办公时段"],
    ]);
    expect(
      messages(ZOpeningHours.safeParse({ workingDays: [{ from: "9:00", to: "12:00" }], nonWorkingDays: "closed" })),
    ).toEqual([["workingDays.0.from", "时间格式应为 HH:MM，如 09:00"]]);
  });

  test("a hall's settings check its area code", () => {
    expect(
      messages(
        ZHallSettings.safeParse({ name: "县政务服务中心", regionCode: "12345", openingHours: DEFAULT_OPENING_HOURS }),
      ),
    ).toEqual([["regionCode", "行政区划代码应为 6 位数字"]]);
  });

  test("the stored hours are read back, and nothing stored or something unreadable is the default", () => {
    const weekend = {
      ...DEFAULT_OPENING_HOURS,
      nonWorkingDays: "open",
      nonWorkingDayPeriods: [{ from: "09:00", to: "12:00" }],
    };
    expect(openingHoursOf(JSON.stringify(weekend))).toEqual(weekend);
    expect(openingHoursOf("")).toEqual(DEFAULT_OPENING_HOURS);
    expect(openingHoursOf("{not json")).toEqual(DEFAULT_OPENING_HOURS);
    expect(openingHoursOf(JSON.stringify({ workingDays: [] }))).toEqual(DEFAULT_OPENING_HOURS);
  });

  test("a working day is open in its periods, a 非工作日 only when the hall opens then, a 大厅服务日 like a working day", () => {
    const iso = (intervals: { start: Date; end: Date }[]) =>
      intervals.map((interval) => [interval.start.toISOString(), interval.end.toISOString()]);
    expect(
      iso(
        openingIntervals(DEFAULT_OPENING_HOURS, [
          { date: "2026-12-05", kind: "nonWorking" },
          { date: "2026-12-06", kind: "serviceDay" },
          { date: "2026-12-07", kind: "working" },
        ]),
      ),
    ).toEqual([
      ["2026-12-06T01:00:00.000Z", "2026-12-06T04:00:00.000Z"],
      ["2026-12-06T05:30:00.000Z", "2026-12-06T09:30:00.000Z"],
      ["2026-12-07T01:00:00.000Z", "2026-12-07T04:00:00.000Z"],
      ["2026-12-07T05:30:00.000Z", "2026-12-07T09:30:00.000Z"],
    ]);
    const weekend = {
      ...DEFAULT_OPENING_HOURS,
      nonWorkingDays: "open" as const,
      nonWorkingDayPeriods: [{ from: "09:00", to: "12:00" }],
    };
    expect(iso(openingIntervals(weekend, [{ date: "2026-12-05", kind: "nonWorking" }]))).toEqual([
      ["2026-12-05T01:00:00.000Z", "2026-12-05T04:00:00.000Z"],
    ]);
    expect(openingHoursText(weekend)).toBe("工作日 09:00–12:00、13:30–17:30；非工作日 09:00–12:00");
    expect(openingHoursText(DEFAULT_OPENING_HOURS)).toBe("工作日 09:00–12:00、13:30–17:30；非工作日休息");
  });

  test("periods that touch across midnight are one interval", () => {
    const allDay = {
      workingDays: [{ from: "00:00", to: "24:00" }],
      nonWorkingDays: "closed" as const,
      nonWorkingDayPeriods: [],
    };
    expect(
      openingIntervals(allDay, [
        { date: "2026-12-07", kind: "working" },
        { date: "2026-12-08", kind: "working" },
      ]).map((interval) => [interval.start.toISOString(), interval.end.toISOString()]),
    ).toEqual([["2026-12-06T16:00:00.000Z", "2026-12-08T16:00:00.000Z"]]);
  });
});
