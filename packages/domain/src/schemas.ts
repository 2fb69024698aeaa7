import { z } from "zod";

import type { TApplicantType } from "./cases";
import {
  APP_CODE_PATTERN,
  BAD_NEEDS_REASON_MESSAGE,
  badRatingHasReason,
  COMMENT_TOO_LONG_MESSAGE,
  MAX_COMMENT_LENGTH,
  MAX_REASON_CODES,
  PAIRING_CODE_MESSAGE,
  PAIRING_CODE_PATTERN,
  REASON_CODE_MESSAGE,
  REASON_CODE_PATTERN,
  TOO_MANY_REASONS_MESSAGE,
} from "./citizen-forms";
import {
  CASE_NO_MAX_LENGTH,
  CASE_NO_MISSING_MESSAGE,
  CASE_NO_TOO_LONG_MESSAGE,
  PHONE_LAST4_MESSAGE,
  PHONE_LAST4_PATTERN,
} from "./citizen-lookup";
import { isLevel } from "./levels";
import { ZApplicantIdNo } from "./privacy";

/** Shared by the console forms (react-hook-form) and the procedures' inputs. */

export const ZId = z.number().int().positive();

export const ZLevel = z
  .number({ error: "评价等级必须是 1 到 5 的整数" })
  .int({ error: "评价等级必须是 1 到 5 的整数" })
  // min and max stay for the OpenAPI document; they abort so the guard below adds no second message.
  .min(1, { error: "评价等级必须是 1 到 5 的整数", abort: true })
  .max(5, { error: "评价等级必须是 1 到 5 的整数", abort: true })
  .refine((value) => isLevel(value), { error: "评价等级必须是 1 到 5 的整数" });

export const ZSignIn = z.object({
  username: z.string().trim().min(1, { error: "请输入用户名" }).max(64),
  password: z.string().min(1, { error: "请输入密码" }).max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;

/**
 * 亮牌 at a window; one not among the staff member's windows needs `approval`: a hall manager's
 * or administrator's username and password, typed in on the desk.
 */
export const ZWindowSignIn = z.object({ windowId: ZId, approval: ZSignIn.optional() });

export const ZApplicantType = z.enum(["person", "legal"] satisfies TApplicantType[], { error: "请选择申请人类型" });

export const ZCaseCreate = z.object({
  serviceItemId: ZId.describe("service item id"),
  applicantType: ZApplicantType,
  applicantName: z
    .string()
    .trim()
    .min(1, { error: "请输入申请人姓名或单位名称" })
    .max(100, { error: "申请人名称不能超过 100 字" }),
  applicantPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: "请输入 11 位手机号码" }),
  /** 身份证号 / 统一社会信用代码, optional; "" = not given */
  applicantIdNo: z.union([z.literal(""), ZApplicantIdNo]).optional(),
});
export type TCaseCreate = z.infer<typeof ZCaseCreate>;

export const ZCaseRef = z.object({ caseId: ZId });

export const ZCaseNo = z
  .string()
  .trim()
  .min(1, { error: CASE_NO_MISSING_MESSAGE })
  .max(CASE_NO_MAX_LENGTH, { error: CASE_NO_TOO_LONG_MESSAGE });

const ratingChoiceShape = {
  level: ZLevel,
  reasonCodes: z
    .array(z.string().regex(REASON_CODE_PATTERN, { error: REASON_CODE_MESSAGE }))
    .max(MAX_REASON_CODES, { error: TOO_MANY_REASONS_MESSAGE })
    .default([]),
  comment: z.string().trim().max(MAX_COMMENT_LENGTH, { error: COMMENT_TOO_LONG_MESSAGE }).default(""),
};

const BAD_NEEDS_REASON = { error: BAD_NEEDS_REASON_MESSAGE, path: ["reasonCodes"] };

