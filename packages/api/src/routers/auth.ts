import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZSignIn } from "@hcp/domain";

import { ZSessionUser } from "../schemas";
import { signIn, signOut, toSessionUser } from "../services/auth";
import { authedProcedure, publicProcedure } from "../trpc";

export const authRouter = {
  signIn: publicProcedure
    .input(ZSignIn)
    .output(ZSessionUser)
    .mutation(({ ctx, input }) => signIn(ctx, input)),

  signOut: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOut(ctx);
    return { ok: true as const };
  }),

  /** null when nobody is signed in: the console shows its sign-in page instead of an error */
  me: publicProcedure.output(ZSessionUser.nullable()).query(({ ctx }) => (ctx.user ? toSessionUser(ctx.user) : null)),
} satisfies TRPCRouterRecord;
