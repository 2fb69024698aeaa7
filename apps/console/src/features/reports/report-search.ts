import { z } from "zod";

import { positiveIntParam, searchParam, searchParser } from "../../lib/search-params";
import { reportStrings } from "./strings";

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

/** Whatever is in the URL, the page gets a valid state: a malformed month or version is dropped. */
export const parseReportSearch: (search: Record<string, unknown>) => TReportSearch = searchParser(
  z
    .object({ month: searchParam.matching(MONTH_PATTERN), version: positiveIntParam() })
    // A version is one of a month's: without the month it means nothing.
    .transform(({ month, version }) => ({ month, version: month ? version : undefined })),
);

export const parseYearlySearch: (search: Record<string, unknown>) => TYearlySearch = searchParser(
  z.object({ year: searchParam.int(2000, 2100) }),
);

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
