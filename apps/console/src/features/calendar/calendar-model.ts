import { datesBetween, dayKind, hallDate, type TDayKind } from "@hcp/domain";

import { calendarStrings } from "./strings";

/** The years the screen offers: the year before the demo year (its 同比 base) up to the next notice's. */
export const FIRST_CALENDAR_YEAR = 2022;
// The next year's notice is entered from November: the next year is always offered.
export const LAST_CALENDAR_YEAR = Math.max(2027, Number(hallDate(new Date()).slice(0, 4)) + 1);
export const CALENDAR_YEARS: readonly number[] = Array.from(
  { length: LAST_CALENDAR_YEAR - FIRST_CALENDAR_YEAR + 1 },
  (_, index) => FIRST_CALENDAR_YEAR + index,
);

/** One row of `calendar.year`'s exceptions: a statutory holiday or a 调休 make-up working day. */
export interface TCalendarException {
  date: string;
  kind: "holiday" | "makeup";
  name: string;
}

/** One of the hall's own extra service days (延时/预约/节假日服务). */
export interface TServiceDay {
  date: string;
  note: string;
}

export interface TCalendarDay {
  date: string;
  day: number;
  kind: TDayKind;
  /** the holiday's name for holidays and make-up days, "" otherwise */
  name: string;
  /** the hall's note when it serves on this date, null when it is not a service day */
  serviceNote: string | null;
}

export interface TCalendarMonth {
  month: number;
  /** Monday-first weeks; null pads the days before the 1st and after the last */
  weeks: (TCalendarDay | null)[][];
}

/** Monday = 0 … Sunday = 6 (Chinese calendars start the week on Monday). */
function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The year's default: the current year when the screen offers it, else the nearest offered year. */
export function defaultCalendarYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Math.min(LAST_CALENDAR_YEAR, Math.max(FIRST_CALENDAR_YEAR, year));
}

/** Every day of a year, laid out as twelve Monday-first month grids. */
export function buildYear(
  year: number,
  exceptions: readonly TCalendarException[],
  serviceDays: readonly TServiceDay[],
): TCalendarMonth[] {
  const exceptionMap = new Map(exceptions.map((exception) => [exception.date, exception]));
  const serviceMap = new Map(serviceDays.map((serviceDay) => [serviceDay.date, serviceDay.note]));
  const months: TCalendarMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = `${year}-${pad(month)}-01`;
    const last = `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
    const cells: (TCalendarDay | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
    for (const date of datesBetween(first, last)) {
      cells.push({
        date,
        day: Number(date.slice(8, 10)),
        kind: dayKind(date, exceptionMap),
        name: exceptionMap.get(date)?.name ?? "",
        serviceNote: serviceMap.get(date) ?? null,
      });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (TCalendarDay | null)[][] = [];
    for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
    months.push({ month, weeks });
  }
  return months;
}

/**
 * What a screen reader hears for a day, and what the grid's marks stand for.
 * @example dayLabel({ date: "2023-10-07", kind: "makeup", name: "国庆节", … }) // "2023年10月7日 调休上班（国庆节）"
 */
export function dayLabel(day: TCalendarDay): string {
  const t = calendarStrings;
  const [year, month, date] = day.date.split("-").map(Number) as [number, number, number];
  let label = `${t.dateLabel(year, month, date)} ${t.kinds[day.kind]}`;
  if (day.name) label += `（${day.name}）`;
  if (day.serviceNote !== null)
    label += day.serviceNote ? `，${t.serviceDay}（${day.serviceNote}）` : `，${t.serviceDay}`;
  return label;
}

export interface THolidaySummary {
  name: string;
  /** consecutive days off, merged into ranges */
  holidays: { from: string; to: string; days: number }[];
  makeupDays: string[];
}

/** The year's notice in words: each holiday's days off and its make-up working days. */
export function holidaySummary(exceptions: readonly TCalendarException[]): THolidaySummary[] {
  const byName = new Map<string, THolidaySummary>();
  for (const exception of [...exceptions].sort((a, b) => a.date.localeCompare(b.date))) {
    let summary = byName.get(exception.name);
    if (!summary) {
      summary = { name: exception.name, holidays: [], makeupDays: [] };
      byName.set(exception.name, summary);
    }
    if (exception.kind === "makeup") {
      summary.makeupDays.push(exception.date);
      continue;
    }
    const previous = summary.holidays.at(-1);
    if (previous && datesBetween(previous.to, exception.date).length === 2) {
      previous.to = exception.date;
      previous.days++;
    } else {
      summary.holidays.push({ from: exception.date, to: exception.date, days: 1 });
    }
  }
  return [...byName.values()];
}

/** "10月7日" */
export function shortDate(date: string): string {
  return calendarStrings.shortDate(Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}
