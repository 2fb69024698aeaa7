import { useQueryClient } from "@tanstack/react-query";
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
 * Listens to the hall's feed and re-reads the overview's figures after each rating (debounced).
 * `ready` opens every (re)connection, so figures missed while offline are re-read too. Returns
 * when the figures were last refreshed by the feed.
 */
export function useLiveOverview(): Date | null {
  const queryClient = useQueryClient();
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const connected = useRef(false);
  const invalidation = useMemo(() => debouncedInvalidation(queryClient, liveQueryKeys()), [queryClient]);
  useEffect(() => () => invalidation.cancel(), [invalidation]);
  useSubscription(
    trpc.overview.events.subscriptionOptions(undefined, {
      onData: (event) => {
        // The first `ready` of a page's life: its queries were just fetched.
        if (event.data.type === "ready" && !connected.current) {
          connected.current = true;
          return;
        }
        invalidation.notify();
        setRefreshedAt(new Date());
      },
    }),
  );
  return refreshedAt;
}
