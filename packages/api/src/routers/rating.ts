import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { KIOSK_CHANNEL, ZRatingRules, ZRatingSubmit } from "@hcp/domain";

import { ZRatingResult, ZReasonCode } from "../schemas";
import { submitRating } from "../services/rating";
import { ratingRules, updateRatingRules } from "../services/rating/hall-rules";
import { currentReasonCodes } from "../services/reason-codes";
import { authedProcedure, deviceTokenProcedure, publicProcedure } from "../trpc";

export const ratingRouter = {
  /** The current version of the national evaluation-content codes. */
  reasons: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/reasons",
        tags: ["ratings"],
        summary: "评价内容代码（现行版本）",
        protect: false,
      },
    })
    .input(z.object({}).optional())
    .output(z.object({ version: z.number(), reasons: z.array(ZReasonCode) }))
    .query(({ ctx }) => currentReasonCodes(ctx)),

  /** A rating taken on the window evaluator (channel 4), authenticated by the device token. */
  submit: deviceTokenProcedure
    .meta({ openapi: { method: "POST", path: "/ratings", tags: ["ratings"], summary: "提交评价器上的评价" } })
    .input(ZRatingSubmit)
    .output(ZRatingResult)
    .mutation(({ ctx, input }) =>
      submitRating(ctx, input, { channel: KIOSK_CHANNEL, deviceTokenHash: ctx.deviceTokenHash }),
    ),

  /** The hall's rating rules: rating window, evaluator timeout, default rating (评价器管理 → 评价规则). */
  rules: authedProcedure.output(ZRatingRules).query(({ ctx }) => ratingRules(ctx)),

  updateRules: authedProcedure
    .input(ZRatingRules)
    .output(ZRatingRules)
    .mutation(({ ctx, input }) => updateRatingRules(ctx, input)),
} satisfies TRPCRouterRecord;
