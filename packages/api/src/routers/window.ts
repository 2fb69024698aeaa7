import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { findStaffWindowId, findWindow, findWindowStaff, listWindowsWithStaff, signInAtWindow, signOutOfWindow } from "@hcp/db";
import { ZWindowSignIn } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { announceWithdrawn, withdrawInTransaction } from "../services/prompts";
import { ZWindowView } from "../schemas";
import { authedProcedure, staffProcedure } from "../trpc";
import { actorOf, audit } from "../services/audit";

/** Every evaluator whose window changed occupant re-shows its 亮牌 card. */
async function announceStaff(ctx: TContext, windowIds: readonly number[]): Promise<void> {
  for (const windowId of windowIds) {
    ctx.bus.publish(windowId, { type: "staff", staff: await findWindowStaff(ctx.db, windowId) });
  }
}

export const windowRouter = {
  list: authedProcedure.output(z.array(ZWindowView)).query(({ ctx }) => listWindowsWithStaff(ctx.db, ctx.user.hall_id)),

  /** The window the signed-in staff member is at, or null. */
  mine: staffProcedure
    .output(z.object({ windowId: z.number().nullable() }))
    .query(async ({ ctx }) => ({ windowId: await findStaffWindowId(ctx.db, ctx.staffId) })),

  signIn: staffProcedure
    .input(ZWindowSignIn)
    .output(z.object({ windowId: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const window = await findWindow(ctx.db, input.windowId);
      if (!window?.active || window.hall_id !== ctx.user.hall_id) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
      const now = ctx.now();
      // Every staff session this ends (theirs elsewhere, the window's previous occupant's) takes its
      // open prompts with it, in the same commit: the evaluator never offers them to the next citizen.
      const { changed, withdrawn } = await ctx.db.transaction().execute(async (trx) => {
        const windows = await signInAtWindow(trx, { windowId: window.id, staffId: ctx.staffId, now });
        const closed = await withdrawInTransaction(trx, actorOf(ctx), { windowIds: windows }, "signIn");
        await audit(trx, actorOf(ctx, now), { action: "window.signIn", entity: "window", entityId: window.id });
        return { changed: windows, withdrawn: closed };
      });
      announceWithdrawn(ctx, withdrawn);
      await announceStaff(ctx, changed);
      return { windowId: window.id };
    }),

  signOut: staffProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    const now = ctx.now();
    // 离岗 ends the staff session: its open prompts are withdrawn with it, never left for the next citizen.
    const { left, withdrawn } = await ctx.db.transaction().execute(async (trx) => {
      const windowId = await signOutOfWindow(trx, ctx.staffId, now);
      if (windowId === null) return { left: null, withdrawn: [] };
      const closed = await withdrawInTransaction(trx, actorOf(ctx), { windowIds: [windowId] }, "signOut");
      await audit(trx, actorOf(ctx, now), { action: "window.signOut", entity: "window", entityId: windowId });
      return { left: windowId, withdrawn: closed };
    });
    announceWithdrawn(ctx, withdrawn);
    if (left !== null) await announceStaff(ctx, [left]);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
