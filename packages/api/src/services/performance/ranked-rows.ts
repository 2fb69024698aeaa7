import type { TTallyKey } from "@hcp/db";
import {
  emptyTally,
  emptyWorkOrderTally,
  explainRanking,
  formatPercent,
  honourLists,
  lastTwoMonthsRunning,
  rankEntries,
  rankingInputOf,
  type TRankedEntry,
  type TRankingInput,
  type TRatingTally,
  type TScorePart,
  type TWorkOrderTally,
} from "@hcp/domain";

import { metricsView, type TMetricsView, type TRateView } from "../overview";
import type { TRankingSettings } from "./ranking";

/**
 * The fair method of the window ranking (SPEC §6: minimum sample, Wilson lower bound, composite
 * score, 红黑榜, 末位 two months running), applied to any population: a hall's windows, the
 * county's halls, or windows across the county.
 */
export interface TRankingRound {
  inputs: TRankingInput[];
  ranked: TRankedEntry[];
  tallies: ReadonlyMap<TTallyKey, TRatingTally>;
  orders: ReadonlyMap<number | null, TWorkOrderTally>;
}

export function rankRound(
  entities: readonly { id: number; code: string }[],
  tallies: ReadonlyMap<TTallyKey, TRatingTally>,
  orders: ReadonlyMap<number | null, TWorkOrderTally>,
  settings: TRankingSettings,
): TRankingRound {
  const inputs = entities.map((entity) =>
    rankingInputOf(
      entity.id,
      entity.code,
      tallies.get(entity.id) ?? emptyTally(),
      orders.get(entity.id) ?? emptyWorkOrderTally(),
    ),
  );
  return { inputs, ranked: rankEntries(inputs, settings.weights, settings.minSample), tallies, orders };
}

export interface TRankedFigures {
  id: number;
  rank: number | null;
  /** composite score, one decimal; "—" when unranked */
  score: string;
  scoreValue: number | null;
  /** the Wilson lower bound of 好评率, as a percentage */
  satisfactionLowerBound: string;
  eligible: boolean;
  metrics: TMetricsView;
  badReviews: number;
  workOrderOnTimeRate: TRateView;
  red: boolean;
  black: boolean;
  lastTwoMonthsRunning: boolean;
  breakdown: TScorePart[];
  /** a 黑榜 entry's shortfalls against its population, in words; null otherwise */
  pulledDownBy: string | null;
}

export interface TRankedResult {
  /** ranked first (best first), then the unranked */
  rows: TRankedFigures[];
  red: number[];
  black: number[];
  /** set only when the month before was ranked too (the period is one whole month) */
  lastTwoMonthsRunning: number | null;
  ranked: number;
}

/** Rows, 红黑榜 and 末位 of a ranking round, explained against the population's own figures. */
export function rankedResult(
  current: TRankingRound,
  before: TRankingRound | null,
  settings: TRankingSettings,
  populationName: string,
): TRankedResult {
  const lists = honourLists(current.ranked);
  const last = before ? lastTwoMonthsRunning(current.ranked, before.ranked) : null;
  const explained = explainRanking(current.inputs, current.ranked, settings.weights, lists.black, populationName);
  const rows = current.ranked.map((entry): TRankedFigures => {
    const orders = current.orders.get(entry.id) ?? emptyWorkOrderTally();
    const onTime = { num: orders.rectifiedOnTime, den: orders.badReviews };
    const lowerBound = entry.components.satisfaction;
    return {
      id: entry.id,
      rank: entry.rank,
      score: entry.score === null ? "—" : entry.score.toFixed(1),
      scoreValue: entry.score,
      satisfactionLowerBound: lowerBound === null ? "—" : `${(lowerBound * 100).toFixed(2)}%`,
      eligible: entry.eligible,
      metrics: metricsView(current.tallies.get(entry.id) ?? emptyTally()),
      badReviews: orders.badReviews,
      workOrderOnTimeRate: { ...onTime, text: formatPercent(onTime) },
      red: lists.red.includes(entry.id),
      black: lists.black.includes(entry.id),
      lastTwoMonthsRunning: last === entry.id,
      breakdown: explained.get(entry.id)?.breakdown ?? [],
      pulledDownBy: explained.get(entry.id)?.pulledDownBy ?? null,
    };
  });
  return {
    rows,
    red: lists.red,
    black: lists.black,
    lastTwoMonthsRunning: last,
    ranked: current.ranked.filter((entry) => entry.rank !== null).length,
  };
}
