import { saveHallServiceDay } from "@hcp/db";
import type { TServiceDaySet } from "@hcp/domain";

import { actorOf, audit } from "../audit";
import type { TUserContext } from "../overview";

/** A hall's own extra service day (延时/预约/节假日服务), or its removal, with its audit record. */
export async function setServiceDay(ctx: TUserContext, input: TServiceDaySet): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await saveHallServiceDay(trx, ctx.user.hall_id, input.date, input.remove ? null : input.note);
    const after = input.remove ? null : { note: input.note };
    await audit(trx, actorOf(ctx), {
      action: "calendar.setServiceDay",
      entity: "hall_service_day",
      entityId: `${ctx.user.hall_id}:${input.date}`,
      before,
      after,
    });
  });
  return { ok: true as const };
}
