import { describe, expect, test } from "vitest";

import { countWorkingDays, exceptionsFromSchedules, HOLIDAY_SCHEDULES } from "./calendar";
import {
  isProvisionalSpan,
  parseScheduleFile,
  scheduleDays,
  scheduleFromDays,
  yearsAwaitingSchedule,
  ZHolidaySchedule,
} from "./holiday-schedule";

const SCHEDULE_2022 = HOLIDAY_SCHEDULES.find((schedule) => schedule.year === 2022);

function messagesOf(input: unknown): string[] {
  const result = ZHolidaySchedule.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("a holiday schedule as the State Council notice lists it", () => {
  test("every built-in notice passes the schedule's own checks", () => {
    for (const schedule of HOLIDAY_SCHEDULES) expect(messagesOf(schedule)).toEqual([]);
  });

  test("overlapping ranges, a weekday make-up day, a make-up day inside a holiday and a date of another year are named precisely", () => {
    const messages = messagesOf({
      year: 2027,
      holidays: [
        { name: "春节", from: "2027-02-05", to: "2027-02-11" },
        { name: "元宵", from: "2027-02-10", to: "2027-02-12" },
        { name: "元旦", from: "2026-12-31", to: "2027-01-01" },
        { name: "清明节", from: "2027-04-06", to: "2027-04-05" },
      ],
      makeupDays: [
        { name: "春节", date: "2027-02-17" },
        { name: "春节", date: "2027-02-06" },
        { name: "劳动节", date: "2027-04-24" },
        { name: "劳动节", date: "2027-04-24" },
      ],
    });
    expect(messages).toEqual([
      "“元旦”的放假开始日期 2026-12-31 不在 2027 年内",
      "“清明节”的结束日期 2027-04-05 早于开始日期 2027-04-06",
      "“元宵”的放假日期（2027-02-10 至 2027-02-12）与“春节”（2027-02-05 至 2027-02-11）重叠",
      "调休上班日 2027-02-17 是星期三，本来就上班；调休上班日应是周六或周日",
      "调休上班日 2027-02-06 在“春节”放假期间（2027-02-05 至 2027-02-11）内",
      "调休上班日 2027-04-24 重复填写",
    ]);
  });

  test("empty fields and malformed dates get their own message", () => {
    expect(messagesOf({ year: 2027, holidays: [{ name: " ", from: "", to: "2027-02-30" }], makeupDays: [] })).toEqual([
      "请填写节日名称",
      "请填写日期",
      "日期格式应为 YYYY-MM-DD，且是真实存在的日期",
    ]);
    expect(messagesOf({ year: 2027, holidays: [], makeupDays: [] })).toEqual(["请至少填写一段放假安排"]);
  });

  test("stored days read back as the notice's ranges", () => {
    if (!SCHEDULE_2022) throw new Error("2022 is built in");
    expect(scheduleFromDays(2022, scheduleDays(SCHEDULE_2022))).toEqual(SCHEDULE_2022);
    expect(countWorkingDays("2022-06-01", "2022-06-30", exceptionsFromSchedules([SCHEDULE_2022]))).toBe(21);
  });
});

describe("a year without a confirmed schedule", () => {
  const confirmed = new Set([2022, 2023, 2024, 2025, 2026]);

  test("is announced to administrators from 1 November of the year before, and all through its own year", () => {
    expect(yearsAwaitingSchedule("2026-10-31", confirmed)).toEqual([]);
    expect(yearsAwaitingSchedule("2026-11-01", confirmed)).toEqual([2027]);
    expect(yearsAwaitingSchedule("2027-03-01", confirmed)).toEqual([2027]);
    expect(yearsAwaitingSchedule("2026-11-01", new Set([...confirmed, 2027]))).toEqual([]);
  });

  test("marks every span that reaches into it as provisional", () => {
    expect(isProvisionalSpan("2026-12-20", "2027-01-12", confirmed)).toBe(true);
    expect(isProvisionalSpan("2026-06-01", "2026-06-30", confirmed)).toBe(false);
    expect(isProvisionalSpan("2021-06-01", "2021-06-30", confirmed)).toBe(true);
  });
});

describe("a schedule imported from a file", () => {
  const CSV = [
    "类型,名称,开始日期,结束日期",
    "放假,元旦,2027-01-01,2027-01-03",
    "放假,春节,2027-02-05,2027-02-11",
    "调休上班,春节,2027-02-13,",
    "",
  ].join("\n");

  test("reads the documented CSV", () => {
    expect(parseScheduleFile(CSV, 2027)).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: [
          { name: "元旦", from: "2027-01-01", to: "2027-01-03" },
          { name: "春节", from: "2027-02-05", to: "2027-02-11" },
        ],
        makeupDays: [{ name: "春节", date: "2027-02-13" }],
      },
    });
  });

  test("reads the same shape as JSON, and refuses another year's", () => {
    if (!SCHEDULE_2022) throw new Error("2022 is built in");
    expect(parseScheduleFile(JSON.stringify(SCHEDULE_2022), 2022)).toEqual({ ok: true, schedule: SCHEDULE_2022 });
    expect(parseScheduleFile(JSON.stringify(SCHEDULE_2022), 2027)).toEqual({
      ok: false,
      errors: ["文件是 2022 年的安排，正在填写的是 2027 年"],
    });
  });

  test("names the line of a bad type, and the field of a bad date", () => {
    expect(parseScheduleFile("类型,名称,开始日期,结束日期\n休息,春节,2027-02-05,2027-02-11", 2027)).toEqual({
      ok: false,
      errors: ["第 2 行：类型应为“放假”或“调休上班”，而不是“休息”"],
    });
    expect(parseScheduleFile("类型,名称,开始日期,结束日期\n放假,春节,2027/02/05,2027-02-11", 2027)).toEqual({
      ok: false,
      errors: ["“春节”：日期格式应为 YYYY-MM-DD，且是真实存在的日期"],
    });
    expect(parseScheduleFile("日期,类型\n", 2027)).toEqual({
      ok: false,
      errors: ["第 1 行应为表头“类型,名称,开始日期,结束日期”"],
    });
  });
});
