import type { z } from "zod";

import { countBadReviewReasons, countWorkOrderStates, findCountyById, listCountyHalls, type TCountyRow } from "@hcp/db";
import {
  emptyTally,
  emptyWorkOrderTally,
  hallDayBounds,
  METRIC_DEFINITIONS_VERSION,
  metricDefinitionList,
  ratingMetrics,
  sumTallies,
  sumWorkOrderTallies,
  WORK_ORDER_STATES,
  type TPeriod,
  type TWorkOrderTally,
} from "@hcp/domain";

import { appError } from "../../../errors";
import { workingDaysOf, type TProgress, type TReportDeps } from "../../report/build";
import { addMonths, checkMonth, monthPeriod } from "../../report/month";
import { comparisons, countRows, workOrderComparisons, type TComparisonSide } from "../../report/sections";
import type { TReportRanking } from "../../report/types";
import { countyTallies, countyWideReach, countyWorkOrders, type TCountyReach } from "../views/figures";
import { rankCountyHalls, type TCountyHallRanking } from "../views/hall-ranking";
import { COUNTY_REPORT_FORMAT, type ZCountyFigures, type ZCountyMonthlyReport } from "./schemas";

export type TCountyMonthlyReport = z.infer<typeof ZCountyMonthlyReport>;
type TCountyFigures = z.infer<typeof ZCountyFigures>;

/** One period of one hall, or of the county: its rating tally, work orders and the period's working days. */
interface TSide extends TComparisonSide {
  workOrders: TWorkOrderTally;
}

/** The month, the month before and the same month a year earlier. */
interface TSides {
  current: TSide;
  previous: TSide;
  lastYear: TSide;
}

export async function countyOrThrow(deps: TReportDeps, countyId: number): Promise<TCountyRow> {
  const county = await findCountyById(deps.db, countyId);
  if (!county) throw appError("COUNTY_NOT_FOUND", "NOT_FOUND");
  return county;
}

/** Each hall's tally and work orders of a period, read for every hall of the county at once from the rollups. */
async function periodSides(
  deps: TReportDeps,
  reach: TCountyReach,
  period: TPeriod,
): Promise<{ workingDays: number; halls: Map<number, TSide> }> {
  const [tallies, orders, workingDays] = await Promise.all([
    countyTallies(deps, reach, period, "hall"),
    countyWorkOrders(deps, reach, period, "hall"),
    workingDaysOf(deps.db, period),
  ]);
  const side = (hallId: number): TSide => ({
    tally: tallies.get(hallId) ?? emptyTally(),
    workingDays,
    workOrders: orders.get(hallId) ?? emptyWorkOrderTally(),
  });
  return { workingDays, halls: new Map(reach.scope.halls.map((hall) => [hall.id, side(hall.id)])) };
}

function figures(hall: TCountyFigures["hall"], sides: TSides): TCountyFigures {
  const metrics = ratingMetrics(sides.current.tally);
  return {
    hall,
    casesCompleted: sides.current.tally.casesCompleted,
    workingDays: sides.current.workingDays,
    validRatings: metrics.validRatings,
    ratings: metrics.ratings,
    badRatings: metrics.badRatings,
    comparisons: [
      ...comparisons(sides.current, sides.previous, sides.lastYear),
      ...workOrderComparisons(sides.current.workOrders, sides.previous.workOrders, sides.lastYear.workOrders),
    ],
  };
}

function emptySide(workingDays: number): TSide {
  return { tally: emptyTally(), workingDays, workOrders: emptyWorkOrderTally() };
}

/** The county's side of a period: its halls' counts added up (working days are the calendar's, alike for all). */
function sumSide(sides: readonly TSide[], workingDays: number): TSide {
  return {
    tally: sumTallies(sides.map((side) => side.tally)),
    workingDays,
    workOrders: sumWorkOrderTallies(sides.map((side) => side.workOrders)),
  };
}

