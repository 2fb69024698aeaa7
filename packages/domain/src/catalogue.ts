import { z } from "zod";

import type { TCaseType } from "./cases";

/**
 * 事项目录: the rules a service item's terms follow, shared by the console's form, the manual
 * procedures and the catalogue import (which checks each row of the province's file with them).
 */

/** The longest 承诺时限 or 法定时限 the catalogue accepts, in working days. */
const MAX_ITEM_DAYS = 365;

/** The national implementation code (实施编码): letters, digits and hyphens, at most 40. */
export const ITEM_CODE_PATTERN = /^[0-9A-Za-z-]{1,40}$/;

export interface TItemTerms {
  caseType: TCaseType;
  promisedDays: number;
  legalDays: number | null;
}

export interface TItemTermProblem {
  field: "promisedDays" | "legalDays";
  message: string;
}

/** 即办件 promise nothing; 承诺件 1–365 working days, never more than the 法定时限. */
export function itemTermProblems(terms: TItemTerms): TItemTermProblem[] {
  const problems: TItemTermProblem[] = [];
  if (terms.caseType === "instant" && terms.promisedDays !== 0)
    problems.push({ field: "promisedDays", message: "即办件的承诺时限应为 0 或不填" });
  if (terms.caseType === "promised" && (terms.promisedDays < 1 || terms.promisedDays > MAX_ITEM_DAYS))
    problems.push({ field: "promisedDays", message: `承诺件须填写承诺时限（1–${String(MAX_ITEM_DAYS)} 个工作日）` });
  if (terms.legalDays !== null && (terms.legalDays < 1 || terms.legalDays > MAX_ITEM_DAYS))
    problems.push({ field: "legalDays", message: `法定时限应为 1–${String(MAX_ITEM_DAYS)} 个工作日，或不填` });
  else if (terms.legalDays !== null && terms.promisedDays > terms.legalDays)
    problems.push({ field: "promisedDays", message: "承诺时限不能超过法定时限" });
  return problems;
}

const ZDays = z.number({ error: "请填写整数天数" }).int({ error: "请填写整数天数" });

/** A service item as the manual form and catalogue.create / catalogue.update take it. */
export const ZServiceItemFields = z
  .object({
    code: z
      .string({ error: "请填写事项编码" })
      .trim()
      .min(1, { error: "请填写事项编码" })
      .regex(ITEM_CODE_PATTERN, { error: "事项编码只能由字母、数字和连字符组成，最长 40 位" }),
    name: z
      .string({ error: "请填写事项名称" })
      .trim()
      .min(1, { error: "请填写事项名称" })
      .max(200, { error: "事项名称不能超过 200 个字" }),
    departmentId: z.number({ error: "请选择实施部门" }).int().positive({ error: "请选择实施部门" }),
    caseType: z.enum(["instant", "promised"], { error: "请选择办件类型" }),
    promisedDays: ZDays.min(0, { error: "承诺时限不能为负数" }),
    legalDays: ZDays.nullable(),
    inHall: z.boolean({ error: "请选择是否进驻大厅" }),
    windowIds: z
      .array(z.number().int().positive(), { error: "请选择受理窗口" })
      .max(100, { error: "受理窗口不能超过 100 个" }),
  })
  .superRefine((value, context) => {
    for (const problem of itemTermProblems(value))
      context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
export type TServiceItemFields = z.output<typeof ZServiceItemFields>;
