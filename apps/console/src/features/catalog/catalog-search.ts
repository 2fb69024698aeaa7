import { z } from "zod";

import { positiveIntParam, searchParam, searchParser } from "../../lib/search-params";
import { catalogStrings } from "./strings";

/** Items per page of the catalogue table. */
export const CATALOG_PAGE_SIZE = 20;

/** The catalogue's state in the URL: `?q=&dept=&page=`. */
export interface TCatalogSearch {
  q?: string;
  dept?: number;
  page?: number;
}

/** Whatever is in the URL, the page gets a valid state (bad values are dropped, not fatal). */
export const parseCatalogSearch: (search: Record<string, unknown>) => TCatalogSearch = searchParser(
  z.object({
    q: searchParam.search(z.string().transform((q) => q.trim().slice(0, 50))),
    dept: positiveIntParam(),
    page: positiveIntParam(),
  }),
);

/** The search form: a keyword and a department ("" = every department). */
export const ZItemSearchForm = z.object({
  search: z.string().trim().max(50, { error: catalogStrings.searchTooLong }),
  departmentId: z.string(),
});
export type TItemSearchForm = z.infer<typeof ZItemSearchForm>;
