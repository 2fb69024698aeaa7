import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import { sql, type Insertable } from "kysely";

import { hallDate, NATIONAL_REASON_VERSION, type TRole } from "@hcp/domain";

import type { Db } from "../client";
import { hashPassword } from "../passwords";
import { withBulkLoad } from "../repositories/rollup";
import { insertRatingSignals } from "../repositories/signal";
import type { Database, NewCase, NewRating, NewRatingSignal, NewUser } from "../schema";
import { buildDemoCatalog, type TDemoCatalog } from "./catalog";
import { switchOnDemoDefaultRatings } from "./default-ratings";
import {
  planRecentDays,
  simulateRecentDays,
  simulateYear,
  type TSimCase,
  type TSimDay,
  type TSimRating,
} from "./simulation";
import { insertDemoWorkOrders } from "./work-orders";

export { buildDemoCatalog, DEMO_INSTANT_SHARE, DEMO_ITEM_COUNT } from "./catalog";
export type { TDemoCatalog } from "./catalog";
export {
  DEMO_CASES,
  DEMO_RATINGS,
  DEMO_YEAR,
  planDays,
  planRecentDays,
  recentPeriodStart,
  simulateRecentDays,
  simulateYear,
} from "./simulation";
export { WINDOWS as DEMO_WINDOWS } from "./windows";

export interface TDemoAccount {
  username: string;
  password: string;
  role: TRole;
  displayName: string;
  note: string;
}

export interface TDemoSeedResult {
  hallId: number;
  departments: number;
  serviceItems: number;
  windows: number;
  staff: number;
  /** 2023's cases and first ratings */
  cases: number;
  ratings: number;
  /** the recent days' cases and first ratings (0 without `now`) */
  recentCases: number;
  recentRatings: number;
  /** default ratings of the recent days (the hall switched them on at their start; 0 without `now`) */
  defaultRatings: number;
  /** evaluator prompts (rated and timed out) and misuse signals, over both periods */
  prompts: number;
  signals: number;
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
}

export const DEMO_HALL = {
  code: "DEMO",
  name: "示范县政务服务中心",
  regionCode: "330100",
  ratingWindowDays: 7,
} as const;

// Rows per statement: a case row is about 300 bytes, so a batch stays far below max_allowed_packet.
const CASE_BATCH = 4000;
const RATING_BATCH = 4000;
const REASON_BATCH = 8000;

/** Users are stamped as created just before the simulated year starts. */
const ACCOUNTS_CREATED_AT = new Date("2022-12-30T01:00:00Z");

export async function isDemoHallSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom("hall").select("id").where("code", "=", DEMO_HALL.code).executeTakeFirst();
  return row !== undefined;
}

function newPassword(): string {
  return randomBytes(12).toString("base64url");
}

interface TCatalogIds {
  hallId: number;
  departmentIds: number[];
  itemIds: number[];
  windowIds: number[];
  staffIds: number[];
}

function idsByCode<T extends string>(
  rows: readonly { id: number; code: T }[],
  codes: readonly T[],
  what: string,
): number[] {
  const byCode = new Map(rows.map((row) => [row.code, Number(row.id)]));
  return codes.map((code) => {
    const id = byCode.get(code);
    if (id === undefined) throw new Error(`${what} ${code} was not inserted`);
    return id;
  });
}

