import { performance } from "node:perf_hooks";

import type { Db } from "@hcp/db";
import {
  buildTownshipCatalog,
  DEMO_COUNTY,
  DEMO_HALL,
  demoScale,
  demoTownships,
  insertDemoCounty,
  insertDemoTownshipHall,
  loadDemoHistory,
  setDemoUserScope,
  townshipScale,
  type TDemoCatalog,
  type TDemoHallIds,
  type TDemoHistory,
  type TDemoTownship,
} from "@hcp/db/seed";

import type { TApiDeps } from "./context-types";
import {
  setUpDemoCentre,
  structureOf,
  type TDemoSeedOptions,
  type TDemoSeedResult,
  type THallAccount,
} from "./demo-hall";
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
import { audit, systemActor } from "./services/audit";

/**
 * The demo county (issue 16): the county centre as the demo hall has always been, plus its 20
 * township service centres. The county's administrator and leadership are accounts of the county
 * centre's 账号管理 with the county as their scope; the administrator then works in each township
 * centre in turn (切换大厅: the acting hall every per-hall procedure serves) and sets it up through the
 * same procedures as the county centre — 大厅设置, 部门管理, 事项目录导入, 窗口管理 with the
 * evaluators, 工作人员, 账号管理 (the township's manager and window staff). Each centre's
 * history is then bulk-loaded like the county centre's, at a township's volume.
 */

const COUNTY_ACCOUNTS: readonly THallAccount[] = [
  {
    username: "county_admin",
    role: "admin",
    displayName: "县政务服务管理办公室",
    note: "全县系统管理员：县中心和 20 个乡镇便民服务中心的用户、设备和设置（切换大厅）",
  },
  {
    username: "county_lead",
    role: "auditor",
    displayName: "县政府督查室",
    note: "全县领导/督查，只读：各大厅的报表、排名和公开",
  },
];

export interface TDemoTownshipResult extends TDemoHistory {
  hallId: number;
  name: string;
  areaCode: string;
  defaultRating: boolean;
  departments: number;
  serviceItems: number;
  windows: number;
  staff: number;
}

export interface TDemoCountySeedOptions extends TDemoSeedOptions {
  /** the township centres' own fraction of their year (default: `scale`), for tests of their volumes */
  townshipScale?: number;
}

export interface TDemoCountySeedResult extends TDemoSeedResult {
  countyId: number;
  townships: TDemoTownshipResult[];
}

interface TTownshipSetUp {
  township: TDemoTownship;
  catalog: TDemoCatalog;
  ids: TDemoHallIds;
}

/** The county row, the county accounts' scope and the blank township halls: one transaction, audited. */
async function insertCounty(
  deps: TApiDeps,
  centreHallId: number,
  countyUserIds: readonly number[],
  townships: readonly TDemoTownship[],
): Promise<{ countyId: number; hallIds: number[] }> {
  const actor = systemActor(deps.now?.() ?? new Date());
  return deps.db.transaction().execute(async (trx) => {
    const countyId = await insertDemoCounty(trx, centreHallId);
    for (const userId of countyUserIds) {
      await setDemoUserScope(trx, userId, "county");
      await audit(trx, actor, {
        action: "account.demoScope",
        entity: "user",
        entityId: userId,
        before: { scope: "hall" },
        after: { scope: "county" },
      });
    }
    const hallIds: number[] = [];
    for (const township of townships) {
      const hallId = await insertDemoTownshipHall(trx, countyId, township);
      await audit(trx, actor, {
        action: "hall.demoTownship",
        entity: "hall",
        entityId: hallId,
        before: null,
        after: { code: township.hallCode, areaCode: township.areaCode, county: DEMO_COUNTY.areaCode },
      });
      hallIds.push(hallId);
    }
    return { countyId, hallIds };
  });
}

/**
 * Every township centre set up by the county's administrator, working in each in turn, with its
 * manager's and window staff's accounts; the demo accounts to print for them.
 */
