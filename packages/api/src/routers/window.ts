import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZWindowSignIn } from "@hcp/domain";

import { ZWindowView } from "../schemas";
import { hallWindows, staffWindow } from "../services/hall-windows";
import { signInAtHallWindow, signOutOfHallWindow } from "../services/window-presence";
import { authedProcedure, staffProcedure } from "../trpc";

export const windowRouter = {
  list: authedProcedure.output(z.array(ZWindowView)).query(({ ctx }) => hallWindows(ctx)),

  /** The window the signed-in staff member is at, or null. */
  mine: staffProcedure.output(z.object({ windowId: z.number().nullable() })).query(({ ctx }) => staffWindow(ctx)),

  signIn: staffProcedure
    .input(ZWindowSignIn)
    .output(z.object({ windowId: z.number() }))
    .mutation(({ ctx, input }) => signInAtHallWindow(ctx, input)),

  signOut: staffProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOutOfHallWindow(ctx);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
