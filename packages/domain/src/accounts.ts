import { z } from "zod";

import { ROLE_KEYS, type TRole } from "./roles";
import { ZId } from "./schemas";

/**
 * User accounts as administrators and hall managers keep them: who signs in, in which role, over
 * which part of the hall (a department head's department, a window staff member's staff record).
 */

/** What a hall manager may create and change: the accounts below their own role. */
const ROLES_BELOW_MANAGER: readonly TRole[] = ["window_staff", "department_head"];

/** Whether `actor` may create, change, reset or disable an account in role `role`. */
export function mayManageRole(actor: TRole, role: TRole): boolean {
  if (actor === "admin") return true;
  return actor === "hall_manager" && ROLES_BELOW_MANAGER.includes(role);
}

export const ZUsername = z
  .string({ error: "请输入用户名" })
  .trim()
  .min(3, { error: "用户名为 3–32 位字母、数字、点、下划线或连字符" })
  .max(32, { error: "用户名为 3–32 位字母、数字、点、下划线或连字符" })
  .regex(/^[A-Za-z0-9._-]+$/, { error: "用户名为 3–32 位字母、数字、点、下划线或连字符" });

const ZAccountFields = z.object({
  displayName: z
    .string({ error: "请输入姓名" })
    .trim()
    .min(1, { error: "请输入姓名" })
    .max(50, { error: "姓名不能超过 50 字" }),
  role: z.enum(ROLE_KEYS, { error: "请选择角色" }),
  /** a department head's department; null for every other role */
  departmentId: ZId.nullable(),
  /** a window staff member's staff record (工号, photo, windows); null for every other role */
  staffId: ZId.nullable(),
});

type TScope = { role: TRole; departmentId: number | null; staffId: number | null };

/** A department head needs their department, window staff their staff record. */
function scopeIssues(form: TScope, issues: z.RefinementCtx): void {
  if (form.role === "department_head" && form.departmentId === null)
    issues.addIssue({ code: "custom", message: "部门负责人须选择其负责的部门", path: ["departmentId"] });
  if (form.role === "window_staff" && form.staffId === null)
    issues.addIssue({ code: "custom", message: "窗口工作人员账号须关联一名工作人员", path: ["staffId"] });
}

/** Nobody but a department head has a department, nobody but window staff a staff record. */
function scopeOnly<T extends TScope>(form: T): T {
  return {
    ...form,
    departmentId: form.role === "department_head" ? form.departmentId : null,
    staffId: form.role === "window_staff" ? form.staffId : null,
  };
}

/**
 * How a password someone else starts an account with reaches its owner: a one-time password shown
 * once to the creator, or a one-time link with which the owner chooses their own.
 */
export const HANDOVER_KEYS = ["password", "link"] as const;
export type THandover = (typeof HANDOVER_KEYS)[number];
const ZHandover = z.enum(HANDOVER_KEYS).default("password");

export const ZAccountCreate = ZAccountFields.extend({ username: ZUsername, handover: ZHandover })
  .superRefine(scopeIssues)
  .transform(scopeOnly);
export type TAccountCreate = z.infer<typeof ZAccountCreate>;

export const ZAccountUpdate = z.object({
  userId: ZId,
  account: ZAccountFields.superRefine(scopeIssues).transform(scopeOnly),
});
export type TAccountUpdate = z.infer<typeof ZAccountUpdate>;

export const ZAccountRef = z.object({ userId: ZId });

export const ZAccountReset = ZAccountRef.extend({ handover: ZHandover });

/** A set-password link lasts three days: long enough to reach its owner, short enough to die unused. */
export const PASSWORD_LINK_HOURS = 72;

export const ZPasswordLinkToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "设置密码链接不完整，请核对后重新打开" }),
});
export const ZPasswordLinkUse = ZPasswordLinkToken.extend({
  newPassword: z.string().max(200, { error: "密码不能超过 200 个字符" }),
});
export type TPasswordLinkUse = z.infer<typeof ZPasswordLinkUse>;

/**
 * The alphabet of one-time passwords: no 0/O, 1/l/I, so it can be read out over the phone or
 * copied from a screen without a mistake.
 */
const ONE_TIME_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
const ONE_TIME_GROUPS = 3;
const ONE_TIME_GROUP_LENGTH = 4;

/**
 * A one-time password from random bytes (the caller's CSPRNG): three groups of four, e.g.
 * "Hq7d-Mx3k-Pw9a" (about 68 bits); it only has to last until its first use.
 */
export function oneTimePassword(randomBytes: (count: number) => Uint8Array): string {
  const groups: string[] = [];
  for (let group = 0; group < ONE_TIME_GROUPS; group++) {
    let text = "";
    // Rejection sampling keeps every character equally likely (256 is no multiple of the alphabet).
    const limit = 256 - (256 % ONE_TIME_ALPHABET.length);
    while (text.length < ONE_TIME_GROUP_LENGTH) {
      for (const byte of randomBytes(ONE_TIME_GROUP_LENGTH)) {
        if (byte < limit && text.length < ONE_TIME_GROUP_LENGTH)
          text += ONE_TIME_ALPHABET[byte % ONE_TIME_ALPHABET.length];
      }
    }
    groups.push(text);
  }
  return groups.join("-");
}
