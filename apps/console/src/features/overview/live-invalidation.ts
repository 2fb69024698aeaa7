import type { QueryClient, QueryKey } from "@tanstack/react-query";

/** Ratings arrive in bursts at a busy hall: one re-read per quiet second is enough. */
const LIVE_DEBOUNCE_MS = 1_000;

/**
 * Invalidates the given queries once events have stopped arriving for `delayMs`; a burst of
 * ratings costs one round of re-reads, and only the queries on screen are refetched.
 */
export function debouncedInvalidation(
  queryClient: QueryClient,
  queryKeys: readonly QueryKey[],
  delayMs = LIVE_DEBOUNCE_MS,
) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    notify(): void {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
      }, delayMs);
    },
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
