import type { ReactNode } from "react";

import { ErrorNotice, Loading } from "./StatusMessages";

export interface TQueryLike<TData> {
  data: TData | undefined;
  error: unknown;
  isError: boolean;
  refetch: () => unknown;
}

/**
 * Loading, failure and data for one query, so no screen is ever left blank. Data already shown
 * stays on screen when a later refresh fails; the failure is shown above it.
 */
export function QueryView<TData>({
  query,
  children,
}: {
  query: TQueryLike<TData>;
  children: (data: TData) => ReactNode;
}) {
  const retry = () => void query.refetch();
  if (query.data !== undefined) {
    return (
      <>
        {query.isError ? <ErrorNotice error={query.error} onRetry={retry} /> : null}
        {children(query.data)}
      </>
    );
  }
  if (query.isError) return <ErrorNotice error={query.error} onRetry={retry} />;
  return <Loading />;
}
