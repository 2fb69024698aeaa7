import { z } from "zod";

import { hallDayBounds } from "./hall-clock";
import { problemCheck } from "./problem-check";

/** GB/T 2260's provincial codes: the first two digits of every 行政区划代码. */
const PROVINCE_CODES = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
  "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
]); // prettier-ignore

/**
 * What is wrong with a 行政区划代码 (GB/T 2260, six digits: province, city, county), or null: the
 * provincial export sends it as `areaCode` and every case number starts with it.
 */
export function areaCodeProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return "行政区划代码应为 6 位数字";
  if (!PROVINCE_CODES.has(code.slice(0, 2))) return `行政区划代码前两位“${code.slice(0, 2)}”不是有效的省级代码`;
  // A province (xx0000) has no county directly under it: xx00yy names nothing.
  if (code.slice(2, 4) === "00" && code.slice(4) !== "00") return "行政区划代码第 3–4 位为 00 时，第 5–6 位也应为 00";
  return null;
}

/** "HH:MM" on the hall's clock; 24:00 ends a day. */
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ZClock = z.string({ error: "请填写时间" }).regex(CLOCK, { error: "时间格式应为 HH:MM，如 09:00" });

const ZPeriod = z.object({ from: ZClock, to: ZClock }).refine((period) => period.from < period.to, {
  error: "结束时间须晚于开始时间",
  path: ["to"],
  // Compared only once both are times: a badly typed start is one problem, not two.
  when: (payload) => {
    const value = payload.value as { from?: unknown; to?: unknown };
    return (
      typeof value.from === "string" && CLOCK.test(value.from) && typeof value.to === "string" && CLOCK.test(value.to)
    );
  },
});
type TOpeningPeriod = z.infer<typeof ZPeriod>;

/** A day's periods, in order and apart: 09:00–12:00 then 13:30–17:30. */
const ZPeriods = z
  .array(ZPeriod)
  .max(4, { error: "每天最多 4 个办公时段" })
  .superRefine((periods, ctx) => {
    periods.forEach((period, index) => {
      const previous = periods[index - 1];
      if (previous && period.from < previous.to)
        ctx.addIssue({ code: "custom", message: "时段须按时间先后填写且互不重叠", path: [index, "from"] });
    });
  });

/**
 * 办公时间: the periods of a working day, and what the hall does on a 非工作日 (weekend or holiday
 * by the working-day calendar): closed — except its own 大厅服务日, which keep a working day's hours
 * — or open in periods of its own (周末延时服务).
 */
export const ZOpeningHours = z
  .object({
    workingDays: ZPeriods.min(1, { error: "请至少填写一个工作日办公时段" }),
    nonWorkingDays: z.enum(["closed", "open"], { error: "请选择非工作日的安排" }),
    nonWorkingDayPeriods: ZPeriods.default([]),
  })
  .refine((hours) => hours.nonWorkingDays === "closed" || hours.nonWorkingDayPeriods.length > 0, {
    error: "非工作日开放时请至少填写一个时段",
    path: ["nonWorkingDayPeriods"],
  });
export type TOpeningHours = z.output<typeof ZOpeningHours>;

/** The hours a hall has before anyone set them: the demo hall's, 09:00–12:00 and 13:30–17:30 on working days. */
export const DEFAULT_OPENING_HOURS: TOpeningHours = {
  workingDays: [
    { from: "09:00", to: "12:00" },
    { from: "13:30", to: "17:30" },
  ],
  nonWorkingDays: "closed",
  nonWorkingDayPeriods: [],
};

/** The stored JSON of a hall's hours ("" before anyone saved them), read back; anything unreadable is the default. */
export function openingHoursOf(stored: string): TOpeningHours {
  if (stored === "") return DEFAULT_OPENING_HOURS;
  try {
    const parsed = ZOpeningHours.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_OPENING_HOURS;
  } catch {
    return DEFAULT_OPENING_HOURS;
  }
}

/** 大厅设置's form and hall.update's input. */
export const ZHallSettings = z.object({
  name: z
    .string({ error: "请填写大厅名称" })
    .trim()
    .min(1, { error: "请填写大厅名称" })
    .max(100, { error: "大厅名称不能超过 100 个字" }),
  regionCode: z.string({ error: "请填写行政区划代码" }).trim().superRefine(problemCheck(areaCodeProblem)),
  address: z.string().trim().max(200, { error: "地址不能超过 200 个字" }).default(""),
  openingHours: ZOpeningHours,
});
export type THallSettingsInput = z.input<typeof ZHallSettings>;
export type THallSettings = z.output<typeof ZHallSettings>;

/** How a date is treated by the hall's hours. */
export type TOpeningDayKind = "working" | "serviceDay" | "nonWorking";

function periodsOf(hours: TOpeningHours, kind: TOpeningDayKind): readonly TOpeningPeriod[] {
  if (kind !== "nonWorking") return hours.workingDays;
  return hours.nonWorkingDays === "open" ? hours.nonWorkingDayPeriods : [];
}

function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/**
 * The instants the hall is open on the given hall-local dates, in order, touching periods joined
 * (17:30–24:00 then 00:00–08:00 is one night).
 */
export function openingIntervals(
  hours: TOpeningHours,
  days: readonly { date: string; kind: TOpeningDayKind }[],
): { start: Date; end: Date }[] {
  const intervals: { start: Date; end: Date }[] = [];
  for (const day of days) {
    const midnight = hallDayBounds(day.date).start.getTime();
    for (const period of periodsOf(hours, day.kind)) {
      const start = new Date(midnight + minutesOf(period.from) * 60_000);
      const end = new Date(midnight + minutesOf(period.to) * 60_000);
      const last = intervals.at(-1);
      if (last?.end.getTime() === start.getTime()) last.end = end;
      else intervals.push({ start, end });
    }
  }
  return intervals;
}

function periodsText(periods: readonly TOpeningPeriod[]): string {
  return periods.map((period) => `${period.from}–${period.to}`).join("、");
}

/**
 * The hours in one line, for the evaluator's 非办公时间 screen and the settings page.
 * @example openingHoursText(DEFAULT_OPENING_HOURS) // "工作日 09:00–12:00、13:30–17:30；非工作日休息"
 */
export function openingHoursText(hours: TOpeningHours): string {
  const weekdays = `工作日 ${periodsText(hours.workingDays)}`;
  return hours.nonWorkingDays === "open"
    ? `${weekdays}；非工作日 ${periodsText(hours.nonWorkingDayPeriods)}`
    : `${weekdays}；非工作日休息`;
}
