import { z } from "zod";

import { HALL_KIND_KEYS } from "./county";
import { ZId } from "./schemas";

/** 切换大厅: the hall of the county a county user's session works in from now on. */
export const ZCountyActIn = z.object({ hallId: ZId });

/** 乡镇中心 and 便民服务站 a county administrator adds; the county centre exists with the county. */
const CREATABLE_KINDS = ["township_centre", "village_point"] as const;

const ZCountyHallFields = z.object({
  name: z
    .string({ error: "请输入大厅名称" })
    .trim()
    .min(1, { error: "请输入大厅名称" })
    .max(100, { error: "大厅名称不能超过 100 字" }),
  /** checked against the county and the township by hallAreaCodeProblem, for a precise message */
  areaCode: z.string({ error: "请输入行政区划代码" }).trim().min(1, { error: "请输入行政区划代码" }).max(32),
  /** a village point's township centre; null for a township */
  parentHallId: ZId.nullable(),
  sortOrder: z
    .number({ error: "排序应为 0–9999 的整数" })
    .int({ error: "排序应为 0–9999 的整数" })
    .min(0, { error: "排序应为 0–9999 的整数" })
    .max(9999, { error: "排序应为 0–9999 的整数" }),
});

/** A village point lies under a township; a township under nothing but the county. */
function parentIssues(form: { kind: string; parentHallId: number | null }, issues: z.RefinementCtx): void {
  if (form.kind === "village_point" && form.parentHallId === null)
    issues.addIssue({ code: "custom", message: "便民服务站须选择所属乡镇中心", path: ["parentHallId"] });
}

export const ZCountyHallCreate = ZCountyHallFields.extend({
  kind: z.enum(CREATABLE_KINDS, { error: "请选择大厅类型" }),
})
  .superRefine(parentIssues)
  .transform((form) => ({ ...form, parentHallId: form.kind === "village_point" ? form.parentHallId : null }));
export type TCountyHallCreate = z.infer<typeof ZCountyHallCreate>;

/** The console's form of a hall, new or edited (an edited hall shows its kind, which stays). */
export const ZCountyHallForm = ZCountyHallFields.extend({ kind: z.enum(HALL_KIND_KEYS) }).superRefine(parentIssues);
export type TCountyHallForm = z.infer<typeof ZCountyHallForm>;

/** A hall's kind stays what it was created as; its name, code, township and place may change. */
export const ZCountyHallUpdate = z.object({ hallId: ZId, hall: ZCountyHallFields });
export type TCountyHallUpdate = z.infer<typeof ZCountyHallUpdate>;
