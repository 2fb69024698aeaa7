import { findHallById, findHallSettings, listHallWindowIds, lockHall, updateHallSettings } from "@hcp/db";
import { openingHoursOf, openingHoursText, type THallSettings, type TOpeningHours } from "@hcp/domain";

import { appError } from "../../errors";
import { actorOf, audit } from "../audit";
import type { TUserContext } from "../overview";
import { kioskOpening } from "./opening";

/** 大厅设置 as the console shows it. */
export interface THallSettingsView {
  name: string;
  regionCode: string;
  address: string;
  openingHours: TOpeningHours;
  /** the hours in one line, as the evaluator shows them */
  openingHoursText: string;
  /** ISO time the logo was last set; null: none */
  logoUpdatedAt: string | null;
}

export async function hallSettings(ctx: TUserContext): Promise<THallSettingsView> {
  const row = await findHallSettings(ctx.db, ctx.user.hall_id);
  if (!row) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  const openingHours = openingHoursOf(row.openingHours);
  return {
    name: row.name,
    regionCode: row.regionCode,
    address: row.address,
    openingHours,
    openingHoursText: openingHoursText(openingHours),
    logoUpdatedAt: row.logoUpdatedAt?.toISOString() ?? null,
  };
}

/**
 * Saves the hall's name, 行政区划代码, address and opening hours, with the fields that changed
 * before and after in the audit trail, in one transaction; then tells the hall's evaluators their
 * new hours. A new area code applies to case numbers and provincial records from now on.
 */
export async function saveHallSettings(ctx: TUserContext, input: THallSettings): Promise<THallSettingsView> {
  const hallId = ctx.user.hall_id;
  const changed = await ctx.db.transaction().execute(async (trx) => {
    await lockHall(trx, hallId);
    const row = await findHallSettings(trx, hallId);
    if (!row) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
    const before: Record<string, unknown> = {
      name: row.name,
      regionCode: row.regionCode,
      address: row.address,
      openingHours: openingHoursOf(row.openingHours),
    };
    const after: Record<string, unknown> = { ...input };
    const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (keys.length === 0) return false;
    await updateHallSettings(trx, hallId, {
      name: input.name,
      region_code: input.regionCode,
      address: input.address,
      opening_hours: JSON.stringify(input.openingHours),
    });
    await audit(trx, actorOf(ctx), {
      action: "hall.updateSettings",
      entity: "hall",
      entityId: hallId,
      before: Object.fromEntries(keys.map((key) => [key, before[key]])),
      after: Object.fromEntries(keys.map((key) => [key, after[key]])),
    });
    return keys.includes("openingHours");
  });
  if (changed) await tellEvaluators(ctx, hallId);
  return hallSettings(ctx);
}

/** Every connected evaluator of the hall hears its new hours (a reconnecting one reads them in its snapshot). */
async function tellEvaluators(ctx: TUserContext, hallId: number): Promise<void> {
  const hall = await findHallById(ctx.db, hallId);
  if (!hall) return;
  const [opening, windowIds] = await Promise.all([
    kioskOpening(ctx.db, hall, ctx.now()),
    listHallWindowIds(ctx.db, hallId),
  ]);
  for (const windowId of windowIds) ctx.bus.publish(windowId, { type: "opening", opening });
}
