import { appError } from "../errors";
import { clientHall } from "../services/api-client-gate";
import { publicProcedure } from "../trpc";

/** Who a business-system call acts for: the hall its codes resolve in and who is recorded. */
export interface TIntegrationCaller {
  hallId: number;
  /** null for an API client: no user acted, `actorRole` names the client (api_client:<id>) */
  actorUserId: number | null;
  actorRole: string;
}

/**
 * The one gate of the business-system procedures (/integration/*): an API client's key — its
 * scope already checked against the access rule (api_client:cases:…), the hall one it was
 * granted (X-Hall-Id when it has several) — or a session of a role the access rule admits.
 * The procedures read only `ctx.integration`.
 */
export const integrationProcedure = publicProcedure.use(async ({ ctx, next }) => {
  // Without a key nothing is looked up here; the session was read by publicProcedure.
  const client = await ctx.credentials.apiClient();
  if (client) {
    const integration: TIntegrationCaller = {
      hallId: clientHall(client, ctx.request.hallId),
      actorUserId: null,
      actorRole: `api_client:${String(client.id)}`,
    };
    return next({ ctx: { integration } });
  }
  if (!ctx.user || !ctx.sessionId) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  const integration: TIntegrationCaller = {
    hallId: ctx.user.hall_id,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.role,
  };
  return next({ ctx: { integration } });
});
