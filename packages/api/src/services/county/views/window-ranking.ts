import { listCountyWindows, type TCountyWindowRow } from "@hcp/db";
import { METRIC_DEFINITIONS_VERSION, parseRankingWeights, type TPeriod } from "@hcp/domain";

import type { TUserContext } from "../../overview";
import { rankedResult, rankRound, type TRankedFigures, type TRankingRound } from "../../performance/ranked-rows";
import { checkPeriod, previousWholeMonth, type TRankingSettings } from "../../performance/ranking";
import { hallInScope } from "../scope";
import { countyReach, countyTallies, countyWorkOrders, type TCountyReach } from "./figures";
import { COUNTY_RANKING_SETTINGS, hallRef, type TCountyHallRef, type TCountyPopulation } from "./hall-ranking";

export interface TCountyWindowRanking {
  period: TPeriod;
  definitionsVersion: string;
  county: { id: number; areaCode: string; name: string };
  /** the hall ranked within, or null: every window of the county */
  hall: TCountyHallRef | null;
  settings: TRankingSettings;
  population: TCountyPopulation;
  rows: (Omit<TRankedFigures, "id"> & {
    window: { id: number; code: string; name: string; kind: string };
    hall: TCountyHallRef;
  })[];
  red: number[];
  black: number[];
  lastTwoMonthsRunning: number | null;
}

async function windowRound(
  ctx: TUserContext,
  reach: TCountyReach,
  windows: readonly TCountyWindowRow[],
  hallIds: readonly number[],
  period: TPeriod,
  settings: TRankingSettings,
): Promise<TRankingRound> {
  const [tallies, orders] = await Promise.all([
    countyTallies(ctx, reach, period, "window", hallIds),
    countyWorkOrders(ctx, reach, period, "window", hallIds),
  ]);
  return rankRound(windows, tallies, orders, settings);
}

/**
 * 窗口排名 across the county: every window of every hall in one population by the county's
 * method; or within one hall (`hallId`) by that hall's own settings, as its 窗口绩效 ranks them.
 */
export async function countyWindowRanking(
  ctx: TUserContext,
  input: TPeriod & { hallId?: number },
): Promise<TCountyWindowRanking> {
  const period = { from: input.from, to: input.to };
  checkPeriod(ctx, period);
  const reach = await countyReach(ctx);
  const within = input.hallId === undefined ? null : hallInScope(reach.scope, input.hallId);
  const hallIds = within ? [within.id] : reach.scope.halls.map((hall) => hall.id);
  const ownSettings = within ? reach.settings.get(within.id) : undefined;
  const settings: TRankingSettings = ownSettings
    ? { weights: parseRankingWeights(ownSettings.rankingWeights), minSample: ownSettings.rankingMinSample }
    : COUNTY_RANKING_SETTINGS;
  const windows = await listCountyWindows(ctx.db, hallIds);
  const previous = previousWholeMonth(period);
  const [current, before] = await Promise.all([
    windowRound(ctx, reach, windows, hallIds, period, settings),
    previous ? windowRound(ctx, reach, windows, hallIds, previous, settings) : Promise.resolve(null),
  ]);
  const populationName = within ? within.name : reach.populationName;
  const result = rankedResult(current, before, settings, populationName);
  const byId = new Map(windows.map((window) => [window.id, window]));
  const halls = new Map(reach.scope.halls.map((hall) => [hall.id, hall]));
  return {
    period,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    county: reach.scope.county,
    hall: within ? hallRef(within) : null,
    settings,
    population: {
      scope: reach.departmentIds ? "department" : within ? "hall" : "county",
      name: populationName,
      listed: result.rows.length,
      ranked: result.ranked,
    },
    rows: result.rows.flatMap(({ id, ...figures }) => {
      const window = byId.get(id);
      const hall = window ? halls.get(window.hallId) : undefined;
      if (!window || !hall) return [];
      return [
        {
          window: { id: window.id, code: window.code, name: window.name, kind: window.kind },
          hall: hallRef(hall),
          ...figures,
        },
      ];
    }),
    red: result.red,
    black: result.black,
    lastTwoMonthsRunning: result.lastTwoMonthsRunning,
  };
}
