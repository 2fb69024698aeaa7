import { QueryClient } from "@tanstack/react-query";

import { isClientError } from "./errors";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // One retry for network hiccups; a refusal (4xx) would only be refused again.
      retry: (failureCount, error) => failureCount < 1 && !isClientError(error),
      refetchOnWindowFocus: false,
    },
  },
});
