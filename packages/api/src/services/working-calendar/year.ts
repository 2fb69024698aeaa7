import { listCalendarExceptions, listConfirmedCalendarYears, listHallServiceDays } from "@hcp/db";
import { countWorkingDays, scheduleFromDays } from "@hcp/domain";

import type { TUserContext } from "../overview";

/** A year of the working-day calendar as administrators edit it: its exceptions, service days and confirmation. */
export async function calendarYear(ctx: TUserContext, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [exceptions, confirmedYears, serviceDays] = await Promise.all([
    listCalendarExceptions(ctx.db, from, to),
    listConfirmedCalendarYears(ctx.db),
    listHallServiceDays(ctx.db, ctx.user.hall_id, from, to),
  ]);
  const map = new Map(exceptions.map((day) => [day.date, day]));
  const confirmation = confirmedYears.find((row) => row.year === year);
  return {
    year,
    workingDays: countWorkingDays(from, to, map),
    exceptions,
    serviceDays,
    /** null: no confirmed schedule, the year's working days are Monday to Friday for now */
    confirmation: confirmation
      ? {
          source: confirmation.source,
          confirmedBy: confirmation.confirmedByName,
          confirmedAt: confirmation.confirmedAt.toISOString(),
        }
      : null,
    /** the stored days as the notice lists them, to open the schedule form on */
    schedule: scheduleFromDays(year, exceptions),
  };
}
