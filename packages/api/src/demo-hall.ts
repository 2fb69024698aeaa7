import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import { insertBlankHall, type Db } from "@hcp/db";
import {
  buildDemoCatalog,
  DEMO_HALL,
  DEMO_SET_UP_AT,
  demoScale,
  isDemoHallSeeded,
  loadDemoHistory,
  type TDemoCatalog,
  type TDemoHallIds,
  type TDemoHistory,
} from "@hcp/db/seed";
import { BLANK_HALL, type TRole } from "@hcp/domain";

import { WindowBus } from "./bus";
import type { TApiDeps } from "./context-types";
import {
  consoleClient,
  createAccounts,
  demoPassword,
  publishPasswords,
  setUpHallStructure,
  staffAccountPlans,
  type TAccountPlan,
  type TDemoAccount,
} from "./demo-set-up";
import { insertFirstAdministrator } from "./services/accounts/first-admin";
import { issueOneTimePassword } from "./services/accounts/one-time-password";

/**
 * The demo hall of SPEC §9 (the county hall of the 2023 annual report), set up the way a real
 * hall's administrator sets one up: its first administrator signs in with the one-time password,
 * chooses a password and calls the console's procedures — 大厅设置, 部门管理, the 事项目录 import
 * (dry run, then apply) of the 1,444 items as a CSV file, 窗口管理 with each window's departments
 * and items, its evaluator, 工作人员 with their home window, 账号管理 — whose accounts then get
 * the demo's published passwords. Only then is the simulated history bulk-loaded,
 * keyed by the ids those procedures returned. The demo so proves the set-up path on every start.
 */

export interface TDemoSeedResult extends TDemoHistory {
  hallId: number;
  departments: number;
  serviceItems: number;
  windows: number;
  staff: number;
  accounts: TDemoAccount[];
  seconds: number;
}

export interface TDemoSeedOptions {
  /** fraction of the 2023 year's cases and ratings to load, default 1 */
  scale?: number;
  /**
   * Also simulate the hall's recent days, from the first of last month up to this moment, at the
   * same scale: 今日, 本月, the live overview and open work orders then show activity.
   */
  now?: Date;
  log?: (line: string) => void;
  /**
   * The platform's contact-data key, for the staff phones the set-up would encrypt. The demo's
   * staff have no phone number, so without one a throwaway key stands in and encrypts nothing.
   */
  dataKey?: Buffer;
}

export { isDemoHallSeeded };

/** An account of the hall's 账号管理 besides its first administrator and its window staff. */
export interface THallAccount {
  username: string;
  role: TRole;
  displayName: string;
  note: string;
  departmentKey?: string;
}

const HALL_ACCOUNTS: readonly THallAccount[] = [
  { username: "admin", role: "admin", displayName: "系统管理员", note: "用户、角色、设备、日历和设置" },
  { username: "manager", role: "hall_manager", displayName: "大厅管理员", note: "窗口绩效、差评处置、设备和月报" },
  { username: "auditor", role: "auditor", displayName: "督查室", note: "只读：报表、排名和公开" },
  {
    username: "head_scjg",
    role: "department_head",
    displayName: "县市场监督管理局负责人",
    note: "部门负责人：县市场监督管理局",
    departmentKey: "scjg",
  },
  {
    username: "head_bdc",
    role: "department_head",
    displayName: "县不动产登记中心负责人",
    note: "部门负责人：县不动产登记中心",
    departmentKey: "bdc",
  },
];

/**
 * Builds the hall's structure through the procedures, as its first administrator, and its
 * accounts (with `extraAccounts` after the hall's own); the ids in the catalogue's order.
 */
