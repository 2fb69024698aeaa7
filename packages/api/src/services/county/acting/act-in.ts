import { setSessionActingHall, type User } from "@hcp/db";

import type { TContext } from "../../../context-types";
import { actorOf, audit } from "../../audit";
import { hallInScope, requireCountyScope } from "../scope";

/**
 * 切换大厅: the hall of the county this session works in from now on; every per-hall screen then
 * serves it (findSessionUser reads it back). Only a county user may choose, and only a hall of
 * their county; the switch is on the 审计日志 with the hall left and the hall entered.
 */
export async function actInHall(
  ctx: TContext & { user: User; sessionId: string },
  hallId: number,
): Promise<{ hallId: number }> {
  const scope = await requireCountyScope(ctx);
  const hall = hallInScope(scope, hallId);
  const from = ctx.user.hall_id;
  await ctx.db.transaction().execute(async (trx) => {
    await setSessionActingHall(trx, ctx.sessionId, hall.id);
    await audit(trx, actorOf(ctx), {
      action: "county.actIn",
      entity: "hall",
      entityId: hall.id,
      before: { hallId: from },
      after: { hallId: hall.id },
    });
  });
  return { hallId: hall.id };
}
