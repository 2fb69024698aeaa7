/**
 * Working-day calendar. Dates are plain `YYYY-MM-DD` strings in the hall's local time (hall-clock.ts),
 * so a date never shifts with the server's time zone.
 *
 * China publishes each year's holidays and 调休 make-up working days by notice, so they cannot be
 * computed; the schedules below seed the database table, which stays editable.
 */

export type TDayKind = "workday" | "weekend" | TCalendarExceptionKind;
/** A day the published schedule changes: a holiday, or a weekend worked to make one up (调休). */
export type TCalendarExceptionKind = "holiday" | "makeup";

export interface THolidaySchedule {
  year: number;
  holidays: readonly { name: string; from: string; to: string }[];
  makeupDays: readonly { name: string; date: string }[];
}

export const HOLIDAY_SCHEDULES: readonly THolidaySchedule[] = [
  {
    // 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号): the year before the demo year,
    // which every 同比 figure of 2023 compares against.
    year: 2022,
    holidays: [
      { name: "元旦", from: "2022-01-01", to: "2022-01-03" },
      { name: "春节", from: "2022-01-31", to: "2022-02-06" },
      { name: "清明节", from: "2022-04-03", to: "2022-04-05" },
      { name: "劳动节", from: "2022-04-30", to: "2022-05-04" },
      { name: "端午节", from: "2022-06-03", to: "2022-06-05" },
      { name: "中秋节", from: "2022-09-10", to: "2022-09-12" },
      { name: "国庆节", from: "2022-10-01", to: "2022-10-07" },
    ],
    makeupDays: [
      { name: "春节", date: "2022-01-29" },
      { name: "春节", date: "2022-01-30" },
      { name: "清明节", date: "2022-04-02" },
      { name: "劳动节", date: "2022-04-24" },
      { name: "劳动节", date: "2022-05-07" },
      { name: "国庆节", date: "2022-10-08" },
      { name: "国庆节", date: "2022-10-09" },
    ],
  },
  {
    year: 2023,
    holidays: [
      { name: "元旦", from: "2023-01-01", to: "2023-01-02" },
      { name: "春节", from: "2023-01-21", to: "2023-01-27" },
      { name: "清明节", from: "2023-04-05", to: "2023-04-05" },
      { name: "劳动节", from: "2023-04-29", to: "2023-05-03" },
      { name: "端午节", from: "2023-06-22", to: "2023-06-24" },
      { name: "中秋节、国庆节", from: "2023-09-29", to: "2023-10-06" },
    ],
    makeupDays: [
      { name: "春节", date: "2023-01-28" },
      { name: "春节", date: "2023-01-29" },
      { name: "劳动节", date: "2023-04-23" },
      { name: "劳动节", date: "2023-05-06" },
      { name: "端午节", date: "2023-06-25" },
      { name: "国庆节", date: "2023-10-07" },
      { name: "国庆节", date: "2023-10-08" },
    ],
  },
  {
    year: 2024,
    holidays: [
      { name: "元旦", from: "2024-01-01", to: "2024-01-01" },
      { name: "春节", from: "2024-02-10", to: "2024-02-17" },
      { name: "清明节", from: "2024-04-04", to: "2024-04-06" },
      { name: "劳动节", from: "2024-05-01", to: "2024-05-05" },
      { name: "端午节", from: "2024-06-08", to: "2024-06-10" },
      { name: "中秋节", from: "2024-09-15", to: "2024-09-17" },
      { name: "国庆节", from: "2024-10-01", to: "2024-10-07" },
    ],
    makeupDays: [
      { name: "春节", date: "2024-02-04" },
      { name: "春节", date: "2024-02-18" },
      { name: "清明节", date: "2024-04-07" },
      { name: "劳动节", date: "2024-04-28" },
      { name: "劳动节", date: "2024-05-11" },
      { name: "中秋节", date: "2024-09-14" },
      { name: "国庆节", date: "2024-09-29" },
      { name: "国庆节", date: "2024-10-12" },
    ],
  },
  {
    year: 2025,
    holidays: [
      { name: "元旦", from: "2025-01-01", to: "2025-01-01" },
      { name: "春节", from: "2025-01-28", to: "2025-02-04" },
      { name: "清明节", from: "2025-04-04", to: "2025-04-06" },
      { name: "劳动节", from: "2025-05-01", to: "2025-05-05" },
      { name: "端午节", from: "2025-05-31", to: "2025-06-02" },
      { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08" },
    ],
    makeupDays: [
      { name: "春节", date: "2025-01-26" },
      { name: "春节", date: "2025-02-08" },
      { name: "劳动节", date: "2025-04-27" },
      { name: "国庆节", date: "2025-09-28" },
      { name: "国庆节", date: "2025-10-11" },
    ],
  },
  {
    year: 2026,
    holidays: [
      { name: "元旦", from: "2026-01-01", to: "2026-01-03" },
      { name: "春节", from: "2026-02-15", to: "2026-02-23" },
      { name: "清明节", from: "2026-04-04", to: "2026-04-06" },
      { name: "劳动节", from: "2026-05-01", to: "2026-05-05" },
      { name: "端午节", from: "2026-06-19", to: "2026-06-21" },
      { name: "中秋节", from: "2026-09-25", to: "2026-09-27" },
      { name: "国庆节", from: "2026-10-01", to: "2026-10-07" },
    ],
    makeupDays: [
      { name: "元旦", date: "2026-01-04" },
      { name: "春节", date: "2026-02-14" },
      { name: "春节", date: "2026-02-28" },
      { name: "劳动节", date: "2026-05-09" },
      { name: "国庆节", date: "2026-09-20" },
      { name: "国庆节", date: "2026-10-10" },
    ],
  },
];

/** Exceptions to the Monday–Friday rule, keyed by date. */
export type TCalendarExceptions = ReadonlyMap<string, { kind: TCalendarExceptionKind; name: string }>;

export function exceptionsFromSchedules(
  schedules: readonly THolidaySchedule[] = HOLIDAY_SCHEDULES,
): Map<string, { kind: TCalendarExceptionKind; name: string }> {
  const exceptions = new Map<string, { kind: TCalendarExceptionKind; name: string }>();
  for (const schedule of schedules) {
    for (const holiday of schedule.holidays) {
      for (const date of datesBetween(holiday.from, holiday.to)) {
        exceptions.set(date, { kind: "holiday", name: holiday.name });
      }
    }
    for (const makeup of schedule.makeupDays) {
      exceptions.set(makeup.date, { kind: "makeup", name: makeup.name });
    }
  }
  return exceptions;
}

const MS_PER_DAY = 86_400_000;

function toEpochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = toEpochDay(from); day <= toEpochDay(to); day++) dates.push(fromEpochDay(day));
  return dates;
}

