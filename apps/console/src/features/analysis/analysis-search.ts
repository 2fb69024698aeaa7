import type { TPeriodSearch } from "../../lib/period";
import { parsePeriodSearch } from "../../lib/period";

export const ANALYSIS_VIEWS = ["departments", "items", "channels", "reasons", "coverage"] as const;
export type TAnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** The breakdown screens' state in the URL: `?view=&from=&to=&dept=`. */
export interface TAnalysisSearch extends TPeriodSearch {
  view?: TAnalysisView;
  /** the department the service items are narrowed to */
  dept?: number;
}

function isView(value: unknown): value is TAnalysisView {
  return typeof value === "string" && (ANALYSIS_VIEWS as readonly string[]).includes(value);
}

/** Whatever is in the URL, the page gets a valid state: unknown values are dropped, not fatal. */
export function parseAnalysisSearch(search: Record<string, unknown>): TAnalysisSearch {
  const dept = typeof search.dept === "number" ? search.dept : typeof search.dept === "string" ? Number(search.dept) : Number.NaN;
  return {
    ...parsePeriodSearch(search),
    view: isView(search.view) ? search.view : undefined,
    dept: Number.isInteger(dept) && dept > 0 ? dept : undefined,
  };
}
