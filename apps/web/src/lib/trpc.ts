import { createTRPCClient, httpLink } from "@trpc/client";

import type { AppRouter } from "@hcp/api";

/**
 * Same-origin queries and mutations: the session or device cookie travels with every request.
 * The evaluator's event stream has its own client (features/kiosk/kiosk-feed.ts), so the online
 * page never loads the stream's code.
 */
export const trpcClient = createTRPCClient<AppRouter>({ links: [httpLink({ url: "/trpc" })] });
