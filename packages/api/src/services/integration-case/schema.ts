import { z } from "zod";

import { keysOf, WORK_ORDER_STATE_KEYS, ZApplicantIdNo, ZApplicantType, ZCaseNo } from "@hcp/domain";

/**
 * What a business system sends about one case (SPEC §4), for PUT /integration/cases/{caseNo} and
 * for every row of a CSV/XLSX import: one schema, so a row of a file is refused for exactly the
 * reasons the API would refuse it.
 */

export const HANDLING_CHANNELS = { window: "窗口", online: "网上", self_service: "自助", post: "快递" } as const;
export const CASE_TYPES = { instant: "即办件", promised: "承诺件" } as const;

/** Lenient over what a clock may skew between a business system and this server. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An instant as ISO 8601 with an offset, or as the hall's wall clock ("2023-05-06 09:30[:00]",
 * how spreadsheets write it): China keeps +08:00 all year, so that is the offset assumed.
 */
function caseTime(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .regex(TIME_PATTERN, { error: `${label}格式应为 YYYY-MM-DD HH:mm:ss 或带时区的 ISO 8601 时间` })
    .transform((value, context) => {
      const [, date, minutes, seconds, zone] = TIME_PATTERN.exec(value) ?? [];
      const instant = new Date(`${date ?? ""}T${minutes ?? ""}${seconds ?? ":00"}${zone ?? "+08:00"}`);
      if (Number.isNaN(instant.getTime())) {
        context.addIssue({ code: "custom", message: `${label}不是有效的日期时间`, input: value });
        return z.NEVER;
      }
      return instant;
    })
    .meta({
      description: `${label}：ISO 8601（如 2023-05-06T09:30:00+08:00），或大厅当地时间 YYYY-MM-DD HH:mm:ss`,
      example: "2023-05-06T09:30:00+08:00",
    });
}

const ZCode = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${String(max)} 个字符` });

const ZIntegrationCaseFields = z
  .object({
    itemCode: ZCode("事项编码", 40).meta({ description: "服务事项编码（本大厅事项目录中的编码）" }),
    windowCode: z
      .string()
      .trim()
      .max(16, { error: "窗口编号不能超过 16 个字符" })
      .optional()
      .meta({ description: "办理窗口编号；窗口办理的办件必填，网上、自助、快递办理可不填" }),
    staffBadgeNos: z
      .array(ZCode("工号", 32), { error: "工号应为字符串数组" })
      .max(10, { error: "经办人员不能超过 10 人" })
      .optional()
      .meta({ description: "经办人员工号，第一个为主办人" }),
    handlingChannel: z
      .enum(keysOf(HANDLING_CHANNELS), {
        error: "办理渠道应为 window、online、self_service 或 post",
      })
      .optional()
      .meta({ description: "办理渠道：window 窗口（默认）、online 网上、self_service 自助、post 快递" }),
    applicantType: ZApplicantType.meta({ description: "申请人类型：person 自然人、legal 法人" }),
    applicantName: z
      .string({ error: "请填写申请人姓名或单位名称" })
      .trim()
      .min(1, { error: "请填写申请人姓名或单位名称" })
      .max(100, { error: "申请人名称不能超过 100 字" })
      .meta({ description: "申请人姓名或单位名称；只保存脱敏形式" }),
    applicantPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, { error: "联系电话应为 11 位手机号码" })
      .optional()
      .meta({ description: "申请人手机号码；加密保存" }),
    applicantIdNo: ZApplicantIdNo.optional().meta({ description: "身份证号或统一社会信用代码；加密保存" }),
    receivedAt: caseTime("受理时间"),
    completedAt: caseTime("办结时间").nullable().optional(),
    caseType: z
      .enum(keysOf(CASE_TYPES), {
        error: "办件类型应为 instant（即办件）或 promised（承诺件）",
      })
      .optional()
      .meta({ description: "办件类型；不填时取事项的类型" }),
    promisedDays: z
      .number({ error: "承诺办结工作日应为整数" })
      .int({ error: "承诺办结工作日应为整数" })
      .min(0, { error: "承诺办结工作日应为 0–365 的整数" })
      .max(365, { error: "承诺办结工作日应为 0–365 的整数" })
      .optional()
      .meta({ description: "承诺办结工作日；不填时取事项的承诺时限" }),
  })
  .refine((fields) => fields.applicantPhone !== undefined || fields.applicantIdNo !== undefined, {
    error: "请至少填写联系电话或证件号码之一",
    path: ["applicantPhone"],
  });

export const ZIntegrationCaseUpsert = ZIntegrationCaseFields.safeExtend({
  caseNo: ZCaseNo.meta({ description: "办件编号（全省唯一）" }),
});
export type TIntegrationCaseUpsert = z.output<typeof ZIntegrationCaseUpsert>;

export const ZIntegrationCaseRef = z.object({ caseNo: ZCaseNo });

export const ZIntegrationComplete = z.object({
  caseNo: ZCaseNo,
  completedAt: caseTime("办结时间").optional(),
  promptEvaluator: z
    .boolean({ error: "promptEvaluator 应为 true 或 false" })
    .optional()
    .meta({ description: "办结后在办理窗口的评价器上请办事群众评价" }),
});
export type TIntegrationComplete = z.output<typeof ZIntegrationComplete>;

const ZIntegrationRating = z.object({
  seq: z.number().meta({ description: "1 首次评价，2 追评" }),
  level: z.number().int().min(1).max(5),
  channel: z.number(),
  isDefault: z.boolean(),
  excluded: z.boolean().meta({ description: "申诉成立或误评，已从各项比率中剔除" }),
  reasonCodes: z.array(z.string()),
  ratedAt: z.string(),
});

export const ZIntegrationCaseView = z.object({
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  windowCode: z.string().nullable(),
  staffBadgeNos: z.array(z.string()),
  handlingChannel: z.enum(keysOf(HANDLING_CHANNELS)),
  applicantType: z.enum(["person", "legal"]),
  applicantNameMasked: z.string(),
  applicantPhoneMasked: z.string(),
  applicantIdNoMasked: z.string(),
  status: z.enum(["received", "completed"]),
  receivedAt: z.string(),
  completedAt: z.string().nullable(),
  caseType: z.enum(["instant", "promised"]),
  promisedDays: z.number(),
  dueDate: z.string().nullable(),
  dueDateProvisional: z.boolean().meta({
    description: "暂按周末计算：承诺办结日期跨越节假日安排尚未确认的年份，暂按周一至周五上班计算，确认后重算",
  }),
  ratings: z.array(ZIntegrationRating),
  workOrder: z
    .object({
      id: z.number(),
      state: z.enum(WORK_ORDER_STATE_KEYS),
      stateLabel: z.string(),
      contactDue: z.string(),
      rectifyDue: z.string(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
});
export type TIntegrationCaseView = z.infer<typeof ZIntegrationCaseView>;

export const ZIntegrationUpsertResult = z.object({
  outcome: z.enum(["created", "updated", "unchanged"]),
  case: ZIntegrationCaseView,
});

export const ZIntegrationCompleteResult = z.object({
  case: ZIntegrationCaseView,
  promptId: z.number().nullable().meta({ description: "推送到评价器的评价邀请编号；未要求推送时为 null" }),
});
