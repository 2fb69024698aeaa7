import type { QueryClient } from "@tanstack/react-query";

import { mayCall, type TRole } from "@hcp/domain";

import { trpc } from "../../lib/trpc";

/**
 * Whether the user's hall still lacks something before it can take ratings, for a user who may ask
 * (administrators, hall managers); the answer stays in the query cache for the navigation. A read
 * that fails counts as nothing pending: signing in never waits on the checklist.
 */
export async function setupPending(
  queryClient: QueryClient,
  user: { role: TRole; mustChangePassword: boolean },
): Promise<boolean> {
  if (user.mustChangePassword || !mayCall(user.role, "setup.status")) return false;
  try {
    return !(await queryClient.fetchQuery(trpc.setup.status.queryOptions())).ready;
  } catch {
    return false;
  }
}
