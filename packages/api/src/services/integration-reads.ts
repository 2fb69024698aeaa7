import type { TPeriod } from "@hcp/domain";

import type { TApiClient, TContext } from "../context-types";
import { clientHall } from "./api-client-gate";
import type { TUserContext } from "./overview";
import { windowRanking } from "./performance/ranking";
import { monthlyReport } from "./report/archive";

/**
 * The services read figures as a signed-in reader of a hall. A business system reads as the
 * hall-wide, read-only reader (督查): the whole hall, never a department's slice, nothing it may
 * change. The id 0 matches no user; the reads never record who read.
 */
function hallReader(ctx: TContext, client: TApiClient, hallId: number): TUserContext {
  return {
    ...ctx,
    user: {
      id: 0,
      username: `api-client-${String(client.id)}`,
      password_hash: "",
      display_name: client.name,
      role: "auditor",
      hall_id: hallId,
      department_id: null,
      staff_id: null,
      active: true,
      created_at: new Date(0),
      must_change_password: false,
      last_sign_in_at: null,
      scope: "hall",
    },
  };
}

/** GET /integration/performance/windows: the window ranking of a granted hall for a period. */
export function integrationWindowRanking(
  ctx: TContext,
  client: TApiClient,
  input: TPeriod & { hallId?: number | undefined },
) {
  const hallId = clientHall(client, input.hallId ?? ctx.request.hallId);
  return windowRanking(hallReader(ctx, client, hallId), { from: input.from, to: input.to });
}

/** GET /integration/reports/monthly: the hall's monthly report, archived or built live for a closed month. */
export function integrationMonthlyReport(
  ctx: TContext,
  client: TApiClient,
  input: { hallId?: number | undefined; month: string },
) {
  const hallId = clientHall(client, input.hallId ?? ctx.request.hallId);
  return monthlyReport(ctx, hallId, input.month);
}
