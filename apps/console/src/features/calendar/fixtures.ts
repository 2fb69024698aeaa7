import { exceptionsFromSchedules, HOLIDAY_SCHEDULES } from "@hcp/domain";

import type { TCalendarException } from "./calendar-model";

/** 2023's notice as `calendar.year({ year: 2023 })` returns it (the seed is the same schedule). */
export const EXCEPTIONS_2023: TCalendarException[] = [
  ...exceptionsFromSchedules(HOLIDAY_SCHEDULES.filter((schedule) => schedule.year === 2023)),
]
  .map(([date, exception]) => ({ date, ...exception }))
  .sort((a, b) => a.date.localeCompare(b.date));
