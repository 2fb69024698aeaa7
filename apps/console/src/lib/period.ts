import { z } from "zod";

import { addCalendarDays, hallDate, ZPeriod, type TPeriod } from "@hcp/domain";

import { searchParam, searchParser } from "./search-params";

export type TPresetKey = "today" | "month" | "year";

export interface TPeriodSearch {
  from?: string;
  to?: string;
}

/** The hall-local date of today (Asia/Shanghai), by this device's clock. */
export function hallToday(now: Date = new Date()): string {
  return hallDate(now);
}

export function presetPeriod(key: TPresetKey, today: string): TPeriod {
  switch (key) {
    case "today":
      return { from: today, to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "year":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** `?from=&to=`: only text survives from the URL (whether it is a date, the page judges). */
export const periodSearchShape = { from: searchParam.text(), to: searchParam.text() };

export const parsePeriodSearch: (search: Record<string, unknown>) => TPeriodSearch = searchParser(
  z.object(periodSearchShape),
);

/**
 * The period a `?from=&to=` URL asks for: `fallback` (today unless given) when none is given,
 * and the fallback with `invalid` set when the URL's period is malformed (so the page can say so
 * instead of failing).
 */
export function periodFromSearch(
  search: TPeriodSearch,
  today: string,
  fallback: TPeriod = presetPeriod("today", today),
): { period: TPeriod; invalid: boolean } {
  if (search.from === undefined && search.to === undefined) return { period: fallback, invalid: false };
  const parsed = ZPeriod.safeParse({ from: search.from ?? search.to, to: search.to ?? search.from });
  return parsed.success ? { period: parsed.data, invalid: false } : { period: fallback, invalid: true };
}

/** How a period was picked: one day, a Monday-to-Sunday week, a calendar month, or two dates. */
export type TPeriodKind = "day" | "week" | "month" | "custom";

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday-to-Sunday week a date falls in. */
export function weekOf(date: string): TPeriod {
  const monday = addCalendarDays(date, 1 - isoWeekday(date));
  return { from: monday, to: addCalendarDays(monday, 6) };
}

/**
 * The whole calendar month of a `yyyy-mm` or `yyyy-mm-dd`, last day included even when it is
 * still ahead: a month's ranking (and its 末位 flag) is always over the whole month.
 */
export function monthOf(date: string): TPeriod {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = date.slice(0, 7);
  return { from: `${prefix}-01`, to: `${prefix}-${String(lastDay).padStart(2, "0")}` };
}

/** Which picker made this period, so a period read from the URL reopens in the same mode. */
export function periodKindOf(period: TPeriod): TPeriodKind {
  if (period.from === period.to) return "day";
  const week = weekOf(period.from);
  if (week.from === period.from && week.to === period.to) return "week";
  const month = monthOf(period.from);
  if (month.from === period.from && month.to === period.to) return "month";
  return "custom";
}

/** The month before `month` (yyyy-mm). */
export function previousMonth(month: string): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
