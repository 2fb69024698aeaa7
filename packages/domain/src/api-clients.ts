import { z } from "zod";

import { keysOf } from "./keys";
import { ZCaseNo, ZRatingChoice } from "./schemas";

/**
 * What a business system's API client may do (SPEC §4). A client is granted scopes and halls in
 * the console; every /integration route names the one scope it needs.
 */
export const API_SCOPES = {
  "cases:write": "登记、更正和办结办件",
  "cases:read": "查询办件、评价和差评整改状态",
  "ratings:write": "提交其他渠道的评价（电话、短信、网上、其他终端）",
  "reports:read": "读取月度满意度报告",
  "performance:read": "读取窗口绩效与排名",
} as const;

export type TApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_KEYS: TApiScope[] = keysOf(API_SCOPES);

/** Keys read `hcpk_<client id>_<secret>`: the id finds the row, the secret's hash is compared. */
export const API_KEY_PREFIX = "hcpk_";

export const API_RATE_LIMIT_DEFAULT = 120;

export const ZApiClientCreate = z.object({
  name: z.string().trim().min(1, { error: "请输入调用方名称" }).max(100, { error: "名称不能超过 100 字" }),
  hallIds: z
    .array(z.number().int().positive())
    .min(1, { error: "请至少选择一个大厅" })
    .max(100, { error: "大厅不能超过 100 个" }),
  scopes: z.array(z.enum(API_SCOPE_KEYS, { error: "权限范围不存在" })).min(1, { error: "请至少选择一项权限范围" }),
  rateLimitPerMinute: z
    .number({ error: "请输入每分钟调用上限" })
    .int({ error: "每分钟调用上限须为整数" })
    .min(1, { error: "每分钟调用上限至少为 1" })
    .max(10_000, { error: "每分钟调用上限不能超过 10000" }),
});
export type TApiClientCreate = z.infer<typeof ZApiClientCreate>;

/**
 * Channels a business system may report a rating from: PC (1), mobile (2), other hall terminal
 * (5), phone 12345 (6), SMS (7). The evaluator (4) rates only through its own device token, and a
 * QR code (3) only through the signed link it carries.
 */
const INTEGRATION_RATING_CHANNELS = [1, 2, 5, 6, 7] as const;
type TIntegrationRatingChannel = (typeof INTEGRATION_RATING_CHANNELS)[number];

function isIntegrationRatingChannel(value: number): value is TIntegrationRatingChannel {
  return INTEGRATION_RATING_CHANNELS.some((channel) => channel === value);
}

const CHANNEL_ERROR = "评价渠道应为 1（PC端）、2（移动端）、5（大厅其他终端）、6（电话）或 7（短信）";

const ZIntegrationRatingChannel = z
  .number({ error: CHANNEL_ERROR })
  .int({ error: CHANNEL_ERROR })
  .refine((value) => isIntegrationRatingChannel(value), { error: CHANNEL_ERROR });

/** A rating taken on another channel; the citizen's choice is judged by the same schema as every channel's. */
export const ZIntegrationRating = ZRatingChoice.safeExtend({
  caseNo: ZCaseNo,
  channel: ZIntegrationRatingChannel,
  /** when the citizen rated (on the phone, in the SMS reply); the server's receive time is kept beside it */
  ratedAt: z.iso.datetime({ offset: true, error: "评价时间格式应为带时区的 ISO 8601 时间" }).optional(),
});

/** Printable ASCII, as RFC 9110 field values and the IETF Idempotency-Key draft allow. */
export const ZIdempotencyKey = z
  .string()
  .min(1, { error: "Idempotency-Key 不能为空" })
  .max(200, { error: "Idempotency-Key 不能超过 200 个字符" })
  .regex(/^[\x21-\x7e]+$/, { error: "Idempotency-Key 只能包含可见的 ASCII 字符" });