async function insertCatalog(db: Db, catalog: TDemoCatalog): Promise<TCatalogIds> {
  const hall = await db
    .insertInto("hall")
    .values({
      code: DEMO_HALL.code,
      name: DEMO_HALL.name,
      region_code: DEMO_HALL.regionCode,
      rating_window_days: DEMO_HALL.ratingWindowDays,
    })
    .executeTakeFirstOrThrow();
  const hallId = Number(hall.insertId);

  await db
    .insertInto("department")
    .values(catalog.departments.map((d) => ({ hall_id: hallId, code: d.code, name: d.name, sort_order: d.sortOrder })))
    .execute();
  const departmentRows = await db
    .selectFrom("department")
    .select(["id", "code"])
    .where("hall_id", "=", hallId)
    .execute();
  const departmentIds = idsByCode(
    departmentRows,
    catalog.departments.map((d) => d.code),
    "department",
  );

  await db
    .insertInto("service_item")
    .values(
      catalog.items.map((item) => ({
        department_id: departmentIds[item.departmentIndex] ?? 0,
        code: item.code,
        name: item.name,
        case_type: item.caseType,
        promised_days: item.promisedDays,
        active: true,
      })),
    )
    .execute();
  const itemRows = await db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .select(["service_item.id", "service_item.code"])
    .where("department.hall_id", "=", hallId)
    .execute();
  const itemIds = idsByCode(
    itemRows,
    catalog.items.map((item) => item.code),
    "service item",
  );

  await db
    .insertInto("window")
    .values(
      catalog.windows.map((window) => ({
        hall_id: hallId,
        code: window.code,
        name: window.name,
        kind: window.kind,
        department_id: window.departmentIndex === null ? null : (departmentIds[window.departmentIndex] ?? null),
        active: true,
      })),
    )
    .execute();
  const windowRows = await db.selectFrom("window").select(["id", "code"]).where("hall_id", "=", hallId).execute();
  const windowIds = idsByCode(
    windowRows,
    catalog.windows.map((window) => window.code),
    "window",
  );

  await db
    .insertInto("staff")
    .values(
      catalog.staff.map((member) => ({
        hall_id: hallId,
        department_id: departmentIds[member.departmentIndex] ?? 0,
        badge_no: member.badgeNo,
        name: member.name,
        photo_url: `/avatars/${member.badgeNo}.svg`,
        active: true,
      })),
    )
    .execute();
  const staffRows = await db
    .selectFrom("staff")
    .select(["id", "badge_no as code"])
    .where("hall_id", "=", hallId)
    .execute();
  const staffIds = idsByCode(
    staffRows,
    catalog.staff.map((member) => member.badgeNo),
    "staff member",
  );

  // Each serves at the window the demo puts them at: their home window (the desk's sign-in checks it).
  await db
    .insertInto("staff_window")
    .values(
      catalog.staff.map((member, index) => ({
        staff_id: staffIds[index] ?? 0,
        window_id: windowIds[member.windowIndex] ?? 0,
        position: 0,
      })),
    )
    .execute();

  // One evaluator per window, registered but not yet paired: pairing hands out the device token.
  await db
    .insertInto("evaluator_device")
    .values(
      catalog.windows.map((window, index) => ({
        window_id: windowIds[index] ?? null,
        device_code: `PJQ-${window.code}`,
        token_hash: null,
        paired_at: null,
        last_seen_at: null,
      })),
    )
    .execute();
  return { hallId, departmentIds, itemIds, windowIds, staffIds };
}

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