/** What the citizen chooses on any channel's rating form. */
export const ZRatingChoice = z.object(ratingChoiceShape).refine(badRatingHasReason, BAD_NEEDS_REASON);
export type TRatingChoice = z.output<typeof ZRatingChoice>;

export const ZRatingSubmit = z
  .object({
    caseNo: ZCaseNo,
    ...ratingChoiceShape,
    /** generated once per tap on the device; a retry with the same key returns the first result */
    idempotencyKey: z.uuid({ error: "提交编号格式不正确" }),
    /** when the citizen tapped, by the device's clock; the server's receive time is kept beside it */
    ratedAt: z.iso.datetime({ offset: true, error: "评价时间格式不正确" }).optional(),
    /** the evaluator's prompt this answers: a rating of a withdrawn or timed-out prompt is refused */
    promptId: z
      .number({ error: "评价邀请编号格式不正确" })
      .int()
      .positive({ error: "评价邀请编号格式不正确" })
      .optional(),
  })
  .refine(badRatingHasReason, BAD_NEEDS_REASON);
export type TRatingSubmit = z.input<typeof ZRatingSubmit>;

/** A refusal's code as the API sends it in `data.appCode` (APP_ERROR_MESSAGES' keys). */
const ZAppCode = z.string().regex(APP_CODE_PATTERN, { error: "错误代码格式不正确" });

/**
 * A rating the server refused for good after the evaluator had thanked the citizen (the case was
 * rated meanwhile, the tablet was moved to another window …): reported once so a person can look.
 */
export const ZRefusedRatingReport = z.object({
  caseNo: ZCaseNo,
  level: ZLevel,
  idempotencyKey: z.uuid({ error: "提交编号格式不正确" }),
  ratedAt: z.iso.datetime({ offset: true, error: "评价时间格式不正确" }),
  /** the refusal's code (`data.appCode`) */
  appCode: ZAppCode,
});
export type TRefusedRatingReport = z.output<typeof ZRefusedRatingReport>;
export type TRefusedRatingReportInput = z.input<typeof ZRefusedRatingReport>;

export const ZPeriod = z
  .object({
    from: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }),
    to: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }),
  })
  .refine((period) => period.from <= period.to, { error: "开始日期不能晚于结束日期", path: ["to"] });
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZOnlineLookup = z.object({
  caseNo: ZCaseNo,
  phoneLast4: z.string().trim().regex(PHONE_LAST4_PATTERN, { error: PHONE_LAST4_MESSAGE }),
});
export type TOnlineLookup = z.infer<typeof ZOnlineLookup>;

export const ZPairingCode = z.object({
  code: z.string().trim().regex(PAIRING_CODE_PATTERN, { error: PAIRING_CODE_MESSAGE }),
});

export const ZHeartbeat = z.object({
  outboxDepth: z.number().int().min(0).max(1_000_000),
  appVersion: z.string().max(32).nullable().default(null),
});
export type THeartbeat = z.output<typeof ZHeartbeat>;

/**
 * Channels of the `/rate` page: PC (1) and mobile (2) after a case-number lookup, QR code (3)
 * and SMS (7) through the signed link.
 */
const ZOnlineRatingChannel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(7)]);
export type TOnlineRatingChannel = z.infer<typeof ZOnlineRatingChannel>;

/** A rating from `/rate`: the token comes from the lookup or the signed link. */
export const ZOnlineRating = z
  .object({
    token: z.string().min(10).max(500),
    channel: ZOnlineRatingChannel,
    ...ratingChoiceShape,
    idempotencyKey: z.uuid({ error: "提交编号格式不正确" }),
  })
  .refine(badRatingHasReason, BAD_NEEDS_REASON);

/**
 * The signed link of a receipt's QR code or an SMS (`/rate?t=…`). Loose on purpose: a damaged
 * token gets the precise "link invalid" answer from the service, not a format error.
 */
export const ZRatingLinkOpen = z.object({ token: z.string().trim().max(1000) });
