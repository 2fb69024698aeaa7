import { z } from "zod";

import { positiveIntParam, searchParam, searchParser } from "../../lib/search-params";
import { catalogStrings } from "./strings";

/** Items per page of the catalogue table. */
export const CATALOG_PAGE_SIZE = 20;

/** Which items the table lists: in service (the default), retired, or both. */
export const CATALOG_STATUSES = ["active", "retired", "all"] as const;
type TCatalogStatus = (typeof CATALOG_STATUSES)[number];

/** The catalogue's state in the URL: `?q=&dept=&status=&page=`. */
export interface TCatalogSearch {
  q?: string;
  dept?: number;
  status?: TCatalogStatus;
  page?: number;
}

/** Whatever is in the URL, the page gets a valid state (bad values are dropped, not fatal). */
export const parseCatalogSearch: (search: Record<string, unknown>) => TCatalogSearch = searchParser(
  z.object({
    q: searchParam.search(z.string().transform((q) => q.trim().slice(0, 50))),
    dept: positiveIntParam(),
    status: searchParam.oneOf(CATALOG_STATUSES),
    page: positiveIntParam(),
  }),
);

/** The search form: a keyword, a department ("" = every department) and which items. */
export const ZItemSearchForm = z.object({
  search: z.string().trim().max(50, { error: catalogStrings.searchTooLong }),
  departmentId: z.string(),
  status: z.enum(CATALOG_STATUSES),
});
export type TItemSearchForm = z.infer<typeof ZItemSearchForm>;