async function setUpHall(
  deps: TApiDeps,
  catalog: TDemoCatalog,
  log: (line: string) => void,
  extraAccounts: readonly THallAccount[],
): Promise<{ ids: TDemoHallIds; accounts: TDemoAccount[]; userIdOf: Map<string, number> }> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const now = deps.now?.() ?? new Date();
  const { firstSignIn } = consoleClient(deps);

  // 从零开始: a blank hall under the demo's code and its first administrator, as an empty start makes them.
  const [adminPlan, ...otherPlans] = HALL_ACCOUNTS;
  if (!adminPlan) throw new Error("the demo hall has no administrator");
  const firstAdmin = await issueOneTimePassword(adminPlan.username);
  const hallId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertBlankHall(trx, { ...BLANK_HALL, code: DEMO_HALL.code });
    await insertFirstAdministrator(trx, {
      hallId: id,
      username: adminPlan.username,
      passwordHash: firstAdmin.passwordHash,
      now,
    });
    return id;
  });
  const adminPassword = demoPassword(adminPlan.username);
  const admin = await firstSignIn(adminPlan.username, firstAdmin.password, adminPassword);
  const ids = await setUpHallStructure(
    admin,
    deps,
    { id: hallId, name: DEMO_HALL.name, regionCode: DEMO_HALL.regionCode },
    catalog,
  );
  log(
    `hall ${DEMO_HALL.name}: ${ids.departmentIds.length} departments, ${ids.itemIds.length} items, ${ids.windowIds.length} windows with their evaluators, ${ids.staffIds.length} staff (${seconds()} s)`,
  );

  // Every account as 账号管理 creates it, then with the password the credentials file shows.
  const departmentIdOf = new Map(
    catalog.departments.map((department, index) => [department.key, ids.departmentIds[index]]),
  );
  const staffPassword = demoPassword(...catalog.staff.map((member) => member.badgeNo.toLowerCase()));
  const ownPlans = [...otherPlans, ...extraAccounts];
  const plans: TAccountPlan[] = [
    ...ownPlans.map((plan) => ({
      username: plan.username,
      displayName: plan.displayName,
      role: plan.role,
      departmentId: plan.departmentKey === undefined ? null : (departmentIdOf.get(plan.departmentKey) ?? 0),
      staffId: null,
      password: demoPassword(plan.username),
    })),
    ...staffAccountPlans(catalog, ids, staffPassword),
  ];
  const userIds = await createAccounts(admin, plans);
  await admin.auth.signOut();
  await publishPasswords(
    deps,
    plans.map((plan, index) => ({ userId: userIds[index] ?? 0, password: plan.password })),
  );
  log(`${plans.length + 1} accounts (${seconds()} s)`);

  const passwordOf = new Map(plans.map((plan) => [plan.username, plan.password]));
  const accounts: TDemoAccount[] = [adminPlan, ...ownPlans].map((plan) => ({
    username: plan.username,
    password: plan === adminPlan ? adminPassword : (passwordOf.get(plan.username) ?? ""),
    role: plan.role,
    displayName: plan.displayName,
    note: plan.note,
  }));
  const first = catalog.staff[0]?.badgeNo.toLowerCase() ?? "";
  const last = catalog.staff.at(-1)?.badgeNo.toLowerCase() ?? "";
  for (const member of catalog.staff.slice(0, 3)) {
    const window = catalog.windows[member.windowIndex];
    accounts.push({
      username: member.badgeNo.toLowerCase(),
      password: staffPassword,
      role: "window_staff",
      displayName: member.name,
      note: `窗口工作人员，${window?.code ?? ""} ${window?.name ?? ""}；全部 ${catalog.staff.length} 个窗口账号（${first} … ${last}）共用此密码`,
    });
  }
  const userIdOf = new Map(plans.map((plan, index) => [plan.username, userIds[index] ?? 0]));
  return { ids, accounts, userIdOf };
}

/** The county centre set up through the procedures, its history not loaded yet. */
export interface TDemoCentre {
  deps: TApiDeps;
  catalog: TDemoCatalog;
  ids: TDemoHallIds;
  accounts: TDemoAccount[];
  /** the user ids of the accounts 账号管理 created, by username */
  userIdOf: Map<string, number>;
}

/** Sets up the county centre (the demo hall) through the console's procedures, with `extraAccounts` of its 账号管理. */
export async function setUpDemoCentre(
  db: Db,
  options: { log: (line: string) => void; dataKey?: Buffer; extraAccounts?: readonly THallAccount[] },
): Promise<TDemoCentre> {
  if (await isDemoHallSeeded(db)) throw new Error(`the demo hall (${DEMO_HALL.code}) is already seeded`);
  const catalog = buildDemoCatalog(DEMO_HALL.regionCode);
  const deps: TApiDeps = {
    db,
    bus: new WindowBus(),
    dataKey: options.dataKey ?? randomBytes(32),
    // Set up the day before its simulated year: item versions, accounts and their audit records come first.
    now: () => DEMO_SET_UP_AT,
  };
  const { ids, accounts, userIdOf } = await setUpHall(deps, catalog, options.log, options.extraAccounts ?? []);
  return { deps, catalog, ids, accounts, userIdOf };
}

/** What the seed's result says about a hall's structure. */
export function structureOf(ids: TDemoHallIds) {
  return {
    hallId: ids.hallId,
    departments: ids.departmentIds.length,
    serviceItems: ids.itemIds.length,
    windows: ids.windowIds.length,
    staff: ids.staffIds.length,
  };
}

/**
 * Sets up the demo hall through the console's procedures, then loads its simulated history.
 * Deterministic except for the passwords, which are secrets and returned once. The set-up commits
 * step by step as a real one does; the history is one transaction. A failure part-way leaves the
 * hall as far as it got (`isDemoHallSeeded` then answers true without a credentials file): start
 * over on an empty database.
 */
export async function seedDemoHall(db: Db, options: TDemoSeedOptions = {}): Promise<TDemoSeedResult> {
  const scale = demoScale(options.scale);
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const centre = await setUpDemoCentre(db, { log, ...(options.dataKey ? { dataKey: options.dataKey } : {}) });
  const history = await loadDemoHistory(db, centre.catalog, centre.ids, {
    scale,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...structureOf(centre.ids),
    ...history,
    accounts: centre.accounts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
