import { z } from "zod";

import { periodSearchShape, type TPeriodSearch } from "../../lib/period";
import { positiveIntParam, searchParam, searchParser } from "../../lib/search-params";

export const ANALYSIS_VIEWS = ["departments", "items", "channels", "reasons", "coverage"] as const;
export type TAnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** The breakdown screens' state in the URL: `?view=&from=&to=&dept=`. */
export interface TAnalysisSearch extends TPeriodSearch {
  view?: TAnalysisView;
  /** the department the service items are narrowed to */
  dept?: number;
}

/** Whatever is in the URL, the page gets a valid state: unknown values are dropped, not fatal. */
export const parseAnalysisSearch: (search: Record<string, unknown>) => TAnalysisSearch = searchParser(
  z.object({ ...periodSearchShape, view: searchParam.oneOf(ANALYSIS_VIEWS), dept: positiveIntParam() }),
);
