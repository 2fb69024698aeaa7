import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { WORK_ORDER_STATE_KEYS, ZCaseRef, ZLevel, ZOnlineLookup, ZOnlineRating, ZRatingLinkOpen } from "@hcp/domain";

import { ZRatingResult } from "../schemas";
import { caseReceipt } from "../services/case-receipt";
import { lookupOnlineCase, openRatingLink, submitOnlineRating } from "../services/online";
import { publicProcedure, staffProcedure } from "../trpc";

const ZRecordedRating = z.object({
  level: ZLevel,
  reasonCodes: z.array(z.string()),
  ratedAt: z.string(),
});

const ZOnlineCase = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  windowName: z.string().nullable(),
  completedAt: z.string().nullable(),
  ratingDeadline: z.string().nullable(),
  status: z.enum(["open", "follow_up", "rated", "not_completed", "closed"]),
  rating: ZRecordedRating.nullable(),
  followUp: ZRecordedRating.nullable(),
  workOrder: z
    .object({
      state: z.enum(WORK_ORDER_STATE_KEYS),
      reply: z.string().nullable(),
    })
    .nullable(),
  ratingToken: z.string().nullable(),
});

const ZCaseReceipt = z.object({
  caseNo: z.string(),
  hallName: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  windowName: z.string().nullable(),
  staffName: z.string().nullable(),
  badgeNo: z.string().nullable(),
  applicantNameMasked: z.string(),
  completedAt: z.string(),
  ratingDeadline: z.string(),
  ratingToken: z.string().describe("signed rating link token (HMAC-SHA256, key id, expires with the rating window)"),
  qrPath: z.string().describe("path for the receipt's QR code: /rate?t=…&pf=3"),
  smsPath: z.string().describe("path for an SMS link: /rate?t=…&pf=7"),
});

/**
 * The citizen's own page (`/rate`): no account. The case number and phone digits, or the signed
 * link from the receipt's QR code or an SMS, are the key. The window staff print the receipt.
 */
export const onlineRouter = {
  lookup: publicProcedure
    .input(ZOnlineLookup)
    .output(ZOnlineCase)
    .mutation(({ ctx, input }) => lookupOnlineCase(ctx, input)),

  /** Same answer as `lookup`, without the phone digits: the link itself proves the receipt. */
  openLink: publicProcedure
    .input(ZRatingLinkOpen)
    .output(ZOnlineCase)
    .mutation(({ ctx, input }) => openRatingLink(ctx, input.token)),

  submit: publicProcedure
    .input(ZOnlineRating)
    .output(ZRatingResult)
    .mutation(({ ctx, input }) => submitOnlineRating(ctx, input)),

  /** 办件回执 with the rating QR link, for the staff member's own completed case. */
  receipt: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/cases/{caseId}/receipt",
        tags: ["cases"],
        summary: "办件回执（含评价二维码与短信评价链接）",
      },
    })
    .input(ZCaseRef)
    .output(ZCaseReceipt)
    .query(({ ctx, input }) => caseReceipt(ctx, input.caseId)),
} satisfies TRPCRouterRecord;
