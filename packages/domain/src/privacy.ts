import { z } from "zod";

import type { TApplicantType } from "./cases";

/**
 * Masking for screens (个人信息保护法: minimise what is shown). A person keeps the first character
 * of the name; an organisation keeps its first two and last four characters.
 */
export function maskApplicantName(type: TApplicantType, name: string): string {
  const chars = [...name.trim()];
  if (type === "person") {
    if (chars.length <= 1) return "*";
    return `${chars[0] ?? ""}${"*".repeat(chars.length - 1)}`;
  }
  if (chars.length <= 6) return `${chars.slice(0, 1).join("")}${"*".repeat(Math.max(chars.length - 1, 1))}`;
  return `${chars.slice(0, 2).join("")}${"*".repeat(chars.length - 6)}${chars.slice(-4).join("")}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}

/** 330102199001011234 → 3301**********1234; works for 统一社会信用代码 alike. */
export function maskIdNumber(idNo: string): string {
  return idNo.length > 8 ? `${idNo.slice(0, 4)}${"*".repeat(idNo.length - 8)}${idNo.slice(-4)}` : "***";
}

const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECKS = "10X98765432";
const CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 居民身份证号码 (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character. */
export function isIdCardNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = ID_CARD_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return ID_CARD_CHECKS[sum % 11] === value[17];
}

/** 统一社会信用代码 (GB 32100): 18 characters of its alphabet, the last a MOD 31 check. */
export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce(
    (total, weight, index) => total + weight * CREDIT_CODE_CHARS.indexOf(value[index] ?? ""),
    0,
  );
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] === value[17];
}

/** The applicant's ID number as typed: upper-cased, spaces dropped; a person's 身份证号 or an organisation's 信用代码. */
export const ZApplicantIdNo = z
  .string()
  .trim()
  .transform((value) => value.replaceAll(/\s/g, "").toUpperCase())
  .refine((value) => isIdCardNumber(value) || isCreditCode(value), { error: "请输入有效的身份证号或统一社会信用代码" });

/** Which personal datum of a case to reveal. */
export const CONTACT_FIELDS = { phone: "联系电话", idNo: "证件号码" } as const;
export type TContactField = keyof typeof CONTACT_FIELDS;

/** Revealing a personal datum is a logged act with a stated purpose (个人信息保护法 §6 最小必要). */
export const ZContactReveal = z.object({
  caseId: z.number().int().positive(),
  field: z.enum(["phone", "idNo"]),
  reason: z
    .string()
    .trim()
    .min(4, { error: "请填写查看原因（至少 4 个字）" })
    .max(200, { error: "查看原因不能超过 200 字" }),
});
export type TContactReveal = z.infer<typeof ZContactReveal>;
