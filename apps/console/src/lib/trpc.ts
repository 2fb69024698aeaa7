import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

import type { AppRouter } from "@hcp/api";
import { TRPC_BATCH_MAX } from "@hcp/domain";

import { queryClient } from "./query-client";

/**
 * Same-origin calls: the session or device cookie travels with every request, including the SSE
 * stream (EventSource cannot send headers).
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc" }),
      false: httpBatchLink({ url: "/trpc", maxItems: TRPC_BATCH_MAX }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
