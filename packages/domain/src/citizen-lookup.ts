import type { TChecked } from "./citizen-forms";

/**
 * The online page's case lookup (办件编号 and the phone's last four digits), apart from the
 * other citizen forms: only /rate uses it, and a module both pages import would put it in the
 * evaluator's first load as well.
 */

export const CASE_NO_MAX_LENGTH = 40;
export const CASE_NO_MISSING_MESSAGE = "请输入办件编号";
export const CASE_NO_TOO_LONG_MESSAGE = "办件编号过长";

export const PHONE_LAST4_PATTERN = /^\d{4}$/;
export const PHONE_LAST4_MESSAGE = "请输入申请时所留手机号的后四位";

function caseNoProblem(caseNo: string): string | undefined {
  if (caseNo.length < 1) return CASE_NO_MISSING_MESSAGE;
  if (caseNo.length > CASE_NO_MAX_LENGTH) return CASE_NO_TOO_LONG_MESSAGE;
  return undefined;
}

export function checkOnlineLookup(input: {
  caseNo: string;
  phoneLast4: string;
}): TChecked<{ caseNo: string; phoneLast4: string }> {
  const value = { caseNo: input.caseNo.trim(), phoneLast4: input.phoneLast4.trim() };
  const problems: Partial<Record<"caseNo" | "phoneLast4", string>> = {};
  const caseNo = caseNoProblem(value.caseNo);
  if (caseNo) problems.caseNo = caseNo;
  if (!PHONE_LAST4_PATTERN.test(value.phoneLast4)) problems.phoneLast4 = PHONE_LAST4_MESSAGE;
  return problems.caseNo || problems.phoneLast4 ? { ok: false, problems } : { ok: true, value };
}