/** The county-views ranking in the monthly report's ranking shape, so the report's tables print it. */
function reportRanking(ranking: TCountyHallRanking): TReportRanking {
  return {
    rows: ranking.rows.map((row) => ({
      id: row.id,
      code: row.hall.code,
      name: row.hall.name,
      rank: row.rank,
      score: row.score,
      note: row.eligible ? "" : "样本不足",
      casesCompleted: row.metrics.casesCompleted,
      validRatings: row.metrics.validRatings,
      ratedRate: row.metrics.ratedRate,
      goodRate: row.metrics.goodRate,
      onTimeCompletionRate: row.metrics.onTimeCompletionRate,
      badRatings: row.metrics.badRatings,
      workOrderOnTimeRate: row.workOrderOnTimeRate,
      lastTwoMonthsRunning: row.lastTwoMonthsRunning,
      breakdown: row.breakdown,
      pulledDownBy: row.pulledDownBy,
    })),
    red: ranking.red,
    black: ranking.black,
    minSample: ranking.settings.minSample,
    weights: ranking.settings.weights,
    population: { scope: "county", name: ranking.population.name, ranked: ranking.population.ranked },
  };
}

/**
 * Builds the county monthly report from the county views' reads — every hall's rollups and work
 * orders in one statement each, each hall's 未评 by its own rating window — so the county total is
 * its halls' figures summed, and ranks the halls with the county hall ranking (the published
 * method and defaults), the same 红黑榜 and 末位 the 县级大厅排名 screen shows.
 */
export async function buildCountyReport(
  deps: TReportDeps,
  countyId: number,
  month: string,
  onProgress?: TProgress,
): Promise<TCountyMonthlyReport> {
  checkMonth(month);
  const now = deps.now();
  const county = await countyOrThrow(deps, countyId);
  const reach = await countyWideReach(deps.db, { county, halls: await listCountyHalls(deps.db, countyId) });
  const period = monthPeriod(month);
  const [current, previous, lastYear] = await Promise.all(
    [period, monthPeriod(addMonths(month, -1)), monthPeriod(addMonths(month, -12))].map((side) =>
      periodSides(deps, reach, side),
    ),
  );
  if (!current || !previous || !lastYear) throw new Error("three periods read, fewer answered");
  const halls = reach.scope.halls.map((row) => {
    const of = (side: { workingDays: number; halls: Map<number, TSide> }) =>
      side.halls.get(row.id) ?? emptySide(side.workingDays);
    return { row, sides: { current: of(current), previous: of(previous), lastYear: of(lastYear) } };
  });
  await onProgress?.(40);
  const countyOf = (side: { workingDays: number; halls: Map<number, TSide> }) =>
    sumSide([...side.halls.values()], side.workingDays);
  const countySides: TSides = {
    current: countyOf(current),
    previous: countyOf(previous),
    lastYear: countyOf(lastYear),
  };
  const ranking = reportRanking(await rankCountyHalls(deps, reach, period));
  await onProgress?.(60);

  // Bad reviews by hall and reason, and each hall's work orders by state.
  const bounds = hallDayBounds(period.from, period.to);
  const badReviews = await Promise.all(
    halls.map(async (entry) => {
      const range = { hallId: entry.row.id, ...bounds };
      const [reasons, states] = await Promise.all([
        countBadReviewReasons(deps.db, range),
        countWorkOrderStates(deps.db, range),
      ]);
      const stateRows = Object.entries(WORK_ORDER_STATES).map(([state, label]) => ({
        key: state,
        label,
        count: states.get(state) ?? 0,
      }));
      const stateTotal = stateRows.reduce((sum, row) => sum + row.count, 0);
      const bad = ratingMetrics(entry.sides.current.tally).badRatings;
      return {
        reasons: countRows(
          reasons.map((reason) => ({ key: reason.code, label: reason.label, count: reason.count })),
          bad,
        ).map((row) => ({ ...row, hallId: entry.row.id, hallName: entry.row.name })),
        states: {
          hallId: entry.row.id,
          hallName: entry.row.name,
          total: stateTotal,
          states: countRows(stateRows, stateTotal),
        },
      };
    }),
  );
  await onProgress?.(90);

  const countyFigures = figures(null, countySides);
  return {
    format: COUNTY_REPORT_FORMAT,
    county: { id: county.id, areaCode: county.areaCode, name: county.name },
    month,
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    generatedAt: now.toISOString(),
    total: countyFigures,
    halls: halls.map((entry) =>
      figures({ id: entry.row.id, code: entry.row.code, name: entry.row.name, kind: entry.row.kind }, entry.sides),
    ),
    ranking,
    badReviews: {
      total: countyFigures.badRatings,
      byHallReason: badReviews.flatMap((entry) => entry.reasons),
      workOrderStates: badReviews.map((entry) => entry.states),
    },
    definitions: metricDefinitionList().definitions,
  };
}
