import { useQuery } from "@tanstack/react-query";

import { trpc } from "./trpc";

/** A new month with data appears at most once a month: no need to ask again on every screen. */
const STALE_MS = 10 * 60_000;

/**
 * The months (yyyy-mm, newest first) the hall has cases or ratings in, for the periods a screen
 * offers; undefined while loading, and none when it cannot be read (the screen still offers today,
 * this month and this year).
 */
export function useDataMonths(): readonly string[] | undefined {
  const query = useQuery(trpc.overview.dataMonths.queryOptions(undefined, { staleTime: STALE_MS }));
  return query.isError ? [] : query.data?.months;
}
