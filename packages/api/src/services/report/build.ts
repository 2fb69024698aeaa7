import {
  countBadReviewReasons,
  countDevices,
  countPrompts,
  countWorkOrders,
  countWorkOrderStates,
  findHallById,
  listCalendarExceptions,
  listDepartments,
  listReportWindows,
  listServiceItemNames,
  readTallies,
  type Db,
  type Hall,
  type TTallyDimension,
  type TTallySource,
} from "@hcp/db";
import {
  addCalendarDays,
  CHANNELS,
  countWorkingDays,
  datesBetween,
  emptyTally,
  emptyWorkOrderTally,
  formatQuotient,
  hallDate,
  hallDayBounds,
  LEVEL_LABELS,
  LEVELS,
  METRIC_DEFINITIONS_VERSION,
  metricDefinitionList,
  parseRankingWeights,
  ratingMetrics,
  sumTallies,
  WORK_ORDER_STATES,
  type TPeriod,
  type TRatingTally,
  type TWorkOrderTally,
} from "@hcp/domain";

import { appError } from "../../errors";
import { deadlinesProvisional, provisionalCalendar } from "../calendar";
import { addMonths, checkMonth, monthPeriod } from "./month";
import { MONTHLY_REPORT_FORMAT } from "./schemas";
import {
  comparisons,
  countRows,
  rankingSection,
  topRows,
  workOrderRateRows,
  type TRankedEntity,
  type TRankingMonth,
} from "./sections";
import type { TMonthlyReport, TReportCountRow } from "./types";

export type TCalendarMarks = Pick<TMonthlyReport["summary"], "workingDaysProvisional" | "deadlinesProvisional">;

/**
 * Which of a month's figures rest on a year without a confirmed schedule (暂按周末计算): its working
 * days and those of the compared months, and its on-time figures — 按时办结率 by the receipt and
 * due dates of the 承诺件 it counts, 按时整改率 by the opening and rectification due dates of its
 * work orders.
 */
export async function calendarMarks(
  db: Db,
  hallId: number,
  month: string,
  scope: TReportScope = {},
): Promise<TCalendarMarks> {
  const provisional = await provisionalCalendar(db);
  const periods = {
    current: monthPeriod(month),
    previousMonth: monthPeriod(addMonths(month, -1)),
    lastYear: monthPeriod(addMonths(month, -12)),
  };
  const rangeOf = (period: TPeriod) => ({
    hallId,
    ...hallDayBounds(period.from, period.to),
    departmentId: scope.departmentId,
  });
  const [current, previousMonth, lastYear] = await Promise.all([
    deadlinesProvisional(db, rangeOf(periods.current), provisional),
    deadlinesProvisional(db, rangeOf(periods.previousMonth), provisional),
    deadlinesProvisional(db, rangeOf(periods.lastYear), provisional),
  ]);
  return {
    workingDaysProvisional: {
      current: provisional(periods.current.from, periods.current.to),
      previousMonth: provisional(periods.previousMonth.from, periods.previousMonth.to),
      lastYear: provisional(periods.lastYear.from, periods.lastYear.to),
    },
    deadlinesProvisional: {
      onTimeCompletion: {
        current: current.onTimeCompletion,
        previousMonth: previousMonth.onTimeCompletion,
        lastYear: lastYear.onTimeCompletion,
      },
      workOrders: current.workOrders,
    },
  };
}

/**
 * Builds the monthly satisfaction report (SPEC §7) of a hall × hall-local month from the rollup
 * tallies, the work-order counts and a few small raw reads (reason codes, prompts, devices). Every
 * figure goes through the domain metric functions, so the report says what the console says.
 */
export interface TReportDeps {
  db: Db;
  now: () => Date;
  /** "raw": read the raw rows instead of the rollups, to check or time the rollups (bench:province) */
  tallySource?: TTallySource;
}

/** A department head's report covers their department; everyone else's the whole hall. */
export interface TReportScope {
  departmentId?: number;
}

export type TProgress = (percent: number) => Promise<void> | void;

const TOP_ITEMS = 10;
const NO_WINDOW_LABEL = "无窗口（网上、自助等）";

/** Reads one month of the hall's counts within the scope. */
function monthReader(db: Db, hall: Hall, scope: TReportScope, today: string, source?: TTallySource) {
  const closedBefore = addCalendarDays(today, -hall.rating_window_days);
  const tallies = (period: TPeriod, by: TTallyDimension) =>
    readTallies(db, {
      hallId: hall.id,
      from: period.from,
      to: period.to,
      by,
      closedBefore,
      departmentId: scope.departmentId,
      source,
    });
  const total = async (period: TPeriod) => sumTallies((await tallies(period, "hall")).values());
  const workOrders = (period: TPeriod, by: "hall" | "department" | "window") => {
    const { start, end } = hallDayBounds(period.from, period.to);
    return countWorkOrders(db, { hallId: hall.id, start, end, today, by, departmentId: scope.departmentId });
  };
  const workingDays = (period: TPeriod) => workingDaysOf(db, period);
  return { tallies, total, workOrders, workingDays };
}