/** Hashes each distinct password once (argon2 is slow on purpose) and inserts every account. */
async function insertUsers(db: Db, catalog: TDemoCatalog, ids: TCatalogIds): Promise<TDemoAccount[]> {
  const passwords = HALL_ACCOUNTS.map(() => newPassword());
  const staffPassword = newPassword();
  const [staffHash, ...hashes] = await Promise.all(
    [staffPassword, ...passwords].map((password) => hashPassword(password)),
  );
  const departmentIndex = new Map(catalog.departments.map((department, index) => [department.key, index]));
  const rows: NewUser[] = HALL_ACCOUNTS.map((plan, index) => {
    const deptIndex = plan.departmentKey === undefined ? undefined : departmentIndex.get(plan.departmentKey);
    return {
      username: plan.username,
      password_hash: hashes[index] ?? "",
      display_name: plan.displayName,
      role: plan.role,
      hall_id: ids.hallId,
      department_id: deptIndex === undefined ? null : (ids.departmentIds[deptIndex] ?? null),
      staff_id: null,
      active: true,
      created_at: ACCOUNTS_CREATED_AT,
    };
  });
  catalog.staff.forEach((member, index) => {
    rows.push({
      username: member.badgeNo.toLowerCase(),
      password_hash: staffHash ?? "",
      display_name: member.name,
      role: "window_staff",
      hall_id: ids.hallId,
      department_id: ids.departmentIds[member.departmentIndex] ?? null,
      staff_id: ids.staffIds[index] ?? null,
      active: true,
      created_at: ACCOUNTS_CREATED_AT,
    });
  });
  await db.insertInto("user").values(rows).execute();

  const accounts: TDemoAccount[] = HALL_ACCOUNTS.map((plan, index) => ({
    username: plan.username,
    password: passwords[index] ?? "",
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
  return accounts;
}

type NewRatingPrompt = Insertable<Database["rating_prompt"]>;
type NewWindowPresence = Insertable<Database["window_presence"]>;

interface TDayCounts {
  cases: number;
  ratings: number;
  prompts: number;
  signals: number;
}

interface TLoadContext {
  catalog: TDemoCatalog;
  ids: TCatalogIds;
  reviewerUserId: number;
  /** signals raised before this moment were looked at by the hall manager a day later */
  reviewedBefore: Date;
}

/** Multi-row inserts whose ids are insertId onwards in steps of @@auto_increment_increment. */
async function insertedIds(
  db: Db,
  table: "case" | "rating" | "rating_prompt",
  firstId: number,
  count: number,
  step: number,
): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, index) => firstId + index * step);
  const last = await db
    .selectFrom(table)
    .select("id")
    .where("id", "=", ids.at(-1) ?? 0)
    .executeTakeFirst();
  if (last === undefined) throw new Error(`${table} ids of one insert were not consecutive`);
  return ids;
}

/** Who was signed in at which window: from the first case received to the last one finished. */
function presenceOf(days: readonly TSimCase[][], ids: TCatalogIds, until: Date | null): NewWindowPresence[] {
  const spans = new Map<string, { windowId: number; staffId: number; from: number; to: number }>();
  for (const cases of days) {
    for (const sim of cases) {
      if (sim.windowIndex === null || sim.staffIndex === null) continue;
      const date = hallDate(sim.receivedAt);
      const key = `${date}|${sim.windowIndex}|${sim.staffIndex}`;
      const windowId = ids.windowIds[sim.windowIndex] ?? 0;
      const staffId = ids.staffIds[sim.staffIndex] ?? 0;
      const done =
        sim.completedAt && hallDate(sim.completedAt) === date ? sim.completedAt.getTime() : sim.receivedAt.getTime();
      const span = spans.get(key) ?? { windowId, staffId, from: sim.receivedAt.getTime(), to: done };
      span.from = Math.min(span.from, sim.receivedAt.getTime());
      span.to = Math.max(span.to, done);
      spans.set(key, span);
    }
  }
  const limit = until?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...spans.values()].map((span) => ({
    window_id: span.windowId,
    staff_id: span.staffId,
    signed_in_at: new Date(span.from - 10 * 60_000),
    signed_out_at: new Date(Math.min(span.to + 5 * 60_000, limit)),
  }));
}

/**
 * Loads simulated days with multi-row inserts: cases, the evaluator prompts of their window, the
 * ratings (a tablet rating linked to its prompt), their reasons, their misuse signals and who was
 * signed in at each window.
 */
