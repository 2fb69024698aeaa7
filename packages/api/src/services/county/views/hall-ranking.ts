import type { TCountyHallRow } from "@hcp/db";
import { DEFAULT_MIN_SAMPLE, DEFAULT_RANKING_WEIGHTS, METRIC_DEFINITIONS_VERSION, type TPeriod } from "@hcp/domain";

import type { TUserContext } from "../../overview";
import { rankedResult, rankRound, type TRankedFigures, type TRankingRound } from "../../performance/ranked-rows";
import { checkPeriod, previousWholeMonth, type TRankingSettings } from "../../performance/ranking";
import { checkMonth, monthPeriod } from "../../report/month";
import { countyReach, countyTallies, countyWorkOrders, type TCountyReach, type TFigureDeps } from "./figures";

/**
 * The county's rankings use the published method and defaults (weights 60/20/10/10, minimum
 * sample 30): each hall's own settings rank its own windows, and no hall's settings may decide
 * how the halls compare with one another.
 */
export const COUNTY_RANKING_SETTINGS: TRankingSettings = {
  weights: DEFAULT_RANKING_WEIGHTS,
  minSample: DEFAULT_MIN_SAMPLE,
};

export interface TCountyHallRef {
  id: number;
  code: string;
  name: string;
  kind: TCountyHallRow["kind"];
  areaCode: string | null;
}

export function hallRef(hall: TCountyHallRow): TCountyHallRef {
  return { id: hall.id, code: hall.code, name: hall.name, kind: hall.kind, areaCode: hall.areaCode };
}

/** Whom a county ranking was computed over, stated on every screen and in the report. */
export interface TCountyPopulation {
  /**
   * "county": every hall's cases; "hall": one hall's (a ranking within it); "department": a
   * county-wide department head's department in each hall
   */
  scope: "county" | "hall" | "department";
  /** the county's name, or the department's */
  name: string;
  /** halls or windows listed */
  listed: number;
  /** of them, those that met the minimum sample */
  ranked: number;
}

export interface TCountyHallRanking {
  period: TPeriod;
  definitionsVersion: string;
  county: { id: number; areaCode: string; name: string };
  settings: TRankingSettings;
  population: TCountyPopulation;
  rows: (TRankedFigures & { hall: TCountyHallRef })[];
  /** hall ids, best first / worst first */
  red: number[];
  black: number[];
  /** the hall last this month and the month before; only for a whole month */
  lastTwoMonthsRunning: number | null;
}

async function hallRound(ctx: TFigureDeps, reach: TCountyReach, period: TPeriod): Promise<TRankingRound> {
  const [tallies, orders] = await Promise.all([
    countyTallies(ctx, reach, period, "hall"),
    countyWorkOrders(ctx, reach, period, "hall"),
  ]);
  return rankRound(reach.scope.halls, tallies, orders, COUNTY_RANKING_SETTINGS);
}

/** The county's halls ranked for a period over a county reach already resolved (the county report's 红黑榜 too). */
export async function rankCountyHalls(
  ctx: TFigureDeps,
  reach: TCountyReach,
  period: TPeriod,
): Promise<TCountyHallRanking> {
  const previous = previousWholeMonth(period);
  const [current, before] = await Promise.all([
    hallRound(ctx, reach, period),
    previous ? hallRound(ctx, reach, previous) : Promise.resolve(null),
  ]);
  const result = rankedResult(current, before, COUNTY_RANKING_SETTINGS, reach.populationName);
  const halls = new Map(reach.scope.halls.map((hall) => [hall.id, hall]));
  return {
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    county: reach.scope.county,
    settings: COUNTY_RANKING_SETTINGS,
    population: {
      scope: reach.departmentIds ? "department" : "county",
      name: reach.populationName,
      listed: result.rows.length,
      ranked: result.ranked,
    },
    rows: result.rows.flatMap((row) => {
      const hall = halls.get(row.id);
      return hall ? [{ ...row, hall: hallRef(hall) }] : [];
    }),
    red: result.red,
    black: result.black,
    lastTwoMonthsRunning: result.lastTwoMonthsRunning,
  };
}

/** 县级大厅排名 for a period (a month gets 末位 as well); county users only. */
export async function countyHallRankingOf(ctx: TUserContext, period: TPeriod): Promise<TCountyHallRanking> {
  checkPeriod(ctx, period);
  return rankCountyHalls(ctx, await countyReach(ctx), period);
}

/**
 * @public the county monthly report's hall 红黑榜 and 末位.
 * The county's halls ranked for one month ("yyyy-mm"), with 末位 against the month before.
 */
export async function countyHallRanking(ctx: TUserContext, month: string): Promise<TCountyHallRanking> {
  checkMonth(month);
  return rankCountyHalls(ctx, await countyReach(ctx), monthPeriod(month));
}
