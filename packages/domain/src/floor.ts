import { z } from "zod";

import { addCalendarDays } from "./calendar";
import { ZId } from "./schemas";

/**
 * The hall floor as its administrator keeps it: windows (code, name, kind, the departments and
 * items they receive, their place on the floor) and the staff who serve at them (工号, department,
 * the windows they may serve at with the home window first, phone, 上岗证).
 */

/** 综合受理 (one window for several departments, 一窗受理) or 专业 (one department's own window). */
export const WINDOW_KINDS = { comprehensive: "综合受理", special: "专业" } as const;

const WINDOW_CODE = /^[A-Za-z0-9-]{1,16}$/;
/** 工号 appears in the avatar's URL: letters, digits, hyphen and underscore only */
const BADGE_NO = /^[A-Za-z0-9_-]{1,32}$/;

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

/** 上岗证 expiring within this many days warns the manager ahead of time. */
const CERTIFICATE_WARNING_DAYS = 30;

export type TCertificateState = "none" | "valid" | "expiring" | "expired";

/** 持证上岗: a certificate is valid through its expiry day (hall dates, `YYYY-MM-DD`). */
export function certificateState(expiresOn: string | null, today: string): TCertificateState {
  if (expiresOn === null || expiresOn === "") return "none";
  if (expiresOn < today) return "expired";
  return expiresOn <= addCalendarDays(today, CERTIFICATE_WARNING_DAYS) ? "expiring" : "valid";
}

export const CERTIFICATE_STATES: Record<TCertificateState, string> = {
  none: "未登记",
  valid: "有效",
  expiring: `${CERTIFICATE_WARNING_DAYS} 天内到期`,
  expired: "已过期",
};

const ZPhone = z.union([
  z.literal(""),
  z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: "请输入 11 位手机号码，或留空" }),
]);

export const ZStaffForm = z
  .object({
    badgeNo: z
      .string({ error: "请输入工号" })
      .trim()
      .min(1, { error: "请输入工号" })
      .regex(BADGE_NO, { error: "工号为 1–32 位字母、数字、连字符或下划线" }),
    name: z
      .string({ error: "请输入姓名" })
      .trim()
      .min(1, { error: "请输入姓名" })
      .max(50, { error: "姓名不能超过 50 字" }),
    departmentId: z.number({ error: "请选择所属部门" }).int().positive({ error: "请选择所属部门" }),
    /** the windows they may serve at, the home window first */
    windowIds: ZUniqueIds("窗口不能重复选择")
      .min(1, { error: "请至少选择一个上岗窗口（第一个为常驻窗口）" })
      .max(20, { error: "最多选择 20 个上岗窗口" }),
    /** absent on an edit: keep the stored number; "" removes it */
    phone: ZPhone.optional(),
    certificateNo: z.string().trim().max(40, { error: "上岗证编号不能超过 40 个字符" }),
    certificateExpiresOn: z.union([z.literal(""), z.iso.date({ error: "日期格式应为 YYYY-MM-DD" })]),
  })
  .refine((form) => (form.certificateNo === "") === (form.certificateExpiresOn === ""), {
    error: "上岗证编号与有效期须同时填写",
    path: ["certificateExpiresOn"],
  });
export type TStaffForm = z.infer<typeof ZStaffForm>;

export const ZStaffUpdate = z.object({ staffId: ZId, staff: ZStaffForm });
export type TStaffUpdate = z.infer<typeof ZStaffUpdate>;
/** 亮牌 photos: what a hall may upload and what the card shows (re-encoded to exactly this size). */
export const STAFF_PHOTO = {
  maxBytes: 5 * 1024 * 1024,
  width: 480,
  height: 600,
  /** smaller than this is not a portrait anyone can recognise on the card */
  minWidth: 120,
  minHeight: 150,
  types: ["image/jpeg", "image/png", "image/webp"],
} as const;
