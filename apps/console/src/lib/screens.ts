import { OVERVIEW_ROLES, ROLE_KEYS, type TRole } from "@hcp/domain";

import { strings } from "./strings";

export type TScreen =
  | "desk"
  | "overview"
  | "workOrders"
  | "catalog"
  | "devices"
  | "calendar"
  | "analysis"
  | "performance"
  | "mine"
  | "reports"
  | "province"
  | "audit"
  | "import"
  | "catalogueImport"
  | "apiClients"
  | "windows"
  | "staff"
  | "accounts";

export const SCREEN_PATHS = {
  desk: "/desk",
  overview: "/overview",
  performance: "/performance",
  mine: "/mine",
  workOrders: "/work-orders",
  catalog: "/catalog",
  devices: "/devices",
  calendar: "/calendar",
  analysis: "/analysis",
  reports: "/reports",
  province: "/province",
  audit: "/audit",
  import: "/import",
  catalogueImport: "/catalogue-import",
  apiClients: "/api-clients",
  windows: "/windows",
  staff: "/staff",
  accounts: "/accounts",
} as const satisfies Record<TScreen, string>;

const SCREEN_ROLES: Record<TScreen, readonly TRole[]> = {
  desk: ["window_staff"],
  overview: OVERVIEW_ROLES,
  performance: OVERVIEW_ROLES,
  // A staff member's own results; managers read everyone's on the performance screen.
  mine: ["window_staff"],
  // The API scopes the queue: heads see their department, staff the reviews of themselves.
  workOrders: ROLE_KEYS,
  catalog: OVERVIEW_ROLES,
  devices: ["admin", "hall_manager", "auditor"],
  // Admins edit the national calendar, hall managers their hall's service days, auditors read.
  calendar: ["admin", "hall_manager", "auditor"],
  analysis: OVERVIEW_ROLES,
  // Department heads get a live report of their department; only the hall's is archived.
  reports: OVERVIEW_ROLES,
  // Administrators change the provincial export; hall managers and auditors follow its reconciliation.
  province: ["admin", "hall_manager", "auditor"],
  // 审计日志: administrators keep the platform, 督查 oversee it; both verify the chain.
  audit: ["admin", "auditor"],
  // Cases from a business system's CSV/XLSX export: the same rights as its API.
  import: ["admin", "hall_manager"],
  // 事项目录导入 and the item form: administrators keep the catalogue.
  catalogueImport: ["admin"],
  // Business systems' keys are the platform's: administrators only.
  apiClients: ["admin"],
  // 窗口管理: readers see the floor; administrators and hall managers change it (the API's rule).
  windows: OVERVIEW_ROLES,
  // 工作人员: a department head reads their department's; administrators and hall managers keep them.
  staff: OVERVIEW_ROLES,
  // 账号管理: administrators every account, hall managers those below them (the API checks the role).
  accounts: ["admin", "hall_manager"],
};

const SCREEN_ORDER: readonly TScreen[] = [
  "desk",
  "mine",
  "overview",
  "performance",
  "analysis",
  "reports",
  "workOrders",
  "catalog",
  "catalogueImport",
  "windows",
  "staff",
  "accounts",
  "import",
  "devices",
  "province",
  "apiClients",
  "audit",
  "calendar",
];

export function canUse(role: TRole, screen: TScreen): boolean {
  return SCREEN_ROLES[screen].includes(role);
}

/** The screens a role may open, in navigation order. */
export function screensFor(role: TRole): TScreen[] {
  return SCREEN_ORDER.filter((screen) => canUse(role, screen));
}

/** Where a role lands after signing in. */
export function homeFor(role: TRole): (typeof SCREEN_PATHS)[TScreen] {
  return SCREEN_PATHS[screensFor(role)[0] ?? "overview"];
}

/** A screen's name in the navigation; window staff see the work orders about themselves. */
export function screenLabel(screen: TScreen, role?: TRole): string {
  if (screen === "workOrders" && role === "window_staff") return strings.nav.workOrdersMine;
  return strings.nav[screen];
}

/** 修改密码, every signed-in user's own page; where a one-time password is replaced before anything else. */
export const ACCOUNT_PATH = "/account";

/** Where a signed-in user goes: their role's home, or 修改密码 while a one-time password awaits its change. */
export function landingFor(user: {
  role: TRole;
  mustChangePassword: boolean;
}): (typeof SCREEN_PATHS)[TScreen] | typeof ACCOUNT_PATH {
  return user.mustChangePassword ? ACCOUNT_PATH : homeFor(user.role);
}
