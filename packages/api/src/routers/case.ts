import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZCaseCreate, ZCaseRef, ZContactReveal } from "@hcp/domain";

import { ZCaseListRow, ZCaseView } from "../schemas";
import { completeCase, createCase, inviteRating, withdrawInvitation } from "../services/cases";
import { todaysCases } from "../services/desk-cases";
import { revealContact } from "../services/privacy";
import { authedProcedure, staffProcedure } from "../trpc";

export const caseRouter = {
  create: staffProcedure
    .meta({ openapi: { method: "POST", path: "/cases", tags: ["cases"], summary: "受理办件（窗口工作人员）" } })
    .input(ZCaseCreate)
    .output(ZCaseView)
    .mutation(({ ctx, input }) => createCase(ctx, input)),

  complete: staffProcedure
    .meta({ openapi: { method: "POST", path: "/cases/{caseId}/complete", tags: ["cases"], summary: "办结办件" } })
    .input(ZCaseRef)
    .output(ZCaseView)
    .mutation(({ ctx, input }) => completeCase(ctx, input.caseId)),

  /** 请评价: show the case on the evaluator of the staff member's window. */
  inviteRating: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/cases/{caseId}/rating-invitations",
        tags: ["cases"],
        summary: "邀请办事群众在评价器上评价",
      },
    })
    .input(ZCaseRef)
    .output(z.object({ promptId: z.number() }))
    .mutation(({ ctx, input }) => inviteRating(ctx, input.caseId)),

  /** 撤回推送: take the case's open prompt off the evaluator (recorded as withdrawn, never a rating). */
  withdrawInvitation: staffProcedure
    .input(ZCaseRef)
    .output(z.object({ withdrawn: z.number() }))
    .mutation(({ ctx, input }) => withdrawInvitation(ctx, input.caseId)),

  /** 查看完整号码: the clear phone or ID number of a case, for a stated reason; logged. Console only. */
  revealContact: authedProcedure
    .input(ZContactReveal)
    .output(z.object({ value: z.string(), masked: z.string() }))
    .mutation(({ ctx, input }) => revealContact(ctx, input)),

  /** Today's cases of the signed-in staff member: whether each was rated, never how, and its latest prompt's state. */
  mine: staffProcedure.output(z.array(ZCaseListRow)).query(({ ctx }) => todaysCases(ctx)),
} satisfies TRPCRouterRecord;