/** The period's working days on the calendar (the same for every hall). */
export async function workingDaysOf(db: Db, period: TPeriod): Promise<number> {
  const exceptions = await listCalendarExceptions(db, period.from, period.to);
  return countWorkingDays(period.from, period.to, new Map(exceptions.map((day) => [day.date, day])));
}

type TMonthReader = ReturnType<typeof monthReader>;

async function rankingMonth(
  reader: TMonthReader,
  period: TPeriod,
  by: "window" | "department",
): Promise<TRankingMonth> {
  const [tallies, workOrders] = await Promise.all([reader.tallies(period, by), reader.workOrders(period, by)]);
  return { tallies, workOrders };
}

function hasFigures(tally: TRatingTally | undefined): boolean {
  return tally !== undefined && (tally.casesCompleted > 0 || ratingMetrics(tally).validRatings > 0);
}

function badRatingsOf(tally: TRatingTally): number {
  return ratingMetrics(tally).badRatings;
}

export async function hallOrThrow(db: Db, hallId: number): Promise<Hall> {
  const hall = await findHallById(db, hallId);
  if (!hall) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  return hall;
}

async function departmentName(db: Db, hallId: number, departmentId: number | undefined): Promise<string | null> {
  if (departmentId === undefined) return null;
  const department = (await listDepartments(db, hallId)).find((row) => row.id === departmentId);
  if (!department) throw appError("DEPARTMENT_NOT_FOUND", "NOT_FOUND");
  return department.name;
}

