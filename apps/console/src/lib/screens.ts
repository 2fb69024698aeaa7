import { accessRule, mayCall, type TProcedurePath, type TRole, type TUserScope } from "@hcp/domain";

import { strings } from "./strings";

export type TScreen =
  | "desk"
  | "county"
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
  | "accounts"
  | "hall"
  | "departments"
  | "setup"
  | "countyHalls";

export const SCREEN_PATHS = {
  desk: "/desk",
  county: "/county",
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
  hall: "/hall",
  departments: "/departments",
  setup: "/setup",
  countyHalls: "/county-halls",
} as const satisfies Record<TScreen, string>;

/**
 * The procedures each screen is built on: a role sees the screen when the access table lets it
 * call every one of them (`mayCall`), so a change to that table changes the navigation too.
 */
const SCREEN_CALLS: Record<TScreen, readonly TProcedurePath[]> = {
  desk: ["window.signIn"],
  // A staff member's own results; managers read everyone's on the performance screen.
  mine: ["performance.mine"],
  overview: ["overview.period"],
  // 全县概况 and the county's rankings: for county-scoped users only (see screensFor).
  county: ["county.overview", "county.hallRanking", "county.windowRanking"],
  performance: ["performance.windows"],
  analysis: ["performance.channels"],
  // Department heads get a live report of their department; only the hall's is archived.
  reports: ["report.monthly"],
  // The API scopes the queue: heads see their department, staff the reviews of themselves.
  workOrders: ["workOrder.list"],
  // 事项目录: the hall's readers search it; staff pick items at the desk through catalog.items.
  catalog: ["catalogue.items"],
  // Cases from a business system's CSV/XLSX export: the same rights as its API.
  import: ["integrationCase.importFile"],
  // 事项目录导入 and the item form: administrators keep the catalogue.
  catalogueImport: ["catalogue.previewImport"],
  // Managers pair evaluators; 督查 read the misuse signals beside them.
  devices: ["signal.list"],
  // Administrators change the provincial export; hall managers and 督查 follow its reconciliation.
  province: ["province.config"],
  // Business systems' keys are the platform's: administrators only.
  apiClients: ["apiClient.list"],
  // 审计日志: administrators keep the platform, 督查 oversee it; both verify the chain.
  audit: ["audit.list"],
  // Everyone reads the calendar for deadlines; the screen is for those who read the hall's rules
  // (督查 read, administrators and hall managers change them).
  calendar: ["calendar.year", "rating.rules"],
  // 窗口管理: readers see the floor; administrators and hall managers change it.
  windows: ["windowAdmin.list"],
  // 工作人员: a department head reads their department's; administrators and hall managers keep them.
  staff: ["staff.list"],
  // 账号管理: administrators every account, hall managers those below them (the API checks the role).
  accounts: ["account.list"],
  // 大厅设置: administrators change them; managers and 督查 read them.
  hall: ["hall.settings"],
  // 部门管理: administrators keep them; managers, 督查 and a department head (their own) read them.
  departments: ["department.list"],
  // 开始设置: administrators and hall managers build the hall; listed only while something is missing.
  setup: ["setup.status"],
  // 全县大厅: county administrators add and edit the county's townships and village points.
  countyHalls: ["county.createHall"],
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
  "countyHalls",
  "hall",
  "departments",
  "devices",
  "province",
  "apiClients",
  "audit",
  "calendar",
];

export function canUse(role: TRole, screen: TScreen): boolean {
  return SCREEN_CALLS[screen].every((path) => mayCall(role, path));
}

/** A screen built on a county procedure ("county" scope) is for county users only. */
function countyOnly(screen: TScreen): boolean {
  return SCREEN_CALLS[screen].some((path) => accessRule(path)?.scope === "county");
}

/** Whether the user (role and scope) may open the screen. */
export function mayOpen(user: { role: TRole; scope: TUserScope }, screen: TScreen): boolean {
  return canUse(user.role, screen) && (user.scope === "county" || !countyOnly(screen));
}

/** The screens a role may open, in navigation order (开始设置 apart: see navScreens). */
export function screensFor(role: TRole): TScreen[] {
  return SCREEN_ORDER.filter((screen) => canUse(role, screen));
}

/** The navigation: 开始设置 first while the hall still lacks something it needs to take ratings. */
export function navScreens(role: TRole, setupPending: boolean, scope: TUserScope = "hall"): TScreen[] {
  const hallScreens = screensFor(role).filter((screen) => scope === "county" || !countyOnly(screen));
  // 全县概况 leads a county user's navigation (and is where they land).
  const screens = scope === "county" && canUse(role, "county") ? ["county" as const, ...hallScreens] : hallScreens;
  return setupPending && canUse(role, "setup") ? ["setup", ...screens] : screens;
}

/** Where a role lands after signing in. */
function homeFor(role: TRole, scope: TUserScope = "hall"): (typeof SCREEN_PATHS)[TScreen] {
  return SCREEN_PATHS[navScreens(role, false, scope)[0] ?? "overview"];
}

/** A screen's name in the navigation; window staff see the work orders about themselves. */
export function screenLabel(screen: TScreen, role?: TRole): string {
  if (screen === "workOrders" && role === "window_staff") return strings.nav.workOrdersMine;
  return strings.nav[screen];
}

/** 修改密码, every signed-in user's own page; where a one-time password is replaced before anything else. */
export const ACCOUNT_PATH = "/account";

/**
 * Where a signed-in user goes: 修改密码 while a one-time password awaits its change; an
 * administrator of a hall that cannot take ratings yet, 开始设置; otherwise their role's home.
 */
export function landingFor(
  user: { role: TRole; mustChangePassword: boolean; scope?: TUserScope },
  setupPending = false,
): (typeof SCREEN_PATHS)[TScreen] | typeof ACCOUNT_PATH {
  if (user.mustChangePassword) return ACCOUNT_PATH;
  if (setupPending && user.role === "admin") return SCREEN_PATHS.setup;
  // A county user lands on 全县概况, the county's figures.
  return homeFor(user.role, user.scope);
}
