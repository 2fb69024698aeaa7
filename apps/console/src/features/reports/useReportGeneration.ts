import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import type { TReportVersionRow } from "./report-types";

/** How often a version being generated is asked for its progress. */
const POLL_MS = 1000;

export interface TReportGeneration {
  regenerate: () => void;
  pending: boolean;
  error: string | null;
  /** the version being built (or just finished), with its status and progress */
  tracked: Pick<TReportVersionRow, "version" | "status" | "progress" | "error"> | null;
}

/**
 * 重新生成 and its progress: the mutation starts a version and returns at once; `report.version`
 * is then polled (TanStack Query's refetchInterval) until it is ready or failed. A version already
 * being built when the page opens (the scheduler's, another manager's) is followed the same way.
 */
export function useReportGeneration(
  month: string,
  versions: readonly TReportVersionRow[] | undefined,
  onReady: () => void,
): TReportGeneration {
  const queryClient = useQueryClient();
  const [startedId, setStartedId] = useState<number | null>(null);
  const trackedId = startedId ?? versions?.find((row) => row.status === "generating")?.id ?? null;

  const progress = useQuery(
    trpc.report.version.queryOptions(
      { id: trackedId ?? 0 },
      {
        enabled: trackedId !== null,
        refetchInterval: (query) =>
          query.state.data?.status === "ready" || query.state.data?.status === "failed" ? false : POLL_MS,
      },
    ),
  );
  const status = trackedId !== null && progress.data?.id === trackedId ? progress.data.status : null;

  useEffect(() => {
    if (status !== "ready" && status !== "failed") return;
    void queryClient.invalidateQueries(trpc.report.versions.queryFilter({ month }));
    if (status === "ready") {
      void queryClient.invalidateQueries(trpc.report.monthly.queryFilter({ month }));
      onReady();
    }
    // onReady is the page's navigation; only a change of status should fire it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, month, queryClient]);

  const mutation = useMutation(
    trpc.report.regenerate.mutationOptions({
      onSuccess: (started) => {
        setStartedId(started.id);
        void queryClient.invalidateQueries(trpc.report.versions.queryFilter({ month }));
      },
    }),
  );

  const data = trackedId !== null && progress.data?.id === trackedId ? progress.data : null;
  return {
    regenerate: () => mutation.mutate({ month }),
    pending: mutation.isPending,
    error: mutation.isError ? errorMessage(mutation.error) : progress.isError ? errorMessage(progress.error) : null,
    tracked: data ? { version: data.version, status: data.status, progress: data.progress, error: data.error } : null,
  };
}