async function insertDays(
  db: Db,
  context: TLoadContext,
  days: Iterable<TSimDay>,
  log: (line: string) => void,
  until: Date | null = null,
): Promise<TDayCounts> {
  const { catalog, ids } = context;
  // Galera and some replicas step auto-increment ids by more than 1.
  const stepRow = await sql<{ step: number }>`select @@auto_increment_increment as step`.execute(db);
  const step = Number(stepRow.rows[0]?.step ?? 1);

  const caseBuffer: TSimCase[] = [];
  const ratingBuffer: { caseId: number; promptId: number | null; sim: TSimCase; rating: TSimRating }[] = [];
  const reasonBuffer: { rating_id: number; reason_code: string }[] = [];
  const signalBuffer: NewRatingSignal[] = [];
  const presenceDays: TSimCase[][] = [];
  const counters: { name: string; value: number }[] = [];
  const counts: TDayCounts = { cases: 0, ratings: 0, prompts: 0, signals: 0 };

  const flushSide = async (): Promise<void> => {
    if (reasonBuffer.length > 0) await db.insertInto("rating_reason").values(reasonBuffer).execute();
    if (signalBuffer.length > 0) await insertRatingSignals(db, signalBuffer);
    counts.signals += signalBuffer.length;
    reasonBuffer.length = 0;
    signalBuffer.length = 0;
  };

  const flushRatings = async (): Promise<void> => {
    if (ratingBuffer.length === 0) return;
    const rows: NewRating[] = ratingBuffer.map(({ caseId, promptId, sim, rating }) => {
      const item = catalog.items[sim.itemIndex];
      return {
        case_id: caseId,
        seq: 1,
        level: rating.level,
        channel: rating.channel,
        is_default: false,
        comment: rating.comment,
        reason_version: NATIONAL_REASON_VERSION,
        hall_id: ids.hallId,
        department_id: item ? (ids.departmentIds[item.departmentIndex] ?? 0) : 0,
        service_item_id: ids.itemIds[sim.itemIndex] ?? 0,
        window_id: sim.windowIndex === null ? null : (ids.windowIds[sim.windowIndex] ?? null),
        staff_id: sim.staffIndex === null ? null : (ids.staffIds[sim.staffIndex] ?? null),
        prompt_id: promptId,
        idempotency_key: rating.idempotencyKey,
        rated_at: rating.ratedAt,
        received_at: rating.ratedAt,
      };
    });
    const result = await db.insertInto("rating").values(rows).executeTakeFirstOrThrow();
    const ratingIds = await insertedIds(db, "rating", Number(result.insertId), rows.length, step);
    ratingBuffer.forEach(({ caseId, sim, rating }, index) => {
      const ratingId = ratingIds[index] ?? 0;
      for (const code of rating.reasons) reasonBuffer.push({ rating_id: ratingId, reason_code: code });
      for (const signal of rating.signals) {
        const reviewed = rating.ratedAt < context.reviewedBefore;
        signalBuffer.push({
          hall_id: ids.hallId,
          kind: signal.kind,
          rating_id: ratingId,
          case_id: caseId,
          window_id: sim.windowIndex === null ? null : (ids.windowIds[sim.windowIndex] ?? null),
          device_id: null,
          detail: signal.detail,
          created_at: rating.ratedAt,
          reviewed_by: reviewed ? context.reviewerUserId : null,
          reviewed_at: reviewed ? new Date(rating.ratedAt.getTime() + 86_400_000) : null,
        });
      }
    });
    counts.ratings += rows.length;
    ratingBuffer.length = 0;
    if (reasonBuffer.length >= REASON_BATCH) await flushSide();
  };

  const flushCases = async (): Promise<void> => {
    if (caseBuffer.length === 0) return;
    const rows: NewCase[] = caseBuffer.map((sim) => {
      const item = catalog.items[sim.itemIndex];
      if (!item) throw new Error(`item ${sim.itemIndex} is missing from the catalogue`);
      return {
        case_no: sim.caseNo,
        hall_id: ids.hallId,
        department_id: ids.departmentIds[item.departmentIndex] ?? 0,
        service_item_id: ids.itemIds[sim.itemIndex] ?? 0,
        window_id: sim.windowIndex === null ? null : (ids.windowIds[sim.windowIndex] ?? null),
        staff_id: sim.staffIndex === null ? null : (ids.staffIds[sim.staffIndex] ?? null),
        handling_channel: sim.handlingChannel,
        case_type: item.caseType,
        promised_days: item.promisedDays,
        applicant_type: sim.applicantType,
        applicant_name_masked: sim.applicantNameMasked,
        applicant_contact_cipher: null,
        applicant_contact_hash: null,
        status: sim.completedAt === null ? "received" : "completed",
        received_at: sim.receivedAt,
        completed_at: sim.completedAt,
        due_date: sim.dueDate,
      };
    });
    const result = await db.insertInto("case").values(rows).executeTakeFirstOrThrow();
    const caseIds = await insertedIds(db, "case", Number(result.insertId), rows.length, step);
    const prompted = caseBuffer.flatMap((sim, index) =>
      sim.prompt && sim.windowIndex !== null ? [{ sim, prompt: sim.prompt, caseId: caseIds[index] ?? 0 }] : [],
    );
    const promptIdOfCase = new Map<number, number>();
    if (prompted.length > 0) {
      const promptRows: NewRatingPrompt[] = prompted.map(({ sim, prompt, caseId }) => ({
        case_id: caseId,
        window_id: ids.windowIds[sim.windowIndex ?? 0] ?? 0,
        staff_id: sim.staffIndex === null ? null : (ids.staffIds[sim.staffIndex] ?? null),
        status: prompt.status,
        created_at: prompt.createdAt,
        closed_at: prompt.closedAt,
      }));
      const inserted = await db.insertInto("rating_prompt").values(promptRows).executeTakeFirstOrThrow();
      const promptIds = await insertedIds(db, "rating_prompt", Number(inserted.insertId), promptRows.length, step);
      prompted.forEach(({ caseId }, index) => promptIdOfCase.set(caseId, promptIds[index] ?? 0));
      counts.prompts += promptRows.length;
    }
    caseBuffer.forEach((sim, index) => {
      const caseId = caseIds[index] ?? 0;
      const promptId = sim.rating?.channel === 4 ? (promptIdOfCase.get(caseId) ?? null) : null;
      if (sim.rating) ratingBuffer.push({ caseId, promptId, sim, rating: sim.rating });
    });
    counts.cases += rows.length;
    caseBuffer.length = 0;
    if (ratingBuffer.length >= RATING_BATCH) await flushRatings();
  };

  const started = performance.now();
  let month = "";
  let monthCases = 0;
  let monthRatings = 0;
  const logMonth = (): void => {
    if (!month) return;
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `  ${month}: ${monthCases.toLocaleString("en-US")} cases, ${monthRatings.toLocaleString("en-US")} ratings (${elapsed} s)`,
    );
  };
  for (const day of days) {
    if (day.date.slice(0, 7) !== month) {
      logMonth();
      month = day.date.slice(0, 7);
      monthCases = 0;
      monthRatings = 0;
    }
    if (day.cases.length === 0) continue;
    presenceDays.push(day.cases);
    counters.push({ name: `case:${ids.hallId}:${day.date.replaceAll("-", "")}`, value: day.cases.length });
    for (const sim of day.cases) {
      monthCases++;
      if (sim.rating) monthRatings++;
      caseBuffer.push(sim);
      if (caseBuffer.length >= CASE_BATCH) await flushCases();
    }
  }
  await flushCases();
  await flushRatings();
  await flushSide();
  logMonth();
  const presence = presenceOf(presenceDays, ids, until);
  for (let index = 0; index < presence.length; index += CASE_BATCH) {
    await db
      .insertInto("window_presence")
      .values(presence.slice(index, index + CASE_BATCH))
      .execute();
  }
  // Live case numbers continue each day's sequence instead of colliding with the demo's.
  if (counters.length > 0) await db.insertInto("counter").values(counters).execute();
  return counts;
}

