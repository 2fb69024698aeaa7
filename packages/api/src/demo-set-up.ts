import { randomBytes } from "node:crypto";

import { parse } from "cookie";
import { stringify } from "csv-stringify/sync";

import { hashPassword, listHallItemsByCode, setUserPassword } from "@hcp/db";
import { DEMO_CATALOGUE_HEADER, demoCatalogueRows, type TDemoCatalog, type TDemoHallIds } from "@hcp/db/seed";
import { DEFAULT_OPENING_HOURS, passwordProblem, type TRole } from "@hcp/domain";

import { createContext } from "./context";
import type { TApiDeps } from "./context-types";
import { appRouter } from "./root";
import { audit, systemActor } from "./services/audit";
import { SESSION_COOKIE } from "./services/auth";
import { createCallerFactory } from "./trpc";

/**
 * What setting up a demo hall through the console's procedures takes, whoever does it: the
 * county centre's first administrator in their own hall, or the county's administrator working
 * in a township centre.
 */

export interface TDemoAccount {
  username: string;
  password: string;
  role: TRole;
  displayName: string;
  note: string;
}

/** An account as 账号管理 creates it, with the password the credentials file will show. */
export interface TAccountPlan {
  username: string;
  displayName: string;
  role: TRole;
  departmentId: number | null;
  staffId: number | null;
  password: string;
}

/** Accounts created at once: each hashes its one-time password with argon2 on one of libuv's four threads. */
const ACCOUNT_CONCURRENCY = 4;

const createCaller = createCallerFactory(appRouter);
export type TCaller = ReturnType<typeof createCaller>;

/** A demo password: random, and one the password rules accept for each of the usernames that share it. */
export function demoPassword(...usernames: string[]): string {
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
export function consoleClient(deps: TApiDeps) {
  const callerWith = async (sessionToken: string | null, cookies: string[] = []): Promise<TCaller> =>
    createCaller(
      await createContext(deps, {
        sessionToken,
        deviceToken: null,
        ip: null,
        setCookie: (cookie) => cookies.push(cookie),
      }),
    );

  /** Signs in; answers the session's token, from the cookie the sign-in set. */
  async function signIn(username: string, password: string): Promise<string> {
    const cookies: string[] = [];
    await (await callerWith(null, cookies)).auth.signIn({ username, password });
    const header = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    const token = header ? parse(header)[SESSION_COOKIE] : undefined;
    if (!token) throw new Error(`signing in as ${username} set no session cookie`);
    return token;
  }

  /**
   * Signs in with the one-time password and chooses `password` (修改密码, required at the first
   * sign-in); answers a caller of the same session, which the change kept, read afresh.
   */
  async function firstSignIn(username: string, oneTimePassword: string, password: string): Promise<TCaller> {
    const token = await signIn(username, oneTimePassword);
    await (await callerWith(token)).auth.changePassword({ currentPassword: oneTimePassword, newPassword: password });
    return callerWith(token);
  }

  return { callerWith, signIn, firstSignIn };
}

/**
 * The demo's published passwords replace the one-time passwords 账号管理 issued, which nobody
 * will read: the demo's users sign in with the credentials file's passwords and need not change
 * them. Each distinct password is hashed once (the staff share one); one transaction, audited.
 */
export async function publishPasswords(deps: TApiDeps, accounts: readonly { userId: number; password: string }[]) {
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

/** Every account as 账号管理 creates it, a few at a time; the new users' ids in the plans' order. */
export function createAccounts(admin: TCaller, plans: readonly TAccountPlan[]): Promise<number[]> {
  return inParallel(
    plans,
    ACCOUNT_CONCURRENCY,
    async ({ password: _published, ...account }) => (await admin.account.create(account)).userId,
  );
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

/**
 * The hall's structure through the procedures, by an administrator working in it: 大厅设置,
 * 部门管理, the 事项目录 import (dry run, then apply), 窗口管理 with each window's departments,
 * items and evaluator, 工作人员 with their home window. The ids in the catalogue's order.
 */
export async function setUpHallStructure(
  admin: TCaller,
  deps: TApiDeps,
  hall: { id: number; name: string; regionCode: string },
  catalog: TDemoCatalog,
): Promise<TDemoHallIds> {
  await admin.hall.update({
    name: hall.name,
    regionCode: hall.regionCode,
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
        hall.id,
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
  return { hallId: hall.id, departmentIds, itemIds, windowIds, staffIds };
}

/** The window staff's accounts, all with one password (their usernames are their 工号). */
export function staffAccountPlans(catalog: TDemoCatalog, ids: TDemoHallIds, password: string): TAccountPlan[] {
  return catalog.staff.map((member, index) => ({
    username: member.badgeNo.toLowerCase(),
    displayName: member.name,
    role: "window_staff" as const,
    departmentId: null,
    staffId: ids.staffIds[index] ?? 0,
    password,
  }));
}
