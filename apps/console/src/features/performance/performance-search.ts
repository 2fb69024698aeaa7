import { z } from "zod";

import type { TPeriod } from "@hcp/domain";

import { hallToday, monthOf, periodFromSearch, periodSearchShape, type TPeriodSearch } from "../../lib/period";
import { searchParam, searchParser } from "../../lib/search-params";

/** The ratings step adds its page to the period. */
export interface TRatingsSearch extends TPeriodSearch {
  page?: number;
}

/** Page 1 is the default, so it is not kept in the URL. */
export const parseRatingsSearch: (search: Record<string, unknown>) => TRatingsSearch = searchParser(
  z.object({ ...periodSearchShape, page: searchParam.int(2) }),
);

/** The screens' period: the URL's, else this whole month (a ranking is read by month). */
export function performancePeriod(
  search: TPeriodSearch,
  today: string = hallToday(),
): { period: TPeriod; invalid: boolean } {
  return periodFromSearch(search, today, monthOf(today));
}

/** A route parameter that must be a positive whole number; NaN makes the page say it is invalid. */
export function idParam(value: string): number {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : Number.NaN;
}
