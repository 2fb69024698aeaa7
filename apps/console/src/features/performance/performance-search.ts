import type { TPeriod } from "@hcp/domain";

import type { TPeriodSearch } from "../../lib/period";
import { hallToday, monthOf, parsePeriodSearch, periodFromSearch } from "../../lib/period";

/** The ratings step adds its page to the period. */
export interface TRatingsSearch extends TPeriodSearch {
  page?: number;
}

export function parseRatingsSearch(search: Record<string, unknown>): TRatingsSearch {
  const page = Number(search.page);
  return { ...parsePeriodSearch(search), page: Number.isInteger(page) && page > 1 ? page : undefined };
}

/** The screens' period: the URL's, else this whole month (a ranking is read by month). */
export function performancePeriod(search: TPeriodSearch, today: string = hallToday()): { period: TPeriod; invalid: boolean } {
  return periodFromSearch(search, today, monthOf(today));
}

/** A route parameter that must be a positive whole number; NaN makes the page say it is invalid. */
export function idParam(value: string): number {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : Number.NaN;
}
