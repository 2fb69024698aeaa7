import {
  countCompletedCases,
  countRatings,
  listCalendarExceptions,
  listDepartments,
  listWindowsWithStaff,
} from "@hcp/db";
import type { TTallyDimension, TWindowWithStaff } from "@hcp/db";
import {
  countWorkingDays,
  datesBetween,
  formatPercent,
  formatQuotient,
  hallDayBounds,
  METRIC_DEFINITIONS_VERSION,
  ratingMetrics,
  sumTallies,
  tallyFromCounts,
} from "@hcp/domain";
import type { TLevelCounts, TPeriod, TRatingTally, TRatio } from "@hcp/domain";

import type { TContext } from "../context";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

export interface TRateView extends TRatio {
  text: string;
}

export interface TMetricsView {
  casesCompleted: number;
  casesRated: number;
  ratings: number;
  validRatings: number;
  goodRatings: number;
  badRatings: number;
  byLevel: TLevelCounts;
  ratedRate: TRateView;
  goodRate: TRateView;
  activeGoodRate: TRateView;
  badRate: TRateView;
  score: TRateView;
}

function rate(ratio: TRatio): TRateView {
  return { ...ratio, text: formatPercent(ratio) };
}

export function metricsView(tally: TRatingTally): TMetricsView {
  const metrics = ratingMetrics(tally);
  return {
    casesCompleted: tally.casesCompleted,
    casesRated: tally.casesRated,
    ratings: metrics.ratings,
    validRatings: metrics.validRatings,
    goodRatings: metrics.goodRatings,
    badRatings: metrics.badRatings,
    byLevel: tally.byLevel,
    ratedRate: rate(metrics.ratedRate),
    goodRate: rate(metrics.goodRate),
    activeGoodRate: rate(metrics.activeGoodRate),
    badRate: rate(metrics.badRate),
    score: { ...metrics.score, text: formatQuotient(metrics.score) },
  };
}

/** A department head sees their own department; everyone else with access sees the hall. */
function departmentScope(ctx: TUserContext): number | undefined {
  return ctx.user.role === "department_head" ? (ctx.user.department_id ?? -1) : undefined;
}

async function tallies(ctx: TUserContext, period: TPeriod, by: TTallyDimension) {
  const bounds = hallDayBounds(period.from, period.to);
  const filter = {
    hallId: ctx.user.hall_id,
    start: bounds.start,
    end: bounds.end,
    by,
    departmentId: departmentScope(ctx),
  };
  const [cases, ratings] = await Promise.all([countCompletedCases(ctx.db, filter), countRatings(ctx.db, filter)]);
  return tallyFromCounts(cases, ratings);
}

export interface TWindowPerformance {
  window: Omit<TWindowWithStaff, "staff">;
  staffName: string | null;
  metrics: TMetricsView;
}

export interface TPeriodOverview {
  period: TPeriod;
  definitionsVersion: string;
  workingDays: number;
  calendarDays: number;
  totals: TMetricsView;
  dailyAverage: { perWorkingDay: string; perCalendarDay: string };
  windows: TWindowPerformance[];
  /** cases completed outside any window (online, self-service, post) */
  offWindow: TMetricsView;
}

export async function periodOverview(ctx: TUserContext, period: TPeriod): Promise<TPeriodOverview> {
  const [byWindow, windows, exceptions] = await Promise.all([
    tallies(ctx, period, "window"),
    listWindowsWithStaff(ctx.db, ctx.user.hall_id),
    listCalendarExceptions(ctx.db, period.from, period.to),
  ]);
  const totals = sumTallies(byWindow.values());
  const workingDays = countWorkingDays(period.from, period.to, new Map(exceptions.map((day) => [day.date, day])));
  const calendarDays = datesBetween(period.from, period.to).length;
  const empty = sumTallies([]);
  return {
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    workingDays,
    calendarDays,
    totals: metricsView(totals),
    dailyAverage: {
      perWorkingDay: formatQuotient({ num: totals.casesCompleted, den: workingDays }, 1),
      perCalendarDay: formatQuotient({ num: totals.casesCompleted, den: calendarDays }, 1),
    },
    windows: windows.map((window) => ({
      window: { id: window.id, code: window.code, name: window.name, kind: window.kind },
      staffName: window.staff?.name ?? null,
      metrics: metricsView(byWindow.get(window.id) ?? empty),
    })),
    offWindow: metricsView(byWindow.get(null) ?? empty),
  };
}

export interface TMonthPoint {
  month: number;
  metrics: TMetricsView;
}

/** One point per hall-local month of a year, for the trend chart. */
export async function monthlyTrend(ctx: TUserContext, year: number): Promise<TMonthPoint[]> {
  const byMonth = await tallies(ctx, { from: `${year}-01-01`, to: `${year}-12-31` }, "month");
  const empty = sumTallies([]);
  return Array.from({ length: 12 }, (_, index) => {
    const key = year * 100 + index + 1;
    return { month: index + 1, metrics: metricsView(byMonth.get(key) ?? empty) };
  });
}

export interface TDepartmentPerformance {
  id: number;
  name: string;
  itemCount: number;
  metrics: TMetricsView;
}

export async function departmentPerformance(ctx: TUserContext, period: TPeriod): Promise<TDepartmentPerformance[]> {
  const [byDepartment, departments] = await Promise.all([
    tallies(ctx, period, "department"),
    listDepartments(ctx.db, ctx.user.hall_id),
  ]);
  const scope = departmentScope(ctx);
  const empty = sumTallies([]);
  return departments
    .filter((department) => scope === undefined || department.id === scope)
    .map((department) => ({
      id: department.id,
      name: department.name,
      itemCount: department.itemCount,
      metrics: metricsView(byDepartment.get(department.id) ?? empty),
    }));
}
