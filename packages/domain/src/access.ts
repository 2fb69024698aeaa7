/**
 * Who may call what: one rule per procedure path of the API (tRPC and, through the same
 * procedures, REST /api/v1). The API's base middleware looks every call's path up here and refuses
 * a path without a rule, so a new procedure is closed until someone writes its line. The access
 * test walks every procedure with every principal against this table.
 *
 * Principals: the roles of SPEC §1; "device" (a paired window evaluator, by its token);
 * "api_client:<scope>" (a business system's API key holding that scope); "public" (anyone,
 * signed in or not — the credential is in the input: a pairing code, a case number and phone
 * digits, a signed link).
 *
 * Scope says which rows a caller reaches once admitted; the services' queries enforce it:
 * - "none": nothing of a hall (reference data, the caller's own session);
 * - "hall": rows of the caller's hall;
 * - "department": the caller's hall, a department head only their department's rows, window
 *   staff only their own records (the layered scope of the performance and work-order screens);
 * - "own": the caller's own records (window staff: cases and ratings booked to them);
 * - "own-window": an evaluator only the window it is paired to;
 * - "county": every hall of the caller's county for a county-scoped user (user.scope), their own
 *   hall's place in it for everyone else.
 */
import type { TAppErrorCode } from "./errors";
import { ROLE_KEYS, type TRole } from "./roles";

type TApiClientPrincipal = `api_client:${string}`;
type TPrincipal = TRole | "device" | "public" | TApiClientPrincipal;
type TAccessScope = "none" | "hall" | "department" | "own" | "own-window" | "county";

export interface TAccessRule {
  principals: readonly TPrincipal[];
  scope: TAccessScope;
  /** the refusal a signed-in user of another role gets, when plain FORBIDDEN would say too little */
  refusal?: TAppErrorCode;
  /**
   * "service": the middleware only sees that a token is present; the service checks whose it is
   * in its first statement, so a caller with any bearer token reaches input validation first.
   */
  identityCheckedBy?: "service";
  /**
   * Open to a user who must change a password someone else chose (a new account, a reset) before
   * anything else: signing out and changing it. Every other procedure refuses them.
   */
  beforePasswordChange?: true;
}

const ALL_ROLES: readonly TRole[] = ROLE_KEYS;
/** Hall-wide readers: everyone but window staff (SPEC §1). */
const READERS: readonly TRole[] = ["admin", "hall_manager", "department_head", "auditor"];
const MANAGERS: readonly TRole[] = ["admin", "hall_manager"];
const STAFF: readonly TRole[] = ["window_staff"];

const PUBLIC: TAccessRule = { principals: ["public"], scope: "none" };
const DEVICE: TAccessRule = { principals: ["device"], scope: "own-window" };
const STAFF_OWN: TAccessRule = { principals: STAFF, scope: "own", refusal: "STAFF_ONLY" };
const READ_LAYERED: TAccessRule = { principals: READERS, scope: "department" };
const MANAGE_HALL: TAccessRule = { principals: MANAGERS, scope: "hall" };
const COUNTY_READ: TAccessRule = { principals: ["admin", "hall_manager", "auditor"], scope: "county" };

