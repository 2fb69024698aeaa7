import { listCalendarExceptions, listLatestReadyReports, readTallies } from "@hcp/db";
import {
  addCalendarDays,
  countWorkingDays,
  emptyTally,
  formatQuotient,
  hallDate,
  METRIC_DEFINITIONS_VERSION,
  ratingMetrics,
  sumTallies,
  type TRatingTally,
} from "@hcp/domain";

import { provisionalCalendar } from "../calendar";
import { hallOrThrow, type TReportDeps, type TReportScope } from "./build";
import { monthPeriod } from "./month";
import { rateView } from "./sections";
import type { TYearlyReport, TYearlyRow } from "./types";

/**
 * The yearly summary (SPEC §7): per month and for the year, the figures a hall puts in its annual
 * report — cases, ratings, satisfaction (好评率), 日均办件量 per working day and 评价率 — from the
 * rollups, so it agrees with every monthly report of the year.
 */
export function yearlyRow(
  period: string,
  tally: TRatingTally,
  workingDays: number,
  workingDaysProvisional: boolean,
): TYearlyRow {
  const metrics = ratingMetrics(tally);
  return {
    period,
    casesCompleted: tally.casesCompleted,
    workingDays,
    workingDaysProvisional,
    dailyAverage: formatQuotient({ num: tally.casesCompleted, den: workingDays }, 1),
    ratings: metrics.ratings,
    validRatings: metrics.validRatings,
    goodRate: rateView(metrics.goodRate),
    ratedRate: rateView(metrics.ratedRate),
  };
}

export async function yearlySummary(
  deps: TReportDeps,
  hallId: number,
  year: number,
  scope: TReportScope = {},
): Promise<TYearlyReport> {
  const hall = await hallOrThrow(deps.db, hallId);
  const from = `${String(year)}-01-01`;
  const to = `${String(year)}-12-31`;
  const closedBefore = addCalendarDays(hallDate(deps.now()), -hall.rating_window_days);
  const [byMonth, exceptions, provisional, archived] = await Promise.all([
    readTallies(deps.db, { hallId, from, to, by: "month", closedBefore, departmentId: scope.departmentId }),
    listCalendarExceptions(deps.db, from, to),
    provisionalCalendar(deps.db),
    scope.departmentId === undefined
      ? listLatestReadyReports(deps.db, hallId, `${String(year)}-01`, `${String(year)}-12`)
      : Promise.resolve([]),
  ]);
  const calendar = new Map(exceptions.map((day) => [day.date, day]));
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = `${String(year)}-${String(index + 1).padStart(2, "0")}`;
    const period = monthPeriod(month);
    return yearlyRow(
      month,
      byMonth.get(year * 100 + index + 1) ?? emptyTally(),
      countWorkingDays(period.from, period.to, calendar),
      provisional(period.from, period.to),
    );
  });
  return {
    hall: { id: hall.id, code: hall.code, name: hall.name },
    year,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    months,
    total: yearlyRow(
      String(year),
      sumTallies(byMonth.values()),
      countWorkingDays(from, to, calendar),
      provisional(from, to),
    ),
    archived: archived.map((row) => ({ month: row.month, versionId: row.id, version: row.version })),
  };
}
