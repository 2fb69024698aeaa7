import { METRIC_DEFINITIONS, type TMetricKey } from "@hcp/domain";

import { formatCount } from "../../lib/format";
import type { TMetricsView } from "./analysis-types";
import type { TColumn } from "./DataTable";
import { analysisStrings } from "./strings";

type TRateKey =
  | "ratedRate"
  | "goodRate"
  | "activeGoodRate"
  | "badRate"
  | "unratedRate"
  | "score"
  | "onTimeCompletionRate"
  | "meanHandlingHours";
export type TMetricColumn = "casesCompleted" | "ratings" | "badRatings" | TRateKey;

/** A column headed and defined by the domain's metric definitions (the report appendix's words). */
export function definedColumn<TRow>(key: TMetricKey, cell: TColumn<TRow>["cell"], numeric = true): TColumn<TRow> {
  const definition = METRIC_DEFINITIONS[key];
  return { id: key, header: definition.name, definition: definition.definition, numeric, cell };
}

/**
 * Columns for rows that carry a TMetricsView: counts with digit grouping, rates as the server's
 * `text` (rounded once, by the domain), so every screen shows the same figure.
 */
export function metricColumns<TRow>(
  metrics: (row: TRow) => TMetricsView,
  keys: readonly TMetricColumn[],
): TColumn<TRow>[] {
  return keys.map((key): TColumn<TRow> => {
    switch (key) {
      case "casesCompleted":
        return definedColumn(key, (row) => formatCount(metrics(row).casesCompleted));
      case "ratings":
        return definedColumn(key, (row) => formatCount(metrics(row).ratings));
      case "badRatings":
        return {
          id: key,
          header: analysisStrings.badRatings,
          definition: analysisStrings.badRatingsDefinition,
          numeric: true,
          cell: (row) => formatCount(metrics(row).badRatings),
        };
      default:
        return definedColumn(key, (row) => metrics(row)[key].text);
    }
  });
}