export async function buildMonthlyReport(
  deps: TReportDeps,
  hallId: number,
  month: string,
  onProgress?: TProgress,
  scope: TReportScope = {},
): Promise<TMonthlyReport> {
  checkMonth(month);
  const { db } = deps;
  const now = deps.now();
  const hall = await hallOrThrow(db, hallId);
  const scopeName = await departmentName(db, hallId, scope.departmentId);
  const reader = monthReader(db, hall, scope, hallDate(now), deps.tallySource);
  const period = monthPeriod(month);
  const previousPeriod = monthPeriod(addMonths(month, -1));
  const lastYearPeriod = monthPeriod(addMonths(month, -12));
  const progress = async (percent: number) => {
    if (onProgress) await onProgress(percent);
  };

  // Summary with month-on-month and year-on-year change.
  const side = async (sidePeriod: TPeriod) => ({
    tally: await reader.total(sidePeriod),
    workingDays: await reader.workingDays(sidePeriod),
  });
  const [current, previous, lastYear] = await Promise.all([side(period), side(previousPeriod), side(lastYearPeriod)]);
  const totals = current.tally;
  const workingDays = current.workingDays;
  const metrics = ratingMetrics(totals);
  const calendarDays = datesBetween(period.from, period.to).length;
  await progress(15);

  // Ratings by level and channel.
  const byChannel = await reader.tallies(period, "channel");
  const ratingsByLevel = countRows(
    LEVELS.map((level) => ({ key: String(level), label: LEVEL_LABELS[level], count: totals.byLevel[level] })),
    metrics.validRatings,
  );
  const ratingsByChannel = countRows(
    Object.entries(CHANNELS).map(([code, label]) => ({
      key: code,
      label,
      count: ratingMetrics(byChannel.get(Number(code)) ?? emptyTally()).validRatings,
    })),
    metrics.validRatings,
  );
  await progress(25);

  // Window ranking: every window of the hall (a department head: the windows their cases went to).
  const settings = { weights: parseRankingWeights(hall.ranking_weights), minSample: hall.ranking_min_sample };
  const [windowMonth, windowMonthBefore, windowList] = await Promise.all([
    rankingMonth(reader, period, "window"),
    rankingMonth(reader, previousPeriod, "window"),
    listReportWindows(db, hall.id),
  ]);
  const windows: TRankedEntity[] = windowList.filter(
    (window) => (scope.departmentId === undefined && window.active) || hasFigures(windowMonth.tallies.get(window.id)),
  );
  const population =
    scopeName === null
      ? ({ scope: "hall", name: "全厅" } as const)
      : ({ scope: "department", name: scopeName } as const);
  const windowRanking = rankingSection(windows, windowMonth, windowMonthBefore, settings, population);
  await progress(45);

  // Department ranking.
  const [departmentMonth, departmentMonthBefore, departmentList] = await Promise.all([
    rankingMonth(reader, period, "department"),
    rankingMonth(reader, previousPeriod, "department"),
    listDepartments(db, hall.id),
  ]);
  const departments = departmentList.filter(
    (department) => scope.departmentId === undefined || department.id === scope.departmentId,
  );
  const departmentRanking = rankingSection(departments, departmentMonth, departmentMonthBefore, settings, population);
  await progress(60);

  // Bad reviews: by reason code, item and window; work orders by state and their four rates.
  const range = { hallId: hall.id, ...hallDayBounds(period.from, period.to), departmentId: scope.departmentId };
  const [reasons, byItem, workOrderStates, hallWorkOrders] = await Promise.all([
    countBadReviewReasons(db, range),
    reader.tallies(period, "service_item"),
    countWorkOrderStates(db, range),
    reader.workOrders(period, "hall"),
  ]);
  const itemNames = await listServiceItemNames(
    db,
    [...byItem.keys()].filter((key): key is number => typeof key === "number"),
  );
  const itemRows = (count: (tally: TRatingTally) => number) =>
    [...byItem.entries()].map(([key, tally]) => ({
      key: String(key),
      label: itemNames.get(Number(key))?.name ?? String(key),
      count: count(tally),
    }));
  const itemsByBadReviews = topRows(itemRows(badRatingsOf), Number.MAX_SAFE_INTEGER);
  const windowNames = new Map(windowList.map((window) => [window.id, window.name]));
  const badByWindow = topRows(
    [...windowMonth.tallies.entries()].map(([key, tally]) => ({
      key: key === null ? "none" : String(key),
      label: key === null ? NO_WINDOW_LABEL : (windowNames.get(Number(key)) ?? String(key)),
      count: badRatingsOf(tally),
    })),
    Number.MAX_SAFE_INTEGER,
  );
  const orders: TWorkOrderTally = hallWorkOrders.get(null) ?? emptyWorkOrderTally();
  const stateRows = Object.entries(WORK_ORDER_STATES).map(([state, label]) => ({
    key: state,
    label,
    count: workOrderStates.get(state) ?? 0,
  }));
  const workOrderTotal = stateRows.reduce((sum, row) => sum + row.count, 0);
  const marks = await calendarMarks(db, hall.id, month, scope);
  await progress(80);

  // Coverage: prompts, evaluators.
  const [promptsByWindow, devices] = await Promise.all([
    countPrompts(db, range),
    countDevices(db, hall.id, scope.departmentId),
  ]);
  const prompts = promptsByWindow.reduce(
    (sum, row) => ({ sent: sum.sent + row.sent, timedOut: sum.timedOut + row.timedOut }),
    { sent: 0, timedOut: 0 },
  );
  await progress(95);

  const reasonRows: TReportCountRow[] = countRows(
    reasons.map((reason) => ({ key: reason.code, label: reason.label, count: reason.count })),
    metrics.badRatings,
  );
  return {
    format: MONTHLY_REPORT_FORMAT,
    hall: { id: hall.id, code: hall.code, name: hall.name },
    scope: { departmentId: scope.departmentId ?? null, departmentName: scopeName },
    month,
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    generatedAt: now.toISOString(),
    summary: {
      casesCompleted: totals.casesCompleted,
      workingDays,
      ...marks,
      calendarDays,
      dailyAverage: {
        perWorkingDay: formatQuotient({ num: totals.casesCompleted, den: workingDays }, 1),
        perCalendarDay: formatQuotient({ num: totals.casesCompleted, den: calendarDays }, 1),
      },
      validRatings: metrics.validRatings,
      ratings: metrics.ratings,
      badRatings: metrics.badRatings,
      comparisons: comparisons(current, previous, lastYear),
    },
    ratingsByLevel,
    ratingsByChannel,
    windows: windowRanking,
    departments: departmentRanking,
    badReviews: {
      total: metrics.badRatings,
      byReason: reasonRows,
      byItem: countRows(itemsByBadReviews, metrics.badRatings),
      byWindow: countRows(badByWindow, metrics.badRatings),
      workOrderStates: countRows(stateRows, workOrderTotal),
      workOrderRates: workOrderRateRows(orders),
    },
    topItems: {
      byVolume: countRows(
        topRows(
          itemRows((tally) => tally.casesCompleted),
          TOP_ITEMS,
        ),
        totals.casesCompleted,
      ),
      byBadReviews: countRows(itemsByBadReviews.slice(0, TOP_ITEMS), metrics.badRatings),
    },
    coverage: {
      casesCompleted: totals.casesCompleted,
      promptsSent: prompts.sent,
      promptsTimedOut: prompts.timedOut,
      casesRated: totals.casesRated,
      casesRatedByDefault: totals.casesRatedByDefault,
      casesClosedUnrated: totals.casesClosedUnrated,
      devices,
    },
    definitions: metricDefinitionList().definitions,
  };
}
