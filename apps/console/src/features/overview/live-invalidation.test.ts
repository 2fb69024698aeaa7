import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { debouncedInvalidation } from "./live-invalidation";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function clientWithQueries() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(
    [["overview", "period"], { input: { from: "2023-05-01", to: "2023-05-31" }, type: "query" }],
    { cases: 1 },
  );
  queryClient.setQueryData([["workOrder", "metrics"], { input: { by: "hall" }, type: "query" }], { open: 1 });
  queryClient.setQueryData([["catalog", "departments"], { type: "query" }], []);
  return queryClient;
}

function invalidated(queryClient: QueryClient): string[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => (query.queryKey[0] as string[]).join("."));
}

test("a burst of ratings invalidates the overview's queries once, after the burst", () => {
  const queryClient = clientWithQueries();
  const spy = vi.spyOn(queryClient, "invalidateQueries");
  const live = debouncedInvalidation(queryClient, [[["overview"]], [["workOrder", "metrics"]]], 1_000);

  live.notify();
  vi.advanceTimersByTime(600);
  live.notify();
  live.notify();
  vi.advanceTimersByTime(999);
  expect(spy).not.toHaveBeenCalled();

  vi.advanceTimersByTime(1);
  expect(spy).toHaveBeenCalledTimes(2);
  expect(invalidated(queryClient).sort()).toEqual(["overview.period", "workOrder.metrics"]);
});

test("queries a rating cannot change are left alone, and a cancelled wait invalidates nothing", () => {
  const queryClient = clientWithQueries();
  const live = debouncedInvalidation(queryClient, [[["overview"]]], 1_000);

  live.notify();
  vi.advanceTimersByTime(1_000);
  expect(invalidated(queryClient)).toEqual(["overview.period"]);

  const other = clientWithQueries();
  const cancelled = debouncedInvalidation(other, [[["overview"]]], 1_000);
  cancelled.notify();
  cancelled.cancel();
  vi.advanceTimersByTime(5_000);
  expect(invalidated(other)).toEqual([]);
});
