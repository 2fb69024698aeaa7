import {
  findHallById,
  listCalendarExceptions,
  listDataMonths,
  listDepartments,
  listWindowsWithStaff,
  readTallies,
  type TTallyDimension,
  type TTallyFilter,
  type TTallyKey,
  type TTallySource,
  type TWindowWithStaff,
} from "@hcp/db";
import {
  addCalendarDays,
  countWorkingDays,
  datesBetween,
  formatPercent,
  formatQuotient,
  hallDate,
  hallDayBounds,
  METRIC_DEFINITIONS_VERSION,
  RATING_RULE_LIMITS,
  ratingMetrics,
  sumTallies,
  type TLevelCounts,
  type TPeriod,
  type TRatingTally,
  type TRatio,
} from "@hcp/domain";

import type { TContext } from "../context-types";
import { deadlinesProvisional, provisionalCalendar, type TDeadlinesProvisional } from "./calendar";
import { servedNames, windowServers } from "./window-servers";

export type TUserContext = TContext & {
  user: NonNullable<TContext["user"]>;
  /** "raw": every tally of the call read from the raw rows, to check or time the rollups (bench:province) */
  tallySource?: TTallySource;
};

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
  unratedRate: TRateView;
  onTimeCompletionRate: TRateView;
  /** mean handling time in hours, receive to completion */
  meanHandlingHours: TRateView;
  promisedCompleted: number;
  casesClosed: number;
  casesClosedUnrated: number;
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
    unratedRate: rate(metrics.unratedRate),
    onTimeCompletionRate: rate(metrics.onTimeCompletionRate),
    meanHandlingHours: hours(metrics.meanHandlingSeconds),
    promisedCompleted: tally.promisedCompleted,
    casesClosed: tally.casesClosed,
    casesClosedUnrated: tally.casesClosedUnrated,
  };
}

function hours(seconds: TRatio): TRateView {
  const ratio = { num: seconds.num, den: seconds.den * 3600 };
  return { ...ratio, text: formatQuotient(ratio, 1) };
}

/** A department head sees their own department; everyone else with access sees the hall. */
export function departmentScope(ctx: TUserContext): number | undefined {
  return ctx.user.role === "department_head" ? (ctx.user.department_id ?? -1) : undefined;
}

export interface TTallyScope {
  windowId?: number;
  staffId?: number;
  serviceItemId?: number;
  departmentId?: number;
  source?: TTallySource;
}

/**
 * The hall's tallies for a period, grouped by one dimension, within the caller's scope. A rating
 * window closes a fixed number of calendar days after completion (hall setting), so 未评 counts
 * the days that lie that far behind today.
 */
export async function hallTallies(
  ctx: TUserContext,
  period: TPeriod,
  by: TTallyDimension,
  scope: TTallyScope = {},
): Promise<Map<TTallyKey, TRatingTally>> {
  const hall = await findHallById(ctx.db, ctx.user.hall_id);
  const ratingWindowDays = hall?.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback;
  const ownDepartment = departmentScope(ctx);
  const filter: TTallyFilter = {
    hallId: ctx.user.hall_id,
    from: period.from,
    to: period.to,
    by,
    closedBefore: addCalendarDays(hallDate(ctx.now()), -ratingWindowDays),
    departmentId: ownDepartment ?? scope.departmentId,
    windowId: scope.windowId,
    staffId: scope.staffId,
    serviceItemId: scope.serviceItemId,
    source: scope.source ?? ctx.tallySource,
  };
  return readTallies(ctx.db, filter);
}

interface TWindowPerformance {
  window: Omit<TWindowWithStaff, "staff">;
  staffName: string | null;
  metrics: TMetricsView;
}

export interface TPeriodOverview {
  period: TPeriod;
  definitionsVersion: string;
  workingDays: number;
  workingDaysProvisional: boolean;
  /** 按时办结率 and 按时整改率 of the period counted across a year without a confirmed schedule (暂按周末计算) */
  deadlinesProvisional: TDeadlinesProvisional;
  calendarDays: number;
  totals: TMetricsView;
  dailyAverage: { perWorkingDay: string; perCalendarDay: string };
  windows: TWindowPerformance[];
  /** cases completed outside any window (online, self-service, post) */
  offWindow: TMetricsView;
}

export async function periodOverview(ctx: TUserContext, period: TPeriod): Promise<TPeriodOverview> {
  const [byWindow, windows, exceptions, served, provisional, deadlines] = await Promise.all([
    hallTallies(ctx, period, "window"),
    listWindowsWithStaff(ctx.db, ctx.user.hall_id),
    listCalendarExceptions(ctx.db, period.from, period.to),
    windowServers(ctx.db, ctx.user.hall_id, period, departmentScope(ctx)),
    provisionalCalendar(ctx.db),
    deadlinesProvisional(ctx.db, {
      hallId: ctx.user.hall_id,
      ...hallDayBounds(period.from, period.to),
      departmentId: departmentScope(ctx),
    }),
  ]);
  const totals = sumTallies(byWindow.values());
  const workingDays = countWorkingDays(period.from, period.to, new Map(exceptions.map((day) => [day.date, day])));
  const calendarDays = datesBetween(period.from, period.to).length;
  const empty = sumTallies([]);
  return {
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    workingDays,
    /** counted on a year without a confirmed schedule (暂按周末计算) */
    workingDaysProvisional: provisional(period.from, period.to),
    deadlinesProvisional: deadlines,
    calendarDays,
    totals: metricsView(totals),
    dailyAverage: {
      perWorkingDay: formatQuotient({ num: totals.casesCompleted, den: workingDays }, 1),
      perCalendarDay: formatQuotient({ num: totals.casesCompleted, den: calendarDays }, 1),
    },
    windows: windows.map((window) => ({
      window: { id: window.id, code: window.code, name: window.name, kind: window.kind },
      // Who served in the period, not who sits there now.
      staffName: servedNames(served.get(window.id) ?? []),
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
  const byMonth = await hallTallies(ctx, { from: `${year}-01-01`, to: `${year}-12-31` }, "month");
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
    hallTallies(ctx, period, "department"),
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

/** The hall-local months (yyyy-mm, newest first) with cases or ratings in the caller's scope: the console's presets. */
export async function dataMonths(ctx: TUserContext): Promise<{ months: string[] }> {
  return { months: await listDataMonths(ctx.db, ctx.user.hall_id, departmentScope(ctx)) };
}
