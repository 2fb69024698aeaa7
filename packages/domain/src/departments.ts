import { z } from "zod";

import { isCreditCode } from "./privacy";
import { problemCheck } from "./problem-check";

const CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The check character GB 32100-2015 gives the first 17 characters of a 统一社会信用代码 (MOD 31 over
 * its alphabet, which leaves out I, O, Z, S and V), or null when one of them is outside it.
 * @example creditCodeCheckChar("91350100M000100Y4") // "3"
 */
export function creditCodeCheckChar(body17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(body17)) return null;
  const sum = CREDIT_CODE_WEIGHTS.reduce(
    (total, weight, index) => total + weight * CREDIT_CODE_CHARS.indexOf(body17[index] ?? ""),
    0,
  );
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * What is wrong with a typed 统一社会信用代码, in the words the form shows, or null when it is right:
 * its length, a character outside the code's alphabet, or its check character (naming the right one,
 * so a typing slip in the last place is found at once).
 */
export function creditCodeProblem(value: string): string | null {
  if (value.length !== 18) return `统一社会信用代码应为 18 位，现为 ${value.length} 位`;
  const bad = [...value].findIndex((char) => !CREDIT_CODE_CHARS.includes(char));
  if (bad >= 0) return `统一社会信用代码第 ${bad + 1} 位“${value[bad] ?? ""}”不是有效字符（不使用 I、O、Z、S、V）`;
  if (isCreditCode(value)) return null;
  return `统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 ${creditCodeCheckChar(value.slice(0, 17)) ?? "?"}`;
}

/** A credit code as typed: spaces dropped, upper-cased, then checked. */
const ZCreditCode = z
  .string({ error: "请填写统一社会信用代码" })
  .transform((value) => value.replaceAll(/\s/g, "").toUpperCase())
  .superRefine(problemCheck((value) => (value === "" ? "请填写统一社会信用代码" : creditCodeProblem(value))));

/** 部门管理's form and the department.create / department.update input: the same words on both sides. */
export const ZDepartmentFields = z.object({
  name: z
    .string({ error: "请填写部门名称" })
    .trim()
    .min(1, { error: "请填写部门名称" })
    .max(100, { error: "部门名称不能超过 100 个字" }),
  shortName: z.string().trim().max(20, { error: "简称不能超过 20 个字" }).default(""),
  creditCode: ZCreditCode,
  contactName: z.string().trim().max(50, { error: "联系人不能超过 50 个字" }).default(""),
  contactPhone: z
    .string()
    .trim()
    .max(30, { error: "联系电话不能超过 30 个字符" })
    .regex(/^[0-9+\-()（） 转]*$/, { error: "联系电话只能包含数字、空格、括号、+ 和 -" })
    .default(""),
});
export type TDepartmentFieldsInput = z.input<typeof ZDepartmentFields>;
export type TDepartmentFields = z.output<typeof ZDepartmentFields>;

export const ZDepartmentUpdate = ZDepartmentFields.extend({ id: z.number().int().positive() });

/** What still ties a department to the hall's daily work: retiring it waits until none is left. */
const DEPARTMENT_IN_USE_LABELS = {
  activeItems: "在用事项",
  activeStaff: "在岗工作人员",
  activeWindows: "在用窗口",
  activeUsers: "启用的账号",
  openWorkOrders: "未办结的差评工单",
} as const;
export type TDepartmentUse = Record<keyof typeof DEPARTMENT_IN_USE_LABELS, number>;

/** The uses that block retiring, in words: "在用事项 3 项、在岗工作人员 2 人"; "" when there are none. */
export function departmentUseText(use: Partial<TDepartmentUse>): string {
  return (Object.keys(DEPARTMENT_IN_USE_LABELS) as (keyof TDepartmentUse)[])
    .filter((key) => (use[key] ?? 0) > 0)
    .map((key) => `${DEPARTMENT_IN_USE_LABELS[key]} ${use[key] ?? 0}`)
    .join("、");
}
