import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { findStaffWindowId, listWindowsWithStaff } from "@hcp/db";
import { ZWindowSignIn } from "@hcp/domain";

import { ZWindowView } from "../schemas";
import { signInAtHallWindow, signOutOfHallWindow } from "../services/window-presence";
import { authedProcedure, staffProcedure } from "../trpc";

export const windowRouter = {
  list: authedProcedure.output(z.array(ZWindowView)).query(({ ctx }) => listWindowsWithStaff(ctx.db, ctx.user.hall_id)),

  /** The window the signed-in staff member is at, or null. */
  mine: staffProcedure
    .output(z.object({ windowId: z.number().nullable() }))
    .query(async ({ ctx }) => ({ windowId: await findStaffWindowId(ctx.db, ctx.staffId) })),

  signIn: staffProcedure
    .input(ZWindowSignIn)
    .output(z.object({ windowId: z.number() }))
    .mutation(({ ctx, input }) => signInAtHallWindow(ctx, input.windowId)),

  signOut: staffProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOutOfHallWindow(ctx);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
