import { withdrawPrompts } from "@hcp/db";
import type { Db, TPromptView, TWithdrawnPrompt } from "@hcp/db";

import type { TPromptEvent } from "../bus";
import type { TContext } from "../context";
import { audit } from "./audit";

export function toPromptEvent(view: TPromptView): TPromptEvent {
  return { ...view, createdAt: view.createdAt.toISOString() };
}

/** Why open prompts were withdrawn: the audit trail says which. */
export type TWithdrawReason = "signOut" | "signIn" | "sessionEnded" | "staff";

/**
 * Withdraws open prompts in the caller's transaction, with one `rating.promptWithdrawn` record
 * each: a withdrawn prompt is an event, never a rating. Announce the result after the commit.
 */
export async function withdrawInTransaction(
  trx: Db,
  ctx: Pick<TContext, "now" | "user" | "device">,
  which: Parameters<typeof withdrawPrompts>[1],
  reason: TWithdrawReason,
): Promise<TWithdrawnPrompt[]> {
  const withdrawn = await withdrawPrompts(trx, which, ctx.now());
  for (const prompt of withdrawn) {
    await audit(trx, ctx, {
      action: "rating.promptWithdrawn",
      entity: "case",
      entityId: prompt.caseId,
      detail: { promptId: prompt.id, windowId: prompt.windowId, reason },
    });
  }
  return withdrawn;
}

/** Committed: each evaluator drops what was withdrawn at its window. */
export function announceWithdrawn(ctx: Pick<TContext, "bus">, withdrawn: readonly TWithdrawnPrompt[]): void {
  for (const prompt of withdrawn) ctx.bus.publish(prompt.windowId, { type: "promptClosed", promptId: prompt.id, status: "withdrawn" });
}
