import type { TLevel } from "./levels";
import type { TRatingChoice } from "./schemas";

/**
 * The rules of the citizen's small forms (pairing code, rating choice; the case lookup is in
 * citizen-lookup.ts) and
 * their Chinese messages, without zod: the citizen app checks its forms with these plain
 * functions (through @hcp/domain/citizen) and the schemas in schemas.ts are built from the same
 * patterns and messages, so a form and its procedure never disagree.
 */

export const PAIRING_CODE_PATTERN = /^\d{6}$/;
export const PAIRING_CODE_MESSAGE = "请输入 6 位数字配对码";

export const MAX_COMMENT_LENGTH = 500;
export const COMMENT_TOO_LONG_MESSAGE = `意见不能超过 ${MAX_COMMENT_LENGTH} 字`;
export const REASON_CODE_PATTERN = /^\d{3}$/;
export const REASON_CODE_MESSAGE = "评价内容代码格式不正确";
export const MAX_REASON_CODES = 8;
export const TOO_MANY_REASONS_MESSAGE = `评价内容最多选择 ${MAX_REASON_CODES} 项`;
export const BAD_NEEDS_REASON_MESSAGE = "差评请至少选择一项原因或填写意见";

/** A refusal's code as the API sends it in `data.appCode` (APP_ERROR_MESSAGES' keys). */
export const APP_CODE_PATTERN = /^[A-Z][A-Z_]{0,39}$/;

/** 差评 (levels 1–2) needs at least one reason or a comment (SPEC §3). */
export function badRatingHasReason(rating: {
  level: number;
  reasonCodes: readonly string[];
  comment: string;
}): boolean {
  return rating.level >= 3 || rating.reasonCodes.length > 0 || rating.comment !== "";
}

/** A check's answer: the cleaned value, or each failing field's message (first rule broken). */
export type TChecked<TValue> =
  { ok: true; value: TValue } | { ok: false; problems: Partial<Record<keyof TValue, string>> };

export function checkPairingCode(input: { code: string }): TChecked<{ code: string }> {
  const code = input.code.trim();
  return PAIRING_CODE_PATTERN.test(code)
    ? { ok: true, value: { code } }
    : { ok: false, problems: { code: PAIRING_CODE_MESSAGE } };
}

/** What the citizen chose on a rating form, checked as ZRatingChoice checks it on the server. */
export function checkRatingChoice(input: {
  level: TLevel;
  reasonCodes: readonly string[];
  comment: string;
}): TChecked<TRatingChoice> {
  const value: TRatingChoice = {
    level: input.level,
    reasonCodes: [...input.reasonCodes],
    comment: input.comment.trim(),
  };
  const problems: Partial<Record<keyof TRatingChoice, string>> = {};
  if (value.reasonCodes.some((code) => !REASON_CODE_PATTERN.test(code))) problems.reasonCodes = REASON_CODE_MESSAGE;
  else if (value.reasonCodes.length > MAX_REASON_CODES) problems.reasonCodes = TOO_MANY_REASONS_MESSAGE;
  if (value.comment.length > MAX_COMMENT_LENGTH) problems.comment = COMMENT_TOO_LONG_MESSAGE;
  // Like the schema's refinement, the 差评 rule speaks only once the fields themselves are valid.
  if (!problems.reasonCodes && !problems.comment && !badRatingHasReason(value))
    problems.reasonCodes = BAD_NEEDS_REASON_MESSAGE;
  return problems.reasonCodes || problems.comment ? { ok: false, problems } : { ok: true, value };
}

/** A well-formed refusal code, or null (the outbox reports anything else as REFUSED). */
export function appCodeOf(value: unknown): string | null {
  return typeof value === "string" && APP_CODE_PATTERN.test(value) ? value : null;
}
