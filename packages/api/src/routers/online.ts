import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { findCaseById } from "@hcp/db";
import { ZOnlineLookup, ZOnlineRatingSubmit } from "@hcp/domain";

import { appError } from "../errors";
import { ZRatingResult } from "../schemas";
import { lookupOnlineCase, verifyRatingToken } from "../services/online";
import { submitRating } from "../services/rating";
import { publicProcedure } from "../trpc";

const ZOnlineCase = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  windowName: z.string().nullable(),
  completedAt: z.string().nullable(),
  rated: z.boolean(),
  ratingToken: z.string().nullable(),
});

/** The citizen's own page (`/rate`): no account, the case number and phone digits are the key. */
export const onlineRouter = {
  lookup: publicProcedure
    .input(ZOnlineLookup)
    .output(ZOnlineCase)
    .mutation(({ ctx, input }) => lookupOnlineCase(ctx, input)),

  submit: publicProcedure
    .input(ZOnlineRatingSubmit)
    .output(ZRatingResult)
    .mutation(async ({ ctx, input }) => {
      const caseId = verifyRatingToken(ctx.dataKey, input.token, ctx.now());
      const row = caseId === null ? undefined : await findCaseById(ctx.db, caseId);
      if (!row) throw appError("RATING_LINK_INVALID", "UNAUTHORIZED");
      return submitRating(
        ctx,
        {
          caseNo: row.case_no,
          level: input.level,
          reasonCodes: input.reasonCodes,
          comment: input.comment,
          idempotencyKey: input.idempotencyKey,
        },
        { channel: input.channel, windowId: null },
      );
    }),
} satisfies TRPCRouterRecord;
