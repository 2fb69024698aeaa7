import { formatPercent } from "./metrics";
import {
  componentBasis,
  RANKING_COMPONENTS,
  rankingComponents,
  weighComponents,
  type TComponentBasis,
  type TRankingComponent,
  type TRankingInput,
  type TRankingWeights,
} from "./ranking";

/**
 * What a composite score is made of, in figures a manager can check by hand, and in words what
 * pulls a window down against its population (全厅 or 本部门). Every screen, the monthly report and
 * its exports show these same texts.
 */
export const RANKING_COMPONENT_SHORT_LABELS: Record<TRankingComponent, string> = {
  satisfaction: "满意度下界",
  ratedRate: "评价率",
  onTimeCompletion: "按时办结率",
  workOrders: "按时整改率",
};

export interface TScorePart {
  key: TRankingComponent;
  label: string;
  basis: TComponentBasis;
  /** "93.21%"; "100%（无差评）" when full marks for want of bad reviews; "—" when left out */
  value: string;
  /** the hall's weight, 0–100 */
  weight: number;
  /** the weight after spreading the weights of missing components, two decimals, e.g. "66.67" */
  effectiveWeight: string;
  /** points of the 100-point score, two decimals, e.g. "55.93" */
  points: string;
}

function percentOf(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** A component's value as the screens write it: exact ratios half-up, the Wilson bound to 0.01 %. */
function valueText(input: TRankingInput, key: TRankingComponent, value: number | null): string {
  if (value === null) return "—";
  switch (key) {
    case "satisfaction":
      return percentOf(value);
    case "ratedRate":
      return formatPercent({ num: input.casesRated, den: input.casesCompleted });
    case "onTimeCompletion":
      return formatPercent({ num: input.promisedOnTime, den: input.promisedCompleted });
    case "workOrders":
      return input.badReviews === 0
        ? "100%（无差评）"
        : formatPercent({ num: input.rectifiedOnTime, den: input.badReviews });
  }
}

/** Each component's value, weight and points; an empty list when no component counts. */
export function scoreBreakdown(input: TRankingInput, weights: TRankingWeights): TScorePart[] {
  return weighComponents(rankingComponents(input), weights).map((part) => ({
    key: part.key,
    label: RANKING_COMPONENT_SHORT_LABELS[part.key],
    basis: componentBasis(input, part.key),
    value: valueText(input, part.key, part.value),
    weight: part.weight,
    effectiveWeight: part.effectiveWeight.toFixed(2),
    points: part.points.toFixed(2),
  }));
}

/** The population as one entry: its counts summed, so its figures are the hall's (or department's) own. */
export function populationInput(inputs: readonly TRankingInput[]): TRankingInput {
  const total: TRankingInput = {
    id: 0,
    code: "",
    goodRatings: 0,
    validRatings: 0,
    casesRated: 0,
    casesCompleted: 0,
    promisedOnTime: 0,
    promisedCompleted: 0,
    badReviews: 0,
    rectifiedOnTime: 0,
  };
  for (const input of inputs) {
    total.goodRatings += input.goodRatings;
    total.validRatings += input.validRatings;
    total.casesRated += input.casesRated;
    total.casesCompleted += input.casesCompleted;
    total.promisedOnTime += input.promisedOnTime;
    total.promisedCompleted += input.promisedCompleted;
    total.badReviews += input.badReviews;
    total.rectifiedOnTime += input.rectifiedOnTime;
  }
  return total;
}

export interface TShortfall {
  key: TRankingComponent;
  label: string;
  value: string;
  /** the population's figure */
  reference: string;
  /** points the window loses against the population's figure, at its weight */
  pointsLost: number;
}

/**
 * A component as compared with the population: satisfaction by the plain 好评率, since the Wilson
 * bound of a whole hall's sample is always higher than any one window's at the same 好评率.
 */
function compared(
  input: TRankingInput,
  key: TRankingComponent,
  value: number | null,
): { label: string; value: number | null; text: string } {
  if (key !== "satisfaction")
    return { label: RANKING_COMPONENT_SHORT_LABELS[key], value, text: valueText(input, key, value) };
  const ratio = { num: input.goodRatings, den: input.validRatings };
  return { label: "好评率", value: ratio.den === 0 ? null : ratio.num / ratio.den, text: formatPercent(ratio) };
}

/** The components where an entry falls below its population, the costliest first. */
export function shortfalls(input: TRankingInput, population: TRankingInput, weights: TRankingWeights): TShortfall[] {
  const reference = rankingComponents(population);
  return weighComponents(rankingComponents(input), weights)
    .flatMap((part): TShortfall[] => {
      const own = compared(input, part.key, part.value);
      const target = compared(population, part.key, reference[part.key]);
      if (own.value === null || target.value === null || own.value >= target.value || part.effectiveWeight === 0)
        return [];
      return [
        {
          key: part.key,
          label: own.label,
          value: own.text,
          reference: target.text,
          pointsLost: (target.value - own.value) * part.effectiveWeight,
        },
      ];
    })
    .sort(
      (a, b) => b.pointsLost - a.pointsLost || RANKING_COMPONENTS.indexOf(a.key) - RANKING_COMPONENTS.indexOf(b.key),
    );
}

/** "评价率 12.00%，全厅 25.00%；按时整改率 50.00%，全厅 90.00%": what pulls a 黑榜 entry down. */
export function shortfallText(list: readonly TShortfall[], populationName: string): string {
  if (list.length === 0) return `各项均不低于${populationName}水平，综合得分在参与排名者中靠后`;
  return list.map((item) => `${item.label} ${item.value}，${populationName} ${item.reference}`).join("；");
}

export interface TRankingExplanation {
  /** what the score is made of; empty for an unranked entry */
  breakdown: TScorePart[];
  /** for a 黑榜 entry, what pulls it down against its population; null otherwise */
  pulledDownBy: string | null;
}

/** Every entry's breakdown, and for the 黑榜 the words for what pulls it down. */
export function explainRanking(
  inputs: readonly TRankingInput[],
  ranked: readonly { id: number; rank: number | null }[],
  weights: TRankingWeights,
  black: readonly number[],
  populationName: string,
): Map<number, TRankingExplanation> {
  const population = populationInput(inputs);
  const rankOf = new Map(ranked.map((entry) => [entry.id, entry.rank]));
  return new Map(
    inputs.map((input) => [
      input.id,
      {
        breakdown: (rankOf.get(input.id) ?? null) === null ? [] : scoreBreakdown(input, weights),
        pulledDownBy: black.includes(input.id)
          ? shortfallText(shortfalls(input, population, weights), populationName)
          : null,
      },
    ]),
  );
}

/** "满意度下界 91.24% × 66.67 = 60.83；…；按时办结率 —（无数据，不计）": a breakdown on one line, for print and files. */
export function breakdownText(parts: readonly TScorePart[]): string {
  return parts
    .map((part) =>
      part.basis === "missing"
        ? `${part.label} —（无数据，不计）`
        : `${part.label} ${part.value} × ${part.effectiveWeight} = ${part.points}`,
    )
    .join("；");
}
