import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useMemo, useRef, useState } from "react";

import { trpc } from "../../lib/trpc";
import { debouncedInvalidation } from "./live-invalidation";

/** Everything on the overview a new rating can change. */
function liveQueryKeys() {
  return [
    trpc.overview.pathKey(),
    trpc.workOrder.metrics.pathKey(),
    trpc.performance.trend.pathKey(),
    trpc.performance.windows.pathKey(),
  ];
}

/**
 * Re-reads the given queries after each event of a live feed (debounced). `ready` opens every
 * (re)connection, so figures missed while offline are re-read too. Gives the feed's `onData` and
 * when the figures were last refreshed by it.
 */
export function useLiveInvalidation(queryKeys: () => QueryKey[]): {
  onData: (event: { data: { type: string } }) => void;
  refreshedAt: Date | null;
} {
  const queryClient = useQueryClient();
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const connected = useRef(false);
  // The keys are read once: a page's live queries do not change while it is open.
  const [keys] = useState(queryKeys);
  const invalidation = useMemo(() => debouncedInvalidation(queryClient, keys), [queryClient, keys]);
  useEffect(() => () => invalidation.cancel(), [invalidation]);
  return {
    onData: (event) => {
      // The first `ready` of a page's life: its queries were just fetched.
      if (event.data.type === "ready" && !connected.current) {
        connected.current = true;
        return;
      }
      invalidation.notify();
      setRefreshedAt(new Date());
    },
    refreshedAt,
  };
}

/** Listens to the hall's feed and re-reads the overview's figures after each rating. */
export function useLiveOverview(): Date | null {
  const live = useLiveInvalidation(liveQueryKeys);
  useSubscription(trpc.overview.events.subscriptionOptions(undefined, { onData: live.onData }));
  return live.refreshedAt;
}
