import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import { parse } from "cookie";
import { stringify } from "csv-stringify/sync";

import { hashPassword, insertBlankHall, listHallItemsByCode, setUserPassword, type Db } from "@hcp/db";
import {
  buildDemoCatalog,
  DEMO_CATALOGUE_HEADER,
  DEMO_HALL,
  DEMO_SET_UP_AT,
  demoCatalogueRows,
  demoScale,
  isDemoHallSeeded,
  loadDemoHistory,
  type TDemoCatalog,
  type TDemoHallIds,
  type TDemoHistory,
} from "@hcp/db/seed";
import { BLANK_HALL, DEFAULT_OPENING_HOURS, passwordProblem, type TRole } from "@hcp/domain";

import { WindowBus } from "./bus";
import { createContext } from "./context";
import type { TApiDeps } from "./context-types";
import { appRouter } from "./root";
import { insertFirstAdministrator } from "./services/accounts/first-admin";
import { issueOneTimePassword } from "./services/accounts/one-time-password";
import { audit, systemActor } from "./services/audit";
import { SESSION_COOKIE } from "./services/auth";
import { createCallerFactory } from "./trpc";

/**
 * The demo hall of SPEC §9 (the county hall of the 2023 annual report), set up the way a real
 * hall's administrator sets one up: its first administrator signs in with the one-time password,
 * chooses a password and calls the console's procedures — 大厅设置, 部门管理, the 事项目录 import
 * (dry run, then apply) of the 1,444 items as a CSV file, 窗口管理 with each window's departments
 * and items, its evaluator, 工作人员 with their home window, 账号管理 — whose accounts then get
 * the demo's published passwords. Only then is the simulated history bulk-loaded,
 * keyed by the ids those procedures returned. The demo so proves the set-up path on every start.
 */

export interface TDemoAccount {
  username: string;
  password: string;
  role: TRole;
  displayName: string;
  note: string;
}

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

interface TAccountPlan {
  username: string;
  role: TRole;
  displayName: string;
  note: string;
  departmentKey?: string;
}