const RULES = {
  // Business systems' keys are the platform's, not a hall's: administrators only.
  "apiClient.list": { principals: ["admin"], scope: "none" },
  "apiClient.halls": { principals: ["admin"], scope: "none" },
  "apiClient.create": { principals: ["admin"], scope: "none" },
  "apiClient.rotate": { principals: ["admin"], scope: "none" },
  "apiClient.revoke": { principals: ["admin"], scope: "none" },
  "apiClient.calls": { principals: ["admin"], scope: "none" },

  "audit.list": { principals: ["admin", "auditor"], scope: "hall" },
  "audit.verify": { principals: ["admin", "auditor"], scope: "hall" },

  "auth.signIn": PUBLIC,
  // Answers null without a session: the console shows its sign-in page instead of an error.
  "auth.me": PUBLIC,
  // 设置密码链接: the link's token is the credential (256 bits, stored hashed, single use, 72 h).
  "auth.passwordLink": PUBLIC,
  "auth.setPasswordByLink": PUBLIC,
  "auth.signOut": { principals: ALL_ROLES, scope: "none", beforePasswordChange: true },
  "auth.signOutEverywhere": { principals: ALL_ROLES, scope: "own", beforePasswordChange: true },
  "auth.changePassword": { principals: ALL_ROLES, scope: "own", beforePasswordChange: true },

  // 账号管理: administrators every account; hall managers the accounts below them (the service checks the role).
  "account.list": MANAGE_HALL,
  "account.staffChoices": MANAGE_HALL,
  "account.create": MANAGE_HALL,
  "account.update": MANAGE_HALL,
  "account.resetPassword": MANAGE_HALL,
  "account.disable": MANAGE_HALL,
  "account.enable": MANAGE_HALL,

  // Staff need the working-day calendar for work-order deadlines too.
  "calendar.year": { principals: ALL_ROLES, scope: "hall" },
  // The national holiday calendar is shared by every hall: administrators only.
  "calendar.setDay": { principals: ["admin"], scope: "none" },
  "calendar.confirmSchedule": { principals: ["admin"], scope: "none" },
  // The years awaiting their schedule: the warning is for those who can enter it.
  "calendar.status": { principals: ["admin"], scope: "none" },
  "calendar.setServiceDay": MANAGE_HALL,

  "case.create": STAFF_OWN,
  "case.complete": STAFF_OWN,
  "case.inviteRating": STAFF_OWN,
  "case.withdrawInvitation": STAFF_OWN,
  "case.mine": STAFF_OWN,
  // Never 督查 (oversight needs no phone numbers); the service narrows heads and staff further.
  "case.revealContact": {
    principals: ["admin", "hall_manager", "department_head", "window_staff"],
    scope: "department",
    refusal: "CONTACT_REVEAL_FORBIDDEN",
  },

  // Staff pick service items when they receive a case.
  "catalog.departments": { principals: ALL_ROLES, scope: "hall" },
  "catalog.items": { principals: ALL_ROLES, scope: "hall" },

  // 事项目录 management: administrators change it; managers and 督查 read an item's history.
  // 事项目录 with its management columns, for everyone who opens the screen (like catalog.items).
  "catalogue.items": { principals: READERS, scope: "hall" },
  "catalogue.item": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "catalogue.template": { principals: ["admin"], scope: "none" },
  "catalogue.previewImport": { principals: ["admin"], scope: "hall" },
  "catalogue.applyImport": { principals: ["admin"], scope: "hall" },
  "catalogue.create": { principals: ["admin"], scope: "hall" },
  "catalogue.update": { principals: ["admin"], scope: "hall" },
  "catalogue.retire": { principals: ["admin"], scope: "hall" },
  "catalogue.restore": { principals: ["admin"], scope: "hall" },
  // 部门管理: administrators keep the hall's departments; readers see them, a head only their own.
  "department.list": READ_LAYERED,
  "department.create": { principals: ["admin"], scope: "hall" },
  "department.update": { principals: ["admin"], scope: "hall" },
  "department.retire": { principals: ["admin"], scope: "hall" },
  "department.restore": { principals: ["admin"], scope: "hall" },

  "device.list": MANAGE_HALL,
  "device.create": MANAGE_HALL,
  "device.issuePairingCode": MANAGE_HALL,
  "device.unpair": MANAGE_HALL,

  // The set-up link's token and the one-time pairing code are the credentials (pairing throttled).
  // Business systems (SPEC §4): an API client with the scope, or a manager's session by hand.
  // 大厅设置: administrators change them; every hall-wide reader sees them.
  "hall.settings": READ_LAYERED,
  "hall.logo": READ_LAYERED,
  "hall.update": { principals: ["admin"], scope: "hall" },
  "hall.setLogo": { principals: ["admin"], scope: "hall" },
  "hall.removeLogo": { principals: ["admin"], scope: "hall" },

  // One county, many halls: which halls the caller may work in (their own only, unless county-scoped).
  "county.scope": { principals: READERS, scope: "county" },
  // County views: figures across the county's halls; the service refuses hall-scoped users
  // (COUNTY_SCOPE_REQUIRED), a county-wide department head sees their department in each hall.
  "county.overview": { principals: READERS, scope: "county" },
  "county.events": { principals: READERS, scope: "county" },
  "county.hallRanking": { principals: READERS, scope: "county" },
  "county.windowRanking": { principals: READERS, scope: "county" },
  // 切换大厅: a county user chooses the hall every per-hall screen then serves (the service refuses hall users).
  "county.actIn": { principals: READERS, scope: "county" },
  // The county report is county-wide: leadership, auditors, administrators and managers scoped to
  // the county (the service refuses hall-scoped ones); regenerating, as for a hall, is for managers.
  "county.report": COUNTY_READ,
  "county.reportVersions": COUNTY_READ,
  "county.reportVersion": COUNTY_READ,
  "county.regenerateReport": { principals: MANAGERS, scope: "county" },
  "county.yearly": COUNTY_READ,
  // The county report's files (GET /reports/county/…, outside tRPC), admitted like county.report.
  "county.reportDownload": COUNTY_READ,
  // 县域大厅管理: a county administrator adds and edits township centres and village points.
  "county.createHall": { principals: ["admin"], scope: "county" },
  "county.updateHall": { principals: ["admin"], scope: "county" },

  // 开始设置: what the hall still lacks before it can take ratings, for those who build it.
  "setup.status": MANAGE_HALL,

  "integrationCase.upsert": { principals: [...MANAGERS, "api_client:cases:write"], scope: "hall" },
  "integrationCase.complete": { principals: [...MANAGERS, "api_client:cases:write"], scope: "hall" },
  "integrationCase.importFile": { principals: [...MANAGERS, "api_client:cases:write"], scope: "hall" },
  "integrationCase.get": { principals: [...MANAGERS, "api_client:cases:read"], scope: "hall" },
  "integrationCase.importStatus": { principals: [...MANAGERS, "api_client:cases:read"], scope: "hall" },
  "integrationCase.importTemplate": { principals: [...MANAGERS, "api_client:cases:read"], scope: "none" },

  // Other channels' ratings and the hall's figures, for API clients only (the halls they were granted).
  "integrationRating.submit": { principals: ["api_client:ratings:write"], scope: "hall" },
  "integrationRead.windows": { principals: ["api_client:performance:read"], scope: "hall" },
  "integrationRead.monthlyReport": { principals: ["api_client:reports:read"], scope: "hall" },

  "kiosk.activate": PUBLIC,
  "kiosk.pair": PUBLIC,
  "kiosk.heartbeat": DEVICE,
  "kiosk.state": DEVICE,
  "kiosk.events": DEVICE,
  "kiosk.timeout": DEVICE,
  "kiosk.promptShown": DEVICE,
  "kiosk.reportRefused": DEVICE,

  // The citizen's own page: case number + phone digits or the signed link (throttled, locked).
  "online.lookup": PUBLIC,
  "online.openLink": PUBLIC,
  "online.submit": PUBLIC,
  "online.receipt": STAFF_OWN,

  "overview.period": READ_LAYERED,
  "overview.monthly": READ_LAYERED,
  "overview.departments": READ_LAYERED,
  "overview.dataMonths": READ_LAYERED,
  "overview.events": READ_LAYERED,

  "performance.windows": READ_LAYERED,
  "performance.staff": READ_LAYERED,
  "performance.items": READ_LAYERED,
  "performance.ratings": READ_LAYERED,
  "performance.departments": READ_LAYERED,
  "performance.channels": READ_LAYERED,
  "performance.reasons": READ_LAYERED,
  "performance.coverage": READ_LAYERED,
  "performance.trend": READ_LAYERED,
  // Up to yesterday, comments without case, applicant or time of day: never who rated them.
  "performance.mine": STAFF_OWN,
  "performance.rankingSettings": READ_LAYERED,
  "performance.updateRankingSettings": MANAGE_HALL,

  "province.config": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "province.reconciliation": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "province.rejected": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "province.updateConfig": { principals: ["admin"], scope: "hall" },
  "province.requeue": { principals: ["admin"], scope: "hall" },

  "rating.reasons": PUBLIC,
  // The hall's rating window, evaluator timeout and default rating: 督查 read them, managers change them.
  "rating.rules": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "rating.updateRules": MANAGE_HALL,
  // The token is checked by the service in the statement that reads the case (keeps the
  // evaluator's rating path at one round trip); a case of another window is refused there.
  "rating.submit": { ...DEVICE, identityCheckedBy: "service" },

  // A department head reads the live report of their department; the archive is hall-wide.
  "report.monthly": READ_LAYERED,
  "report.yearly": READ_LAYERED,
  "report.versions": {
    principals: ["admin", "hall_manager", "auditor"],
    scope: "hall",
    refusal: "REPORT_ARCHIVE_HALL_ONLY",
  },
  "report.version": {
    principals: ["admin", "hall_manager", "auditor"],
    scope: "hall",
    refusal: "REPORT_ARCHIVE_HALL_ONLY",
  },
  "report.regenerate": MANAGE_HALL,
  // The report's files (GET /reports/…, outside tRPC), admitted like report.monthly; the
  // download narrows a department head to the live PDF and Excel of their department.
  "report.download": READ_LAYERED,

  "signal.list": { principals: ["admin", "hall_manager", "auditor"], scope: "hall" },
  "signal.review": MANAGE_HALL,

  // Staff choose their window from the list when they sign in (亮牌).
  "window.list": { principals: ALL_ROLES, scope: "hall" },
  "window.mine": STAFF_OWN,
  "window.signIn": STAFF_OWN,
  "window.signOut": STAFF_OWN,

  // 窗口管理 (floor): every reader sees the hall's windows; administrators and managers keep them.
  "windowAdmin.list": READ_LAYERED,
  "windowAdmin.byId": READ_LAYERED,
  "windowAdmin.create": MANAGE_HALL,
  "windowAdmin.update": MANAGE_HALL,
  "windowAdmin.retire": MANAGE_HALL,
  // 工作人员 (floor): department heads read their department's staff; administrators and managers keep them.
  "staff.list": READ_LAYERED,
  "staff.create": MANAGE_HALL,
  "staff.update": MANAGE_HALL,
  "staff.leave": MANAGE_HALL,
  "staff.uploadPhoto": MANAGE_HALL,

  // Each role sees its part of the queue: heads their department, staff the orders about them.
  "workOrder.list": { principals: ALL_ROLES, scope: "department" },
  "workOrder.byId": { principals: ALL_ROLES, scope: "department" },
  // 督查 and administrators read orders but take no step in them (work-order.ts transitions).
  "workOrder.act": { principals: ["hall_manager", "department_head", "window_staff"], scope: "department" },
  "workOrder.metrics": READ_LAYERED,
} satisfies Record<string, TAccessRule>;

