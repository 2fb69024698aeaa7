import { isKeyOf } from "./keys";

/**
 * The refusals a citizen page can meet (the evaluator's pairing, prompts and ratings, the online
 * lookup, link and rating, and the host's own refusals), with the zh-CN text it shows. They are
 * the first entries of APP_ERROR_MESSAGES, so both read the same; the citizen app carries only
 * these, not the staff and manager messages it can never be sent.
 */
export const CITIZEN_ERROR_MESSAGES = {
  INVALID_INPUT: "提交的内容不完整或格式不正确",
  UNAUTHENTICATED: "请先登录",
  FORBIDDEN: "当前账号无权执行此操作",
  WINDOW_NOT_FOUND: "窗口不存在",
  CASE_NOT_FOUND: "办件不存在，请核对办件编号",
  CASE_NOT_COMPLETED: "办件尚未办结，办结后才能评价",
  ALREADY_RATED: "该办件已经评价过，每个办件只能评价一次",
  RATING_WINDOW_CLOSED: "已超过该办件的评价期限",
  CASE_NOT_AT_THIS_WINDOW: "该办件不在本窗口办理，不能在此评价器评价",
  IDEMPOTENCY_CONFLICT: "同一提交编号已用于另一次评价",
  REASON_UNKNOWN: "评价内容代码不存在",
  REASON_LEVEL_MISMATCH: "评价内容与所选等级不符",
  BAD_RATING_NEEDS_REASON: "差评请至少选择一项原因或填写意见",
  ONLINE_LOOKUP_FAILED: "办件编号或手机号后四位不正确",
  RATING_LINK_INVALID: "评价链接无效或已过期，请重新查询办件",
  DEVICE_NOT_FOUND: "评价器不存在",
  PAIRING_CODE_INVALID: "配对码无效或已过期，请向管理员重新获取",
  TOO_MANY_ATTEMPTS: "尝试次数过多，请稍后再试",
  FOLLOW_UP_NOT_ALLOWED: "该办件的差评尚未整改反馈，暂不能追评",
  DEVICE_UNKNOWN: "评价器未登记或凭证无效",
  PROMPT_NOT_FOUND: "评价邀请不存在或已结束",
  PROMPT_CLOSED: "该评价邀请已撤回或已超时，本次评价未记录；如需评价请工作人员重新推送，或在评价期限内网上评价",
  NOT_FOUND: "请求的内容不存在",
  INTERNAL: "服务器暂时无法处理，请稍后再试",
  RATING_LINK_EXPIRED: "评价链接已过期：该办件已超过评价期限，不能再评价",
  ONLINE_LOOKUP_LOCKED: "查询错误次数过多，该办件已暂时锁定，请稍后再试",
  ACCESS_RULE_MISSING: "该功能尚未开放",
  CSRF_REFUSED: "请求来源无法确认，请刷新页面后重试",
  REQUEST_HEAD_TOO_LARGE: "请求地址或请求头过长",
  PAYLOAD_TOO_LARGE: "请求体过大",
  WORK_ORDER_CONFLICT: "该工单刚被他人处理，请刷新后再操作",
} as const;

/** The citizen page's text for a refusal's code, or null for a code it has no text for. */
export function citizenErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return isKeyOf(CITIZEN_ERROR_MESSAGES, code) ? CITIZEN_ERROR_MESSAGES[code] : null;
}
