import type { TRole } from "@hcp/domain";

import { appError } from "../errors";
import { authedProcedure } from "../trpc";

/** Who a business-system call acts for: the hall its codes resolve in and who is recorded. */
export interface TIntegrationCaller {
  hallId: number;
  actorUserId: number;
  actorRole: string;
}

const INTEGRATION_ROLES: readonly TRole[] = ["admin", "hall_manager"];

/**
 * The one gate of the business-system procedures (/integration/*). For now a hall administrator's
 * or manager's session; API-client keys with scopes replace this middleware, not the procedures,
 * which read only `ctx.integration`.
 */
export const integrationProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!INTEGRATION_ROLES.includes(ctx.user.role as TRole)) throw appError("FORBIDDEN", "FORBIDDEN");
  const integration: TIntegrationCaller = { hallId: ctx.user.hall_id, actorUserId: ctx.user.id, actorRole: ctx.user.role };
  return next({ ctx: { integration } });
});
