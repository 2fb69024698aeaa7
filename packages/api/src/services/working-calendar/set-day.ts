import { listCalendarExceptions, saveCalendarDay } from "@hcp/db";
import { dayKind, type TCalendarDaySet } from "@hcp/domain";

import { actorOf, audit } from "../audit";
import type { TUserContext } from "../overview";

/** Marks a date as holiday or make-up working day, or back to the Monday–Friday rule, with its audit record. */
export async function setCalendarDay(ctx: TUserContext, input: TCalendarDaySet) {
  const after = input.kind === "regular" ? null : { kind: input.kind, name: input.name };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await saveCalendarDay(trx, input.date, after);
    await audit(trx, actorOf(ctx), {
      action: "calendar.setDay",
      entity: "calendar_day",
      entityId: input.date,
      before,
      after,
    });
  });
  const exceptions = await listCalendarExceptions(ctx.db, input.date, input.date);
  return { date: input.date, kind: dayKind(input.date, new Map(exceptions.map((day) => [day.date, day]))) };
}
