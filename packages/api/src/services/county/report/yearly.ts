import type { z } from "zod";

import { findHallById, listCalendarExceptions, listCountyHalls, readTallies } from "@hcp/db";
import {
  addCalendarDays,
  countWorkingDays,
  emptyTally,
  hallDate,
  METRIC_DEFINITIONS_VERSION,
  sumTallies,
  type TRatingTally,
} from "@hcp/domain";

import { provisionalCalendar } from "../../calendar";
import type { TReportDeps } from "../../report/build";
import { monthPeriod } from "../../report/month";
import { yearlyRow, yearlySummary } from "../../report/yearly";
import { countyOrThrow } from "./build";
import type { ZCountyYearlyReport } from "./schemas";

type TCountyYearlyReport = z.infer<typeof ZCountyYearlyReport>;

/**
 * The county's yearly summary in the shape of a hall's annual report (cases, 日均办件量, ratings,
 * satisfaction): the county centre's own summary, and every hall's months from the rollups summed
 * for the county as a whole, with each hall's year beside it.
 */
export async function countyYearlySummary(
  deps: TReportDeps,
  countyId: number,
  year: number,
): Promise<TCountyYearlyReport> {
  const county = await countyOrThrow(deps, countyId);
  const halls = await listCountyHalls(deps.db, countyId);
  const from = `${String(year)}-01-01`;
  const to = `${String(year)}-12-31`;
  const today = hallDate(deps.now());
  const byHall = await Promise.all(
    halls.map(async (row) => {
      const hall = await findHallById(deps.db, row.id);
      const closedBefore = addCalendarDays(today, -(hall?.rating_window_days ?? 0));
      return { row, months: await readTallies(deps.db, { hallId: row.id, from, to, by: "month", closedBefore }) };
    }),
  );
  const [exceptions, provisional] = await Promise.all([
    listCalendarExceptions(deps.db, from, to),
    provisionalCalendar(deps.db),
  ]);
  const calendar = new Map(exceptions.map((day) => [day.date, day]));
  const yearDays = countWorkingDays(from, to, calendar);
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = `${String(year)}-${String(index + 1).padStart(2, "0")}`;
    const period = monthPeriod(month);
    const key = year * 100 + index + 1;
    return yearlyRow(
      month,
      sumTallies(byHall.map((entry): TRatingTally => entry.months.get(key) ?? emptyTally())),
      countWorkingDays(period.from, period.to, calendar),
      provisional(period.from, period.to),
    );
  });
  const centre = halls.find((row) => row.kind === "county_centre");
  return {
    county,
    year,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    countyHall: centre ? await yearlySummary(deps, centre.id, year) : null,
    months,
    total: yearlyRow(
      String(year),
      sumTallies(byHall.flatMap((entry) => [...entry.months.values()])),
      yearDays,
      provisional(from, to),
    ),
    halls: byHall.map((entry) => ({
      ...yearlyRow(String(year), sumTallies(entry.months.values()), yearDays, provisional(from, to)),
      hallId: entry.row.id,
      hallName: entry.row.name,
    })),
  };
}
