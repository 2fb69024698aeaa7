import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZPasswordChange, ZPasswordLinkToken, ZPasswordLinkUse, ZSignIn } from "@hcp/domain";

import { ZSessionUser } from "../schemas";
import { passwordLinkAccount, setPasswordByLink } from "../services/accounts/password-link";
import { changePassword, signIn, signOut, signOutEverywhere, toSessionUser } from "../services/auth";
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

  /** 退出所有设备: ends every session of the signed-in user, on every device, this one included. */
  signOutEverywhere: authedProcedure
    .output(z.object({ ended: z.number() }))
    .mutation(async ({ ctx }) => ({ ended: await signOutEverywhere(ctx) })),

  /** 修改密码: other sessions end; this one stays. */
  changePassword: authedProcedure
    .input(ZPasswordChange)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx, input);
      return { ok: true as const };
    }),

  /** 设置密码链接: whose account the link opens, while it is valid (PASSWORD_LINK_INVALID otherwise). */
  passwordLink: publicProcedure
    .input(ZPasswordLinkToken)
    .output(z.object({ username: z.string(), displayName: z.string(), expiresAt: z.string() }))
    .query(({ ctx, input }) => passwordLinkAccount(ctx, input.token)),

  /** The owner's own password through the link, which it uses up; signs them in. */
  setPasswordByLink: publicProcedure
    .input(ZPasswordLinkUse)
    .output(ZSessionUser)
    .mutation(({ ctx, input }) => setPasswordByLink(ctx, input)),

  /** null when nobody is signed in: the console shows its sign-in page instead of an error */
  me: publicProcedure
    .output(ZSessionUser.nullable())
    .query(({ ctx }) => (ctx.user ? toSessionUser(ctx.db, ctx.user) : null)),
} satisfies TRPCRouterRecord;