/** Who acts on the demo work orders: the hall manager and each department's head, where one exists. */
async function demoReviewers(
  db: Db,
  hallId: number,
): Promise<{ id: number; managerUserId: number; headUserIds: Map<number, number> }> {
  const users = await db
    .selectFrom("user")
    .select(["id", "role", "department_id"])
    .where("hall_id", "=", hallId)
    .where("role", "in", ["hall_manager", "department_head"])
    .execute();
  const manager = users.find((user) => user.role === "hall_manager");
  if (!manager) throw new Error("the demo hall has no hall manager");
  const heads = new Map<number, number>();
  for (const user of users)
    if (user.role === "department_head" && user.department_id !== null) heads.set(user.department_id, user.id);
  return { id: hallId, managerUserId: manager.id, headUserIds: heads };
}

/**
 * The demo hall of SPEC §9: the county hall of the 2023 annual report with its catalogue, windows,
 * staff, evaluators, accounts and a simulated 2023. Deterministic except for the passwords, which
 * are secrets and returned once. Everything is written in one transaction: a failed seed leaves
 * nothing behind.
 */
export async function seedDemoHall(db: Db, options: TDemoSeedOptions = {}): Promise<TDemoSeedResult> {
  const scale = options.scale ?? 1;
  if (!(scale >= 0 && scale <= 10)) throw new Error(`scale must be between 0 and 10, got ${scale}`);
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  if (await isDemoHallSeeded(db)) throw new Error(`the demo hall (${DEMO_HALL.code}) is already seeded`);

  const catalog = buildDemoCatalog(DEMO_HALL.regionCode);
  // One connection, bulk mode: the rollups are rebuilt from the loaded rows in one pass.
  const loaded = await withBulkLoad(
    db,
    (conn) =>
      conn.transaction().execute(async (trx) => {
        const ids = await insertCatalog(trx, catalog);
        const { departments, items, windows, staff } = catalog;
        log(
          `hall ${DEMO_HALL.name}: ${departments.length} departments, ${items.length} items, ${windows.length} windows, ${staff.length} staff`,
        );
        const accounts = await insertUsers(trx, catalog, ids);
        const reviewers = await demoReviewers(trx, ids.hallId);
        log(
          `${HALL_ACCOUNTS.length + catalog.staff.length} accounts; loading ${scale === 1 ? "the" : `${scale} of the`} simulated 2023 …`,
        );
        const context = { catalog, ids, reviewerUserId: reviewers.managerUserId };
        // 2023's signals were all looked at long ago.
        const year = await insertDays(
          trx,
          { ...context, reviewedBefore: new Date(8.64e15) },
          simulateYear(catalog, { regionCode: DEMO_HALL.regionCode, scale }),
          log,
        );
        const recentFrom = options.now ? planRecentDays(options.now, scale)[0]?.date : undefined;
        let recent = { cases: 0, ratings: 0, prompts: 0, signals: 0 };
        if (options.now && recentFrom) {
          log(`the recent days, ${recentFrom} up to now …`);
          // Signals of the last three days are still waiting for the hall manager's look.
          const reviewedBefore = new Date(options.now.getTime() - 3 * 86_400_000);
          const days = simulateRecentDays(catalog, { regionCode: DEMO_HALL.regionCode, scale, now: options.now });
          recent = await insertDays(trx, { ...context, reviewedBefore }, days, log, options.now);
        }
        const workOrders = await insertDemoWorkOrders(
          trx,
          reviewers,
          options.now && recentFrom ? { now: options.now, recentFrom } : null,
        );
        log(`${workOrders} bad reviews with work orders (finished in 2023; live ones in every state)`);
        let defaultRatings = 0;
        if (options.now && recentFrom) {
          const defaultsStarted = performance.now();
          defaultRatings = await switchOnDemoDefaultRatings(trx, ids.hallId, reviewers.managerUserId, options.now);
          const defaultsSeconds = ((performance.now() - defaultsStarted) / 1000).toFixed(1);
          log(
            `${defaultRatings.toLocaleString("en-US")} default ratings of the recent days' cases whose rating window closed unrated (${defaultsSeconds} s)`,
          );
        }
        return { hallId: ids.hallId, accounts, year, recent, defaultRatings };
      }),
    (result) => result.hallId,
  );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const { year, recent } = loaded;
  const count = (n: number) => n.toLocaleString("en-US");
  log(
    `loaded ${count(year.cases)} cases and ${count(year.ratings)} ratings of 2023` +
      (options.now ? `, ${count(recent.cases)} cases and ${count(recent.ratings)} ratings of the recent days` : "") +
      ` in ${seconds} s`,
  );
  return {
    hallId: loaded.hallId,
    departments: catalog.departments.length,
    serviceItems: catalog.items.length,
    windows: catalog.windows.length,
    staff: catalog.staff.length,
    cases: loaded.year.cases,
    ratings: loaded.year.ratings,
    recentCases: loaded.recent.cases,
    recentRatings: loaded.recent.ratings,
    defaultRatings: loaded.defaultRatings,
    prompts: loaded.year.prompts + loaded.recent.prompts,
    signals: loaded.year.signals + loaded.recent.signals,
    accounts: loaded.accounts,
    seconds,
  };
}
