import { z } from "zod";

import { strings } from "../../lib/strings";

/** Items per page of the catalogue table. */
export const CATALOG_PAGE_SIZE = 20;

/** The catalogue's state in the URL: `?q=&dept=&page=`. */
export interface TCatalogSearch {
  q?: string;
  dept?: number;
  page?: number;
}

function positiveInt(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Whatever is in the URL, the page gets a valid state (bad values are dropped, not fatal). */
export function parseCatalogSearch(search: Record<string, unknown>): TCatalogSearch {
  // A hand-typed ?q=123 arrives as a number (the router JSON-parses values); it is still a keyword.
  const raw = typeof search.q === "string" || typeof search.q === "number" ? String(search.q) : "";
  const q = raw.trim().slice(0, 50);
  return {
    q: q === "" ? undefined : q,
    dept: positiveInt(search.dept),
    page: positiveInt(search.page),
  };
}

/** The search form: a keyword and a department ("" = every department). */
export const ZItemSearchForm = z.object({
  search: z.string().trim().max(50, { error: strings.catalog.searchTooLong }),
  departmentId: z.string(),
});
export type TItemSearchForm = z.infer<typeof ZItemSearchForm>;
