import { keysOf } from "./keys";

/** Roles of SPEC §1. */
export const ROLES = {
  admin: "系统管理员",
  hall_manager: "大厅管理者",
  department_head: "部门负责人",
  window_staff: "窗口工作人员",
  auditor: "领导 / 督查",
} as const;

export type TRole = keyof typeof ROLES;

export const ROLE_KEYS: TRole[] = keysOf(ROLES);
