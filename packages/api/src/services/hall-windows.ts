import { findStaffWindowId, listWindowsWithStaff } from "@hcp/db";

import type { TContext } from "../context-types";
import type { TUserContext } from "./overview";

/** The hall's windows with whoever is signed in at each. */
export function hallWindows(ctx: TUserContext) {
  return listWindowsWithStaff(ctx.db, ctx.user.hall_id);
}

/** The window the signed-in staff member is at, or null. */
export async function staffWindow(ctx: TContext & { staffId: number }): Promise<{ windowId: number | null }> {
  return { windowId: await findStaffWindowId(ctx.db, ctx.staffId) };
}
