import { markPromptShown } from "@hcp/db";

import type { TContext } from "../../context-types";

/** The evaluator put a prompt on screen: the desk shows it as 评价中. */
export async function promptShown(
  ctx: TContext,
  device: { windowId: number },
  promptId: number,
): Promise<{ shown: boolean }> {
  return { shown: await markPromptShown(ctx.db, { promptId, windowId: device.windowId, now: ctx.now() }) };
}
