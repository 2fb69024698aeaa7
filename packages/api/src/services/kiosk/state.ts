import { z } from "zod";

import { findHallById, findWindow, findWindowStaff, listPendingPrompts } from "@hcp/db";
import { RATING_RULE_LIMITS } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { ZPromptView, ZWindowStaffView } from "../../schemas";
import { kioskOpening } from "../hall/opening";
import { toPromptEvent } from "../prompts";

export const ZKioskState = z.object({
  device: z.object({ deviceCode: z.string() }),
  settings: z.object({ promptTimeoutSeconds: z.number() }),
  window: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  staff: ZWindowStaffView.nullable(),
  pending: z.array(ZPromptView),
  /** the hall's opening hours: outside them an unstaffed evaluator says 非办公时间 */
  opening: z.object({
    intervals: z.array(z.tuple([z.number(), z.number()])),
    until: z.number(),
    text: z.string(),
  }),
});
export type TKioskState = z.infer<typeof ZKioskState>;

/** What the evaluator shows: its window, who is signed in there, and the open prompts. */
export async function kioskState(
  ctx: TContext,
  device: { windowId: number; deviceCode: string },
): Promise<TKioskState> {
  const [window, staff, pending] = await Promise.all([
    findWindow(ctx.db, device.windowId),
    findWindowStaff(ctx.db, device.windowId),
    listPendingPrompts(ctx.db, device.windowId),
  ]);
  if (!window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
  const hall = await findHallById(ctx.db, window.hall_id);
  return {
    device: { deviceCode: device.deviceCode },
    settings: {
      promptTimeoutSeconds: hall?.prompt_timeout_seconds ?? RATING_RULE_LIMITS.promptTimeoutSeconds.fallback,
    },
    window: { id: window.id, code: window.code, name: window.name },
    staff,
    pending: pending.map(toPromptEvent),
    opening: await kioskOpening(ctx.db, { id: window.hall_id, opening_hours: hall?.opening_hours ?? "" }, ctx.now()),
  };
}
