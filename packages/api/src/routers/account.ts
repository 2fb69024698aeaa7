import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ROLE_KEYS, ZAccountCreate, ZAccountRef, ZAccountReset, ZAccountUpdate } from "@hcp/domain";

import {
  accountStaffChoices,
  createAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  resetAccountPassword,
  updateAccountDetails,
} from "../services/accounts/manage";
import { authedProcedure } from "../trpc";

const ZAccountRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_KEYS),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  staffBadgeNo: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  manageable: z.boolean(),
});

const ZStaffChoice = z.object({
  id: z.number(),
  name: z.string(),
  badgeNo: z.string(),
  departmentName: z.string(),
  userId: z.number().nullable(),
});

const ZOk = z.object({ ok: z.literal(true) });

/** Exactly one of them: the one-time password, or the set-password link (its path and end). */
const ZHandedOver = z.object({
  initialPassword: z.string().nullable(),
  passwordLink: z.object({ path: z.string(), expiresAt: z.string() }).nullable(),
});

/** 账号管理: the hall's user accounts, kept by administrators and (below their role) hall managers. */
export const accountRouter = {
  list: authedProcedure.output(z.array(ZAccountRow)).query(({ ctx }) => listAccounts(ctx)),

  staffChoices: authedProcedure.output(z.array(ZStaffChoice)).query(({ ctx }) => accountStaffChoices(ctx)),

  /** The one-time password or the set-password link is in this answer only: the server keeps their hashes. */
  create: authedProcedure
    .input(ZAccountCreate)
    .output(ZHandedOver.extend({ userId: z.number() }))
    .mutation(({ ctx, input }) => createAccount(ctx, input)),

  update: authedProcedure
    .input(ZAccountUpdate)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await updateAccountDetails(ctx, input);
      return { ok: true as const };
    }),

  resetPassword: authedProcedure
    .input(ZAccountReset)
    .output(ZHandedOver)
    .mutation(({ ctx, input }) => resetAccountPassword(ctx, input.userId, input.handover)),

  disable: authedProcedure
    .input(ZAccountRef)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await disableAccount(ctx, input.userId);
      return { ok: true as const };
    }),

  enable: authedProcedure
    .input(ZAccountRef)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await enableAccount(ctx, input.userId);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
