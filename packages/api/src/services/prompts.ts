import {
  closePrompt,
  findPrompt,
  listLapsedPrompts,
  SESSION_IDLE_MS,
  timeOutPrompts,
  withdrawPrompts,
  type Db,
  type TPromptView,
  type TWithdrawnPrompt,
} from "@hcp/db";

import type { TPromptEvent, WindowBus } from "../bus";
import type { TContext, TDevice } from "../context-types";
import { appError } from "../errors";
import { audit, systemActor, type TAuditActor } from "./audit";

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
  actor: TAuditActor,
  which: Parameters<typeof withdrawPrompts>[1],
  reason: TWithdrawReason,
): Promise<TWithdrawnPrompt[]> {
  const withdrawn = await withdrawPrompts(trx, which, actor.now);
  for (const prompt of withdrawn) {
    await audit(trx, actor, {
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
  for (const prompt of withdrawn)
    ctx.bus.publish(prompt.windowId, { type: "promptClosed", promptId: prompt.id, status: "withdrawn" });
}

/**
 * How long past its hall's timeout an unanswered prompt waits for an evaluator that was offline:
 * one that reconnects within it still shows the case (and times it out itself).
 */
const PROMPT_SWEEP_GRACE_MS = 2 * 60_000;

/**
 * The server's sweep (every half minute): a prompt whose staff member's every console session
 * has ended (idle limit, absolute end) is withdrawn like one of 退出登录, and one nobody answered
 * within its timeout and the grace is timed out — so no evaluator coming back online later shows
 * an old case to the next citizen. Each with its audit record, in one transaction.
 */
export async function sweepLapsedPrompts(deps: {
  db: Db;
  bus: WindowBus;
  now: Date;
}): Promise<{ withdrawn: number; timedOut: number }> {
  const lapsed = await listLapsedPrompts(deps.db, deps.now, {
    idleMs: SESSION_IDLE_MS,
    graceMs: PROMPT_SWEEP_GRACE_MS,
  });
  if (lapsed.sessionEnded.length === 0 && lapsed.timedOut.length === 0) return { withdrawn: 0, timedOut: 0 };
  const system = systemActor(deps.now);
  const closed = await deps.db.transaction().execute(async (trx) => {
    const withdrawn = await withdrawInTransaction(trx, system, { promptIds: lapsed.sessionEnded }, "sessionEnded");
    const timedOut = await timeOutPrompts(trx, lapsed.timedOut, deps.now);
    for (const prompt of timedOut) {
      await audit(trx, system, {
        action: "rating.promptTimedOut",
        entity: "case",
        entityId: prompt.caseId,
        detail: { promptId: prompt.id, reason: "unanswered" },
      });
    }
    return { withdrawn, timedOut };
  });
  announceWithdrawn(deps, closed.withdrawn);
  for (const prompt of closed.timedOut)
    deps.bus.publish(prompt.windowId, { type: "promptClosed", promptId: prompt.id, status: "timed_out" });
  return { withdrawn: closed.withdrawn.length, timedOut: closed.timedOut.length };
}

/**
 * The citizen walked away from the evaluator: the prompt of its window ends unrated, and the
 * closed prompt and its "timed out" record commit together, never one without the other.
 */
export async function timeOutAtWindow(
  ctx: TContext,
  device: TDevice & { windowId: number },
  promptId: number,
): Promise<{ closed: boolean }> {
  const prompt = await findPrompt(ctx.db, promptId);
  if (prompt?.window_id !== device.windowId || !prompt) throw appError("PROMPT_NOT_FOUND", "NOT_FOUND");
  const now = ctx.now();
  const closed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await closePrompt(trx, prompt.id, "timed_out", now))) return false;
    await audit(trx, systemActor(now), {
      action: "rating.promptTimedOut",
      entity: "case",
      entityId: prompt.case_id,
      detail: { promptId: prompt.id, device: device.deviceCode },
    });
    return true;
  });
  if (closed) ctx.bus.publish(device.windowId, { type: "promptClosed", promptId: prompt.id, status: "timed_out" });
  return { closed };
}