const HALL_ACCOUNTS: readonly TAccountPlan[] = [
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

/** Accounts created at once: each hashes its one-time password with argon2 on one of libuv's four threads. */
const ACCOUNT_CONCURRENCY = 4;

const createCaller = createCallerFactory(appRouter);
type TCaller = ReturnType<typeof createCaller>;

/** A demo password: random, and one the password rules accept for each of the usernames that share it. */
function demoPassword(...usernames: string[]): string {
  for (;;) {
    const password = randomBytes(12).toString("base64url");
    if (usernames.every((username) => passwordProblem(password, username) === null)) return password;
  }
}

/** Runs `task` over `items`, at most `limit` at a time, answering in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      // The index was taken below the length just above.
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

/** Callers as the console makes them: anonymous, or carrying the session cookie a sign-in set. */
function consoleClient(deps: TApiDeps) {
  const callerWith = async (sessionToken: string | null, cookies: string[] = []): Promise<TCaller> =>
    createCaller(
      await createContext(deps, {
        sessionToken,
        deviceToken: null,
        ip: null,
        setCookie: (cookie) => cookies.push(cookie),
      }),
    );

  /**
   * Signs in with the one-time password and chooses `password` (修改密码, required at the first
   * sign-in); answers a caller of the same session, which the change kept, read afresh.
   */
  async function firstSignIn(username: string, oneTimePassword: string, password: string): Promise<TCaller> {
    const cookies: string[] = [];
    await (await callerWith(null, cookies)).auth.signIn({ username, password: oneTimePassword });
    const header = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    const token = header ? parse(header)[SESSION_COOKIE] : undefined;
    if (!token) throw new Error(`signing in as ${username} set no session cookie`);
    await (await callerWith(token)).auth.changePassword({ currentPassword: oneTimePassword, newPassword: password });
    return callerWith(token);
  }

  return { firstSignIn };
}

/**
 * The demo's published passwords replace the one-time passwords 账号管理 issued, which nobody
 * will read: the demo's users sign in with the credentials file's passwords and need not change
 * them. Each distinct password is hashed once (the staff share one); one transaction, audited.
 */
async function publishPasswords(deps: TApiDeps, accounts: readonly { userId: number; password: string }[]) {
  const distinct = [...new Set(accounts.map((account) => account.password))];
  const hashes = new Map(
    await Promise.all(distinct.map(async (password) => [password, await hashPassword(password)] as const)),
  );
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction().execute(async (trx) => {
    for (const account of accounts)
      await setUserPassword(trx, account.userId, hashes.get(account.password) ?? "", { mustChange: false });
    for (const account of accounts)
      await audit(trx, systemActor(now), { action: "account.demoPassword", entity: "user", entityId: account.userId });
  });
}

/** The hall's catalogue as the province's export, without 受理窗口: the windows, made later, name their items. */
function catalogueFile(catalog: TDemoCatalog) {
  const columns = DEMO_CATALOGUE_HEADER.length - 1;
  const rows = [DEMO_CATALOGUE_HEADER, ...demoCatalogueRows(catalog)].map((row) => row.slice(0, columns));
  return {
    fileName: "事项目录.csv",
    content: stringify(rows, { record_delimiter: "\r\n" }),
    encoding: "text" as const,
  };
}

/** Builds the hall's structure through the procedures, as its first administrator; the ids in the catalogue's order. */
async function setUpHall(
  deps: TApiDeps,
  catalog: TDemoCatalog,
  log: (line: string) => void,
): Promise<{ ids: TDemoHallIds; accounts: TDemoAccount[] }> {
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

  await admin.hall.update({
    name: DEMO_HALL.name,
    regionCode: DEMO_HALL.regionCode,
    address: "",
    openingHours: DEFAULT_OPENING_HOURS,
  });
  // One after another: each new department goes after the others (部门管理's order is the catalogue's).
  const departmentIds: number[] = [];
  for (const department of catalog.departments) {
    const { id } = await admin.department.create({ name: department.name, creditCode: department.code });
    departmentIds.push(id);
  }

  const file = catalogueFile(catalog);
  const preview = await admin.catalogue.previewImport(file);
  if (preview.refused.length > 0 || preview.added.length !== catalog.items.length)
    throw new Error(
      `the demo catalogue's dry run adds ${preview.added.length} of ${catalog.items.length} items and refuses ${preview.refused.length} rows: ${JSON.stringify(preview.refused.slice(0, 3))}`,
    );
  await admin.catalogue.applyImport({ file, planHash: preview.planHash, validRowsOnly: false });
  const itemIdOf = new Map(
    (
      await listHallItemsByCode(
        deps.db,
        hallId,
        catalog.items.map((item) => item.code),
      )
    ).map((item) => [item.code, item.id]),
  );
  const itemIds = catalog.items.map((item) => {
    const id = itemIdOf.get(item.code);
    if (id === undefined) throw new Error(`the import did not add item ${item.code}`);
    return id;
  });

  const departmentIndex = new Map(catalog.departments.map((department, index) => [department.key, index]));
  const idOfDepartment = (key: string): number => {
    const id = departmentIds[departmentIndex.get(key) ?? -1];
    if (id === undefined) throw new Error(`the demo hall has no department ${key}`);
    return id;
  };
  const windowIds: number[] = [];
  for (const [index, window] of catalog.windows.entries()) {
    const own = window.departmentIndex === null ? [] : [departmentIds[window.departmentIndex] ?? 0];
    const { windowId } = await admin.windowAdmin.create({
      code: window.code,
      name: window.name,
      kind: window.kind,
      // A 专业 window's own department first: it is the window's department.
      departmentIds: [...new Set([...own, ...window.serves.map(idOfDepartment)])],
      itemCodes: catalog.items.filter((item) => item.windows.includes(index)).map((item) => item.code),
      sortOrder: index + 1,
    });
    await admin.device.create({ windowId });
    windowIds.push(windowId);
  }

  const staffIds: number[] = [];
  for (const member of catalog.staff) {
    const { staffId } = await admin.staff.create({
      badgeNo: member.badgeNo,
      name: member.name,
      departmentId: departmentIds[member.departmentIndex] ?? 0,
      windowIds: [windowIds[member.windowIndex] ?? 0],
      certificateNo: "",
      certificateExpiresOn: "",
    });
    staffIds.push(staffId);
  }
  log(
    `hall ${DEMO_HALL.name}: ${departmentIds.length} departments, ${itemIds.length} items, ${windowIds.length} windows with their evaluators, ${staffIds.length} staff (${seconds()} s)`,
  );

  // Every account as 账号管理 creates it, then with the password the credentials file shows.
  const staffPassword = demoPassword(...catalog.staff.map((member) => member.badgeNo.toLowerCase()));
  const plans = [
    ...otherPlans.map((plan) => ({
      username: plan.username,
      displayName: plan.displayName,
      role: plan.role,
      departmentId: plan.departmentKey === undefined ? null : idOfDepartment(plan.departmentKey),
      staffId: null,
      password: demoPassword(plan.username),
    })),
    ...catalog.staff.map((member, index) => ({
      username: member.badgeNo.toLowerCase(),
      displayName: member.name,
      role: "window_staff" as const,
      departmentId: null,
      staffId: staffIds[index] ?? 0,
      password: staffPassword,
    })),
  ];
  const userIds = await inParallel(
    plans,
    ACCOUNT_CONCURRENCY,
    async ({ password: _published, ...account }) => (await admin.account.create(account)).userId,
  );
  await admin.auth.signOut();
  await publishPasswords(
    deps,
    plans.map((plan, index) => ({ userId: userIds[index] ?? 0, password: plan.password })),
  );
  log(`${plans.length + 1} accounts (${seconds()} s)`);

  const passwordOf = new Map(plans.map((plan) => [plan.username, plan.password]));
  const accounts: TDemoAccount[] = HALL_ACCOUNTS.map((plan) => ({
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
  return { ids: { hallId, departmentIds, itemIds, windowIds, staffIds }, accounts };
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
  if (await isDemoHallSeeded(db)) throw new Error(`the demo hall (${DEMO_HALL.code}) is already seeded`);

  const catalog = buildDemoCatalog(DEMO_HALL.regionCode);
  const deps: TApiDeps = {
    db,
    bus: new WindowBus(),
    dataKey: options.dataKey ?? randomBytes(32),
    // Set up the day before its simulated year: item versions, accounts and their audit records come first.
    now: () => DEMO_SET_UP_AT,
  };
  const { ids, accounts } = await setUpHall(deps, catalog, log);
  const history = await loadDemoHistory(db, catalog, ids, {
    scale,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    hallId: ids.hallId,
    departments: ids.departmentIds.length,
    serviceItems: ids.itemIds.length,
    windows: ids.windowIds.length,
    staff: ids.staffIds.length,
    ...history,
    accounts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
