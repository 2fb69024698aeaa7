import { z } from "zod";

import { searchParam, searchParser } from "../../lib/search-params";
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "./calendar-model";

/** The calendar's state in the URL: `?year=`. */
export interface TCalendarSearch {
  year?: number;
}

/** A year the screen does not offer is dropped (the page then shows the current year). */
export const parseCalendarSearch: (search: Record<string, unknown>) => TCalendarSearch = searchParser(
  z.object({ year: searchParam.int(FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR) }),
);