async function setUpTownships(
  deps: TApiDeps,
  countyAdmin: { username: string; password: string },
  townships: readonly TDemoTownship[],
  hallIds: readonly number[],
): Promise<{ setUps: TTownshipSetUp[]; accounts: TDemoAccount[] }> {
  const { signIn, callerWith } = consoleClient(deps);
  const token = await signIn(countyAdmin.username, countyAdmin.password);
  const managerUsernames = townships.map((township) => `${township.hallCode.slice(5).toLowerCase()}.manager`);
  const managerPassword = demoPassword(...managerUsernames);
  const catalogs = townships.map((township) => buildTownshipCatalog(township));
  const staffPassword = demoPassword(
    ...catalogs.flatMap((catalog) => catalog.staff.map((member) => member.badgeNo.toLowerCase())),
  );
  const setUps: TTownshipSetUp[] = [];
  const plans: TAccountPlan[] = [];
  const userIds: number[] = [];
  for (const [index, township] of townships.entries()) {
    const catalog = catalogs[index];
    const hallId = hallIds[index];
    if (!catalog || hallId === undefined) throw new Error(`township ${township.name} has no hall`);
    // 切换大厅, as the console's hall switcher does: the session works in that township from now on.
    await (await callerWith(token)).county.actIn({ hallId });
    const admin = await callerWith(token);
    const ids = await setUpHallStructure(
      admin,
      deps,
      { id: hallId, name: township.name, regionCode: DEMO_HALL.regionCode },
      catalog,
    );
    const townshipPlans: TAccountPlan[] = [
      {
        username: managerUsernames[index] ?? "",
        displayName: `${township.name}主任`,
        role: "hall_manager",
        departmentId: null,
        staffId: null,
        password: managerPassword,
      },
      ...staffAccountPlans(catalog, ids, staffPassword),
    ];
    userIds.push(...(await createAccounts(admin, townshipPlans)));
    plans.push(...townshipPlans);
    setUps.push({ township, catalog, ids });
  }
  await (await callerWith(token)).auth.signOut();
  await publishPasswords(
    deps,
    plans.map((plan, index) => ({ userId: userIds[index] ?? 0, password: plan.password })),
  );

  const first = setUps[0];
  const staffCount = catalogs.reduce((sum, catalog) => sum + catalog.staff.length, 0);
  const member = first?.catalog.staff[0];
  const window = member ? first.catalog.windows[member.windowIndex] : undefined;
  const accounts: TDemoAccount[] = [
    {
      username: managerUsernames[0] ?? "",
      password: managerPassword,
      role: "hall_manager",
      displayName: `${first?.township.name ?? ""}主任`,
      note: `乡镇大厅管理员，只管本中心；全部 ${townships.length} 个乡镇管理员账号（${managerUsernames[0] ?? ""} … ${managerUsernames.at(-1) ?? ""}）共用此密码`,
    },
  ];
  if (member)
    accounts.push({
      username: member.badgeNo.toLowerCase(),
      password: staffPassword,
      role: "window_staff",
      displayName: member.name,
      note: `乡镇窗口工作人员，${first.township.name} ${window?.code ?? ""} ${window?.name ?? ""}；全部 ${staffCount} 个乡镇窗口账号共用此密码`,
    });
  return { setUps, accounts };
}

/** Loads each township centre's history, one centre (one transaction) after another. */
async function loadTownshipHistories(
  db: Db,
  setUps: readonly TTownshipSetUp[],
  options: { scale: number; now?: Date },
): Promise<TDemoTownshipResult[]> {
  const results: TDemoTownshipResult[] = [];
  for (const { township, catalog, ids } of setUps) {
    const history = await loadDemoHistory(db, catalog, ids, {
      scale: townshipScale(township, options.scale),
      caseNoPrefix: township.areaCode,
      // Each centre its own stream of cases.
      seed: Math.imul(township.number, 0x9e37_79b1) >>> 0,
      defaultRating: township.defaultRating,
      ...(options.now ? { now: options.now } : {}),
    });
    results.push({
      ...structureOf(ids),
      ...history,
      name: township.name,
      areaCode: township.areaCode,
      defaultRating: township.defaultRating,
    });
  }
  return results;
}

/**
 * Sets up the demo county — the county centre, the county, its 20 township centres — and loads
 * every centre's history. The county centre's history loads while the townships are being set
 * up (they share no rows); the townships' histories follow. Deterministic except for the
 * passwords. A failure part-way leaves what got done: start over on an empty database.
 */
export async function seedDemoCounty(db: Db, options: TDemoCountySeedOptions = {}): Promise<TDemoCountySeedResult> {
  const scale = demoScale(options.scale);
  const ofTownships = demoScale(options.townshipScale ?? scale);
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const centre = await setUpDemoCentre(db, {
    log,
    extraAccounts: COUNTY_ACCOUNTS,
    ...(options.dataKey ? { dataKey: options.dataKey } : {}),
  });
  const townships = demoTownships(DEMO_HALL.regionCode);
  const countyUserIds = COUNTY_ACCOUNTS.map((account) => centre.userIdOf.get(account.username) ?? 0);
  const { countyId, hallIds } = await insertCounty(centre.deps, centre.ids.hallId, countyUserIds, townships);
  const countyAdmin = centre.accounts.find((account) => account.username === COUNTY_ACCOUNTS[0]?.username);
  if (!countyAdmin) throw new Error("the demo county has no administrator");

  const [history, townshipSetUp] = await Promise.all([
    loadDemoHistory(db, centre.catalog, centre.ids, { scale, log, ...(options.now ? { now: options.now } : {}) }),
    setUpTownships(centre.deps, countyAdmin, townships, hallIds).then((setUp) => {
      log(`${townships.length} township centres set up by the county's administrator (${seconds()} s)`);
      return setUp;
    }),
  ]);
  const townshipResults = await loadTownshipHistories(db, townshipSetUp.setUps, {
    scale: ofTownships,
    ...(options.now ? { now: options.now } : {}),
  });
  const count = (n: number) => n.toLocaleString("en-US");
  const sum = (pick: (result: TDemoTownshipResult) => number) =>
    townshipResults.reduce((total, result) => total + pick(result), 0);
  log(
    `${townshipResults.length} township centres loaded: 2023 ${count(sum((t) => t.cases))} cases, ${count(sum((t) => t.ratings))} ratings; ` +
      `recent days ${count(sum((t) => t.recentCases))} cases, ${count(sum((t) => t.defaultRatings))} default ratings (${seconds()} s)`,
  );
  return {
    ...structureOf(centre.ids),
    ...history,
    accounts: [...centre.accounts, ...townshipSetUp.accounts],
    countyId,
    townships: townshipResults,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
