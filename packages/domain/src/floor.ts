import { z } from "zod";

import { ZId } from "./schemas";

/**
 * The hall floor as its administrator keeps it: windows (code, name, kind, the departments and
 * items they receive, their place on the floor) and the staff who serve at them (工号, department,
 * the windows they may serve at with the home window first, phone, 上岗证).
 */

/** 综合受理 (one window for several departments, 一窗受理) or 专业 (one department's own window). */
export const WINDOW_KINDS = { comprehensive: "综合受理", special: "专业" } as const;

const WINDOW_CODE = /^[A-Za-z0-9-]{1,16}$/;

const ZCode = z
  .string({ error: "请输入窗口编号" })
  .trim()
  .min(1, { error: "请输入窗口编号" })
  .regex(WINDOW_CODE, { error: "窗口编号为 1–16 位字母、数字或连字符，如 A01" });

const ZUniqueIds = (message: string) =>
  z.array(ZId).refine((ids) => new Set(ids).size === ids.length, { error: message });

export const ZWindowForm = z
  .object({
    code: ZCode,
    name: z
      .string({ error: "请输入窗口名称" })
      .trim()
      .min(1, { error: "请输入窗口名称" })
      .max(100, { error: "窗口名称不能超过 100 字" }),
    kind: z.enum(["comprehensive", "special"], { error: "请选择窗口类型" }),
    /** the departments whose cases it receives; a 专业 window's first is its own department */
    departmentIds: ZUniqueIds("部门不能重复选择").max(100, { error: "一个窗口最多接收 100 个部门的事项" }),
    /** service items it receives, by 事项编码 (blank lines ignored) */
    itemCodes: z
      .array(z.string().trim().max(64, { error: "事项编码不能超过 64 个字符" }))
      .max(5000, { error: "一个窗口最多接收 5000 个事项" })
      .transform((codes) => [...new Set(codes.filter((code) => code !== ""))]),
    sortOrder: z
      .number({ error: "请输入排列顺序" })
      .int({ error: "排列顺序须为 0–9999 的整数" })
      .min(0, { error: "排列顺序须为 0–9999 的整数" })
      .max(9999, { error: "排列顺序须为 0–9999 的整数" }),
  })
  .refine((form) => form.kind !== "special" || form.departmentIds.length > 0, {
    error: "专业窗口须选择其所属部门",
    path: ["departmentIds"],
  });
export type TWindowForm = z.infer<typeof ZWindowForm>;

export const ZWindowUpdate = z.object({ windowId: ZId, window: ZWindowForm });
export type TWindowUpdate = z.infer<typeof ZWindowUpdate>;
