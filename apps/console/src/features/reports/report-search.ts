import { z } from "zod";

import { reportStrings } from "./report-strings";

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The monthly report's state in the URL: `?month=yyyy-mm&version=N` (no version = the newest). */
export interface TReportSearch {
  month?: string;
  version?: number;
}

/** The yearly summary's state in the URL: `?year=yyyy`. */
export interface TYearlySearch {
  year?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Whatever is in the URL, the page gets a valid state: a malformed month or version is dropped. */
export function parseReportSearch(search: Record<string, unknown>): TReportSearch {
  const month = typeof search.month === "string" && MONTH_PATTERN.test(search.month) ? search.month : undefined;
  return { month, version: month ? positiveInt(search.version) : undefined };
}

export function parseYearlySearch(search: Record<string, unknown>): TYearlySearch {
  const year = positiveInt(search.year);
  return { year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined };
}

/** The month before `month` (yyyy-mm). */
export function previousMonth(month: string): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The month picker's rule: a real yyyy-mm, not after the hall's current month. The current month
 * passes on purpose: whether it may be reported yet is the server's to say (it answers that the
 * month has not closed), and the page shows that answer.
 */
export function monthPickSchema(currentMonth: string) {
  const t = reportStrings;
  return z.object({
    value: z
      .string()
      .regex(MONTH_PATTERN, { error: t.monthInvalid })
      .refine((month) => month <= currentMonth, { error: t.monthInFuture }),
  });
}

export function yearPickSchema(currentYear: number) {
  const t = reportStrings;
  return z.object({
    value: z
      .string()
      .regex(/^\d{4}$/, { error: t.yearInvalid })
      .refine((year) => Number(year) >= 2000 && Number(year) <= 2100, { error: t.yearInvalid })
      .refine((year) => Number(year) <= currentYear, { error: t.yearInFuture }),
  });
}
