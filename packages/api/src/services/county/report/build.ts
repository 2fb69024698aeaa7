import type { z } from "zod";

import {
  countBadReviewReasons,
  countWorkOrderStates,
  findCountyById,
  listCountyHalls,
  type Hall,
  type TCountyHallRow,
  type TCountyRow,
  type TTallyKey,
} from "@hcp/db";
import {
  emptyWorkOrderTally,
  hallDate,
  hallDayBounds,
  METRIC_DEFINITIONS_VERSION,
  metricDefinitionList,
  parseRankingWeights,
  ratingMetrics,
  sumTallies,
  sumWorkOrderTallies,
  WORK_ORDER_STATES,
  type TPeriod,
  type TRatingTally,
  type TWorkOrderTally,
} from "@hcp/domain";

import { appError } from "../../../errors";
import { hallOrThrow, monthReader, type TProgress, type TReportDeps } from "../../report/build";
import { addMonths, checkMonth, monthPeriod } from "../../report/month";
import {
  comparisons,
  countRows,
  rankingSection,
  workOrderComparisons,
  type TComparisonSide,
} from "../../report/sections";
import { COUNTY_REPORT_FORMAT, type ZCountyFigures, type ZCountyMonthlyReport } from "./schemas";

export type TCountyMonthlyReport = z.infer<typeof ZCountyMonthlyReport>;
type TCountyFigures = z.infer<typeof ZCountyFigures>;

/** One period of one hall: its rating tally, work orders and the period's working days. */
interface TSide extends TComparisonSide {
  workOrders: TWorkOrderTally;
}

/** The month, the month before and the same month a year earlier. */
interface TSides {
  current: TSide;
  previous: TSide;
  lastYear: TSide;
}

interface THallMonth {
  row: TCountyHallRow;
  hall: Hall;
  sides: TSides;
}

export async function countyOrThrow(deps: TReportDeps, countyId: number): Promise<TCountyRow> {
  const county = await findCountyById(deps.db, countyId);
  if (!county) throw appError("COUNTY_NOT_FOUND", "NOT_FOUND");
  return county;
}

/** A hall's three periods from the same rollup reads its own monthly report makes. */
async function hallSides(deps: TReportDeps, hall: Hall, periods: TPeriod[], today: string): Promise<TSide[]> {
  const reader = monthReader(deps.db, hall, {}, today, deps.tallySource);
  return Promise.all(
    periods.map(async (period) => {
      const [tally, workingDays, orders] = await Promise.all([
        reader.total(period),
        reader.workingDays(period),
        reader.workOrders(period, "hall"),
      ]);
      return { tally, workingDays, workOrders: orders.get(null) ?? emptyWorkOrderTally() };
    }),
  );
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

/** The county's side of a period: its halls' counts added up (working days are the calendar's, alike for all). */
function sumSide(sides: readonly TSide[], workingDays: number): TSide {
  return {
    tally: sumTallies(sides.map((side) => side.tally)),
    workingDays,
    workOrders: sumWorkOrderTallies(sides.map((side) => side.workOrders)),
  };
}

function rankingMonth(halls: readonly THallMonth[], side: keyof TSides) {
  return {
    tallies: new Map<TTallyKey, TRatingTally>(halls.map((entry) => [entry.hall.id, entry.sides[side].tally])),
    workOrders: new Map<number | null, TWorkOrderTally>(
      halls.map((entry) => [entry.hall.id, entry.sides[side].workOrders]),
    ),
  };
}

/**
 * Builds the county monthly report from each hall's rollups and work orders — the very reads of
 * the hall's own monthly report — so the county total is its halls' figures summed, then ranks
 * the halls by the windows' fair method with the county centre's ranking settings.
 */
export async function buildCountyReport(
  deps: TReportDeps,
  countyId: number,
  month: string,
  onProgress?: TProgress,
): Promise<TCountyMonthlyReport> {
  checkMonth(month);
  const now = deps.now();
  const today = hallDate(now);
  const county = await countyOrThrow(deps, countyId);
  const rows = await listCountyHalls(deps.db, countyId);
  const period = monthPeriod(month);
  const periods = [period, monthPeriod(addMonths(month, -1)), monthPeriod(addMonths(month, -12))];
  const halls: THallMonth[] = await Promise.all(
    rows.map(async (row) => {
      const hall = await hallOrThrow(deps.db, row.id);
      const [current, previous, lastYear] = await hallSides(deps, hall, periods, today);
      if (!current || !previous || !lastYear) throw new Error("three periods read, fewer answered");
      return { row, hall, sides: { current, previous, lastYear } };
    }),
  );
  await onProgress?.(50);

  const total = (side: keyof TSides) =>
    sumSide(
      halls.map((entry) => entry.sides[side]),
      halls[0]?.sides[side].workingDays ?? 0,
    );
  const countySides: TSides = { current: total("current"), previous: total("previous"), lastYear: total("lastYear") };

  // The county centre tunes the county's ranking (weights, minimum sample); a county without one uses the defaults.
  const centre = halls.find((entry) => entry.row.kind === "county_centre")?.hall;
  const settings = {
    weights: parseRankingWeights(centre?.ranking_weights ?? ""),
    minSample: centre?.ranking_min_sample ?? 30,
  };
  const entities = halls.map((entry) => ({ id: entry.hall.id, code: entry.hall.code, name: entry.hall.name }));
  const ranking = rankingSection(entities, rankingMonth(halls, "current"), rankingMonth(halls, "previous"), settings, {
    scope: "county",
    name: county.name,
  });

  // Bad reviews by hall and reason, and each hall's work orders by state.
  const bounds = hallDayBounds(period.from, period.to);
  const badReviews = await Promise.all(
    halls.map(async (entry) => {
      const range = { hallId: entry.hall.id, ...bounds };
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
        ).map((row) => ({ ...row, hallId: entry.hall.id, hallName: entry.hall.name })),
        states: {
          hallId: entry.hall.id,
          hallName: entry.hall.name,
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
      figures({ id: entry.hall.id, code: entry.hall.code, name: entry.hall.name, kind: entry.row.kind }, entry.sides),
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
