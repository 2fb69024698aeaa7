import type { TTallyKey } from "@hcp/db";
import {
  emptyTally,
  emptyWorkOrderTally,
  explainRanking,
  figureChange,
  formatPercent,
  formatQuotient,
  honourLists,
  lastTwoMonthsRunning,
  METRIC_DEFINITIONS,
  rankEntries,
  rankingInputOf,
  ratingMetrics,
  workOrderMetrics,
  type TChangeKind,
  type TMetricKey,
  type TRankingInput,
  type TRankingWeights,
  type TRatingTally,
  type TRatio,
  type TWorkOrderTally,
} from "@hcp/domain";

import { metricsView, type TRateView } from "../overview";
import type { TReportComparison, TReportCountRow, TReportPopulation, TReportRankedRow, TReportRanking } from "./types";

/**
 * The monthly report's sections from counts already read: pure functions, so the builder only
 * gathers tallies and every figure is formatted by the domain the same way as on screen.
 */
export function rateView(ratio: TRatio): TRateView {
  return { ...ratio, text: formatPercent(ratio) };
}

/** Rows with each count's share of `total`, in the order given. */
export function countRows(
  rows: readonly { key: string; label: string; count: number }[],
  total: number,
): TReportCountRow[] {
  return rows.map((row) => ({ ...row, share: formatPercent({ num: row.count, den: total }) }));
}

/** The largest `limit` rows by count (ties by key, so the order is stable), zero counts left out. */
export function topRows<T extends { key: string; count: number }>(rows: readonly T[], limit: number): T[] {
  return rows
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "en", { numeric: true }))
    .slice(0, limit);
}

/** A period's figures for the comparison table. */
export interface TComparisonSide {
  tally: TRatingTally;
  workingDays: number;
}

interface TComparedFigure {
  key: TMetricKey;
  kind: TChangeKind;
  value: (side: TComparisonSide) => TRateView;
}

function countView(count: number): TRateView {
  return { num: count, den: 1, text: String(count) };
}

const COMPARED: readonly TComparedFigure[] = [
  { key: "casesCompleted", kind: "count", value: ({ tally }) => countView(tally.casesCompleted) },
  {
    key: "dailyAverage",
    kind: "count",
    value: ({ tally, workingDays }) => {
      const ratio = { num: tally.casesCompleted, den: workingDays };
      return { ...ratio, text: formatQuotient(ratio, 1) };
    },
  },
  { key: "ratings", kind: "count", value: ({ tally }) => countView(ratingMetrics(tally).ratings) },
  { key: "ratedRate", kind: "rate", value: ({ tally }) => metricsView(tally).ratedRate },
  { key: "goodRate", kind: "rate", value: ({ tally }) => metricsView(tally).goodRate },
  { key: "activeGoodRate", kind: "rate", value: ({ tally }) => metricsView(tally).activeGoodRate },
  { key: "badRate", kind: "rate", value: ({ tally }) => metricsView(tally).badRate },
  { key: "unratedRate", kind: "rate", value: ({ tally }) => metricsView(tally).unratedRate },
  { key: "score", kind: "score", value: ({ tally }) => metricsView(tally).score },
  { key: "onTimeCompletionRate", kind: "rate", value: ({ tally }) => metricsView(tally).onTimeCompletionRate },
];

export function comparisons(
  current: TComparisonSide,
  previousMonth: TComparisonSide,
  lastYear: TComparisonSide,
): TReportComparison[] {
  return COMPARED.map((figure) => {
    const now = figure.value(current);
    const before = figure.value(previousMonth);
    const yearAgo = figure.value(lastYear);
    return {
      key: figure.key,
      label: METRIC_DEFINITIONS[figure.key].name,
      current: now,
      previousMonth: before,
      lastYear: yearAgo,
      changeVsPreviousMonth: figureChange(figure.kind, now, before),
      changeVsLastYear: figureChange(figure.kind, now, yearAgo),
    };
  });
}

export interface TRankedEntity {
  id: number;
  code: string;
  name: string;
}

/** One month's counts per entity: rollup tallies and work orders keyed by the entity's id. */
export interface TRankingMonth {
  tallies: Map<TTallyKey, TRatingTally>;
  workOrders: Map<number | null, TWorkOrderTally>;
}

