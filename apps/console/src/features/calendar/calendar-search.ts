import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "./calendar-model";

/** The calendar's state in the URL: `?year=`. */
export interface TCalendarSearch {
  year?: number;
}

/** A year the screen does not offer is dropped (the page then shows the current year). */
export function parseCalendarSearch(search: Record<string, unknown>): TCalendarSearch {
  const year = typeof search.year === "number" ? search.year : typeof search.year === "string" ? Number(search.year) : Number.NaN;
  return { year: Number.isInteger(year) && year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR ? year : undefined };
}
