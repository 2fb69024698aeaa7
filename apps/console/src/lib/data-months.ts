import type { TPeriod } from "@hcp/domain";

import { monthOf, presetPeriod, previousMonth } from "./period";

/**
 * The periods the console offers, from the months the hall has cases or ratings in
 * (`overview.dataMonths`, yyyy-mm newest first): today, this month and this year always, then the
 * hall's own earlier years — a real hall sees its own history, the demo hall its 2023.
 */

/** A one-click period: 今天, 本月, 今年, or an earlier year with data (whole). */
export type TPeriodPreset =
  { key: "today" | "month"; period: TPeriod } | { key: "year"; year: number; period: TPeriod };

/** Earlier years with data offered at most, so the row of presets stays one row. */
const EARLIER_YEARS = 3;

/** The years with data, newest first. */
function dataYears(months: readonly string[]): number[] {
  return [...new Set(months.map((month) => Number(month.slice(0, 4))))].sort((a, b) => b - a);
}

/** The months with data before `currentMonth` (closed ones: a month's report waits for its end), newest first. */
function closedDataMonths(currentMonth: string, months: readonly string[]): string[] {
  return months.filter((month) => month < currentMonth).sort((a, b) => b.localeCompare(a));
}

/** 大厅概况's presets: 今天, 本月, 今年, then up to three earlier years with data, whole, newest first. */
export function periodPresets(today: string, months: readonly string[]): TPeriodPreset[] {
  const year = Number(today.slice(0, 4));
  const earlier = earlierDataYears(year, months).map((dataYear): TPeriodPreset => ({
    key: "year",
    year: dataYear,
    period: { from: `${dataYear}-01-01`, to: `${dataYear}-12-31` },
  }));
  return [
    { key: "today", period: presetPeriod("today", today) },
    { key: "month", period: presetPeriod("month", today) },
    { key: "year", year, period: presetPeriod("year", today) },
    ...earlier,
  ];
}

/** The month a monthly report opens on: the latest closed month with data, else last month. */
export function defaultReportMonth(currentMonth: string, months: readonly string[]): string {
  return closedDataMonths(currentMonth, months)[0] ?? previousMonth(currentMonth);
}

/** One-click report months: each year's latest closed month with data, newest first. */
export function reportMonthPresets(currentMonth: string, months: readonly string[]): string[] {
  const latestOfYear = new Map<string, string>();
  for (const month of closedDataMonths(currentMonth, months)) {
    const year = month.slice(0, 4);
    if (!latestOfYear.has(year)) latestOfYear.set(year, month);
  }
  return [...latestOfYear.values()].slice(0, EARLIER_YEARS);
}

/** The year a yearly summary opens on: the latest year with data, else this year. */
export function defaultSummaryYear(currentYear: number, months: readonly string[]): number {
  return dataYears(months)[0] ?? currentYear;
}

/** Earlier years with data for the yearly summary's presets, newest first. */
export function earlierDataYears(currentYear: number, months: readonly string[]): number[] {
  return dataYears(months)
    .filter((year) => year < currentYear)
    .slice(0, EARLIER_YEARS);
}

/** The latest month with data as a period (this month up to today), or null when the hall has none. */
export function latestDataPeriod(today: string, months: readonly string[]): { month: string; period: TPeriod } | null {
  const month = [...months].sort((a, b) => b.localeCompare(a))[0];
  if (month === undefined) return null;
  if (month === today.slice(0, 7)) return { month, period: presetPeriod("month", today) };
  return { month, period: monthOf(month) };
}