/** A path the table has a rule for: what the console may ask `mayCall` about. */
export type TProcedurePath = keyof typeof RULES;

export const ACCESS_RULES: Readonly<Record<string, TAccessRule>> = RULES;

/** The rule of a procedure path, or null: a path without a rule is refused (fail closed). */
export function accessRule(path: string): TAccessRule | null {
  return Object.hasOwn(ACCESS_RULES, path) ? (ACCESS_RULES[path] ?? null) : null;
}

export function isPublicRule(rule: TAccessRule): boolean {
  return rule.principals.includes("public");
}

export function allowsRole(rule: TAccessRule, role: string): boolean {
  return rule.principals.some((principal) => principal === role);
}

export function allowsDevice(rule: TAccessRule): boolean {
  return rule.principals.includes("device");
}

/** The API-client scopes a rule accepts ("api_client:cases" → "cases"). */
export function apiClientScopes(rule: TAccessRule): string[] {
  return rule.principals.flatMap((principal) =>
    principal.startsWith("api_client:") ? [principal.slice("api_client:".length)] : [],
  );
}

/** Whether an API client holding `scopes` may call a rule's procedure. */
export function allowsApiClient(rule: TAccessRule, scopes: readonly string[]): boolean {
  return apiClientScopes(rule).some((scope) => scopes.includes(scope));
}

/**
 * Whether a signed-in user of this role may call the procedure. The console shows its screens and
 * buttons by it, so a change to the table changes what each role is offered.
 */
export function mayCall(role: TRole, path: TProcedurePath): boolean {
  return allowsRole(RULES[path], role);
}

export function rolesOf(rule: TAccessRule): TRole[] {
  return ROLE_KEYS.filter((role) => rule.principals.includes(role));
}
