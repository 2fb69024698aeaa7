import {
  findHallStaffRecord,
  findHallWindowRecord,
  findWindow,
  findWindowStaff,
  listStaffWindowIds,
  signInAtWindow,
  signOutOfWindow,
  type User,
} from "@hcp/db";
import type { TSignIn } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError, retryOnDeadlock } from "../errors";
import { actorOf, audit, type TAuditActor } from "./audit";
import { verifyCredentials } from "./auth";
import { announceWithdrawn, withdrawInTransaction } from "./prompts";

type TStaffContext = TContext & { user: User; staffId: number };

/** Every evaluator whose window changed occupant re-shows its 亮牌 card. */
export async function announceStaff(ctx: TContext, windowIds: readonly number[]): Promise<void> {
  for (const windowId of windowIds) {
    ctx.bus.publish(windowId, { type: "staff", staff: await findWindowStaff(ctx.db, windowId) });
  }
}

/**
 * A window not among the staff member's own needs a manager's approval given on the spot: a hall
 * manager or administrator of the hall types their username and password on the staff member's
 * desk (under the sign-in attempt budgets). Returns who approved, or null when none was needed.
 */
async function approverFor(
  ctx: TStaffContext,
  windowId: number,
  approval: TSignIn | undefined,
): Promise<TAuditActor | null> {
  const own = await listStaffWindowIds(ctx.db, ctx.staffId);
  if (own.includes(windowId)) return null;
  if (!approval) throw appError("WINDOW_NOT_ASSIGNED", "FORBIDDEN");
  const approver = await verifyCredentials(ctx, approval);
  const isManager = approver.role === "admin" || approver.role === "hall_manager";
  if (!isManager || approver.hall_id !== ctx.user.hall_id) throw appError("SIGN_IN_APPROVER_INVALID", "FORBIDDEN");
  return { actorUserId: approver.id, actorRole: approver.role, now: ctx.now() };
}

/**
 * 亮牌: the staff member takes the window (of their hall, active), ending their session elsewhere.
 * At a window not among theirs only with a manager's approval, recorded in the same commit.
 */
export async function signInAtHallWindow(
  ctx: TStaffContext,
  input: { windowId: number; approval?: TSignIn | undefined },
): Promise<{ windowId: number }> {
  const window = await findWindow(ctx.db, input.windowId);
  if (window?.hall_id !== ctx.user.hall_id || !window) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
  if (!window.active) throw appError("WINDOW_RETIRED", "CONFLICT");
  // 离职: the record stays (ratings and work orders point at it), the desk is closed to it.
  const staff = await findHallStaffRecord(ctx.db, ctx.user.hall_id, ctx.staffId);
  if (!staff?.active) throw appError("STAFF_LEFT", "FORBIDDEN");
  const approver = await approverFor(ctx, window.id, input.approval);
  const now = ctx.now();
  // Every staff session this ends (theirs elsewhere, the window's previous occupant's) takes its
  // open prompts with it, in the same commit: the evaluator never offers them to the next citizen.
  // A 请评价 at the window holds the presence row shared while it locks its case: the two can deadlock,
  // and the loser is this whole sign-in, which runs again.
  const { changed, withdrawn } = await retryOnDeadlock(() =>
    ctx.db.transaction().execute(async (trx) => {
      // The window's row lock: retiring it waits for this sign-in (and then finds someone there), or
      // this sign-in waits for the retirement and finds the window retired.
      if (!(await findHallWindowRecord(trx, ctx.user.hall_id, window.id, { lock: true }))?.active)
        throw appError("WINDOW_RETIRED", "CONFLICT");
      const windows = await signInAtWindow(trx, { windowId: window.id, staffId: ctx.staffId, now });
      const closed = await withdrawInTransaction(trx, actorOf(ctx), { windowIds: windows }, "signIn");
      if (approver)
        await audit(
          trx,
          { ...approver, now },
          {
            action: "window.signInApproved",
            entity: "window",
            entityId: window.id,
            detail: { staffId: ctx.staffId, requestedBy: ctx.user.id },
          },
        );
      await audit(trx, actorOf(ctx, now), {
        action: "window.signIn",
        entity: "window",
        entityId: window.id,
        ...(approver ? { detail: { approverUserId: approver.actorUserId } } : {}),
      });
      return { changed: windows, withdrawn: closed };
    }),
  );
  announceWithdrawn(ctx, withdrawn);
  await announceStaff(ctx, changed);
  return { windowId: window.id };
}

/** 离岗: the staff session ends; its open prompts are withdrawn with it, never left for the next citizen. */
export async function signOutOfHallWindow(ctx: TStaffContext): Promise<void> {
  const now = ctx.now();
  const { left, withdrawn } = await ctx.db.transaction().execute(async (trx) => {
    const windowId = await signOutOfWindow(trx, ctx.staffId, now);
    if (windowId === null) return { left: null, withdrawn: [] };
    const closed = await withdrawInTransaction(trx, actorOf(ctx), { windowIds: [windowId] }, "signOut");
    await audit(trx, actorOf(ctx, now), { action: "window.signOut", entity: "window", entityId: windowId });
    return { left: windowId, withdrawn: closed };
  });
  announceWithdrawn(ctx, withdrawn);
  if (left !== null) await announceStaff(ctx, [left]);
}