export function dayKind(date: string, exceptions: TCalendarExceptions): TDayKind {
  const exception = exceptions.get(date);
  if (exception) return exception.kind;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? "weekend" : "workday";
}

export function isWorkingDay(date: string, exceptions: TCalendarExceptions): boolean {
  const kind = dayKind(date, exceptions);
  return kind === "workday" || kind === "makeup";
}

/** Working days from `from` to `to`, both included. */
export function countWorkingDays(from: string, to: string, exceptions: TCalendarExceptions): number {
  return datesBetween(from, to).filter((date) => isWorkingDay(date, exceptions)).length;
}

/**
 * The date `days` working days after `date`: a case completed on a holiday with one working day
 * to go is due on the next working day's end.
 */
export function addWorkingDays(date: string, days: number, exceptions: TCalendarExceptions): string {
  let current = date;
  let remaining = days;
  while (remaining > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, exceptions)) remaining--;
  }
  return current;
}

/**
 * Working days left until the end of `due`, seen on `today`: 0 when due today, negative when
 * overdue (by the working days since), so "还剩 2 个工作日" and "超期 3 个工作日" read from one number.
 */
export function workingDaysLeft(today: string, due: string, exceptions: TCalendarExceptions): number {
  if (due >= today) return due === today ? 0 : countWorkingDays(addCalendarDays(today, 1), due, exceptions);
  return -countWorkingDays(addCalendarDays(due, 1), today, exceptions);
}