function rankingInputs(entities: readonly TRankedEntity[], month: TRankingMonth): TRankingInput[] {
  return entities.map((entity) =>
    rankingInputOf(
      entity.id,
      entity.code,
      month.tallies.get(entity.id) ?? emptyTally(),
      month.workOrders.get(entity.id) ?? emptyWorkOrderTally(),
    ),
  );
}

/** How an explanation names the population: "below 全厅's …". */
const POPULATION_WORDS: Record<TReportPopulation["scope"], string> = {
  hall: "全厅",
  department: "本部门",
  county: "全县",
};

/**
 * Window or department ranking with 红榜/黑榜 and 末位 over one population (the hall, or a
 * department head's department): the previous month is ranked the same way (same entities,
 * weights and minimum sample) to tell who was last two months running.
 */
export function rankingSection(
  entities: readonly TRankedEntity[],
  current: TRankingMonth,
  previous: TRankingMonth,
  settings: { weights: TRankingWeights; minSample: number },
  population: Omit<TReportPopulation, "ranked">,
): TReportRanking {
  const inputs = rankingInputs(entities, current);
  const ranked = rankEntries(inputs, settings.weights, settings.minSample);
  const rankedBefore = rankEntries(rankingInputs(entities, previous), settings.weights, settings.minSample);
  const lists = honourLists(ranked);
  const lastTwice = lastTwoMonthsRunning(ranked, rankedBefore);
  const explained = explainRanking(inputs, ranked, settings.weights, lists.black, POPULATION_WORDS[population.scope]);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const rows = ranked.map((entry): TReportRankedRow => {
    const entity = byId.get(entry.id) ?? { id: entry.id, code: "", name: "" };
    const view = metricsView(current.tallies.get(entry.id) ?? emptyTally());
    const orders = workOrderMetrics(current.workOrders.get(entry.id) ?? emptyWorkOrderTally());
    return {
      id: entity.id,
      code: entity.code,
      name: entity.name,
      rank: entry.rank,
      score: entry.score === null ? "—" : entry.score.toFixed(2),
      note: entry.eligible ? "" : "样本不足",
      casesCompleted: view.casesCompleted,
      validRatings: view.validRatings,
      ratedRate: view.ratedRate,
      goodRate: view.goodRate,
      onTimeCompletionRate: view.onTimeCompletionRate,
      badRatings: view.badRatings,
      workOrderOnTimeRate: rateView(orders.onTimeRate),
      lastTwoMonthsRunning: entry.id === lastTwice,
      breakdown: explained.get(entry.id)?.breakdown ?? [],
      pulledDownBy: explained.get(entry.id)?.pulledDownBy ?? null,
    };
  });
  return {
    rows,
    red: lists.red,
    black: lists.black,
    minSample: settings.minSample,
    weights: settings.weights,
    population: { ...population, ranked: ranked.filter((entry) => entry.rank !== null).length },
  };
}

const WORK_ORDER_RATES = ["replyRate", "contactRectifyRate", "onTimeRate", "followUpSatisfaction"] as const;

/** The four 差评整改 rates this month, the month before and a year earlier, with their change. */
export function workOrderComparisons(
  current: TWorkOrderTally,
  previousMonth: TWorkOrderTally,
  lastYear: TWorkOrderTally,
): TReportComparison[] {
  const now = workOrderMetrics(current);
  const before = workOrderMetrics(previousMonth);
  const yearAgo = workOrderMetrics(lastYear);
  return WORK_ORDER_RATES.map((key) => ({
    key,
    label: METRIC_DEFINITIONS[key].name,
    current: rateView(now[key]),
    previousMonth: rateView(before[key]),
    lastYear: rateView(yearAgo[key]),
    changeVsPreviousMonth: figureChange("rate", now[key], before[key]),
    changeVsLastYear: figureChange("rate", now[key], yearAgo[key]),
  }));
}

/** 差评回复率, 回访整改率, 按时整改率, 回访整改满意率 in the order SPEC §6 lists them. */
export function workOrderRateRows(tally: TWorkOrderTally): { key: string; label: string; value: TRateView }[] {
  const metrics = workOrderMetrics(tally);
  return WORK_ORDER_RATES.map((key) => ({
    key,
    label: METRIC_DEFINITIONS[key].name,
    value: rateView(metrics[key]),
  }));
}
