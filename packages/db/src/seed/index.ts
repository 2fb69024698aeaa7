import { performance } from "node:perf_hooks";

import { sql, type Insertable } from "kysely";

import { hallDate, NATIONAL_REASON_VERSION } from "@hcp/domain";

import type { Db } from "../client";
import { withBulkLoad } from "../repositories/rollup";
import { insertRatingSignals } from "../repositories/signal";
import type { Database, NewCase, NewRating, NewRatingSignal } from "../schema";
import type { TDemoCatalog } from "./catalog";
import { switchOnDemoDefaultRatings } from "./default-ratings";
import { DEMO_HALL } from "./hall";
import {
  planRecentDays,
  simulateRecentDays,
  simulateYear,
  type TSimCase,
  type TSimDay,
  type TSimRating,
} from "./simulation";
import { insertDemoWorkOrders } from "./work-orders";

export {
  buildDemoCatalog,
  DEMO_CATALOGUE_HEADER,
  DEMO_INSTANT_SHARE,
  DEMO_ITEM_COUNT,
  demoCatalogueRows,
} from "./catalog";
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
export { DEMO_HALL } from "./hall";
export { DEMO_COUNTY, insertDemoCounty, insertDemoTownshipHall, isDemoCountySeeded, setDemoUserScope } from "./county";
export { buildTownshipCatalog, demoTownships, townshipScale, type TDemoTownship } from "./townships";

/** What the simulated history added, for the start-up line. */
export interface TDemoHistory {
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
}

export interface TDemoHistoryOptions {
  /** fraction of the 2023 year's cases and ratings to load, default 1 */
  scale?: number;
  /**
   * Also simulate the hall's recent days, from the first of last month up to this moment, at the
   * same scale: 今日, 本月, the live overview and open work orders then show activity.
   */
  now?: Date;
  log?: (line: string) => void;
  /** the case numbers' prefix: the county centre's region code by default, a township centre's area code */
  caseNoPrefix?: string;
  /** a township centre's own stream of cases; the county centre's by default */
  seed?: number;
  /** whether the province's default rating is switched on at the start of the recent days (default: yes) */
  defaultRating?: boolean;
}

// Rows per statement: a case row is about 300 bytes, so a batch stays far below max_allowed_packet.
const CASE_BATCH = 4000;
const RATING_BATCH = 4000;
const REASON_BATCH = 8000;

/**
 * The demo hall is set up the day before its simulated year: the catalogue's versions, the
 * accounts and the audit trail of the set-up all date from before the first case.
 */
export const DEMO_SET_UP_AT = new Date("2022-12-30T01:00:00Z");

/** The fraction of the 2023 year to load (default all of it), refused outside 0–10. */
export function demoScale(scale = 1): number {
  if (!(scale >= 0 && scale <= 10)) throw new Error(`scale must be between 0 and 10, got ${scale}`);
  return scale;
}

export async function isDemoHallSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom("hall").select("id").where("code", "=", DEMO_HALL.code).executeTakeFirst();
  return row !== undefined;
}

/**
 * The ids the demo hall's structure was given when it was built (through the platform's own
 * services, see @hcp/api's demo hall), in the catalogue's order: what the simulated history points at.
 */
export interface TDemoHallIds {
  hallId: number;
  departmentIds: number[];
  itemIds: number[];
  windowIds: number[];
  staffIds: number[];
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
  ids: TDemoHallIds;
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
function presenceOf(days: readonly TSimCase[][], ids: TDemoHallIds, until: Date | null): NewWindowPresence[] {
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
 * The demo hall's history (SPEC §9): a simulated 2023 and, with `now`, the recent days, keyed by
 * the ids its structure was built with — cases, evaluator prompts, ratings with their reasons,
 * misuse signals, who was signed in where, work orders and default ratings. A bulk load in one
 * transaction on one connection (the rollups rebuilt from the rows afterwards): a failed load
 * leaves no history behind. Deterministic for a given catalogue, scale and `now`.
 */
export async function loadDemoHistory(
  db: Db,
  catalog: TDemoCatalog,
  ids: TDemoHallIds,
  options: TDemoHistoryOptions = {},
): Promise<TDemoHistory> {
  const scale = demoScale(options.scale);
  const log = options.log ?? (() => undefined);
  const caseNoPrefix = options.caseNoPrefix ?? DEMO_HALL.regionCode;
  const started = performance.now();
  const loaded = await withBulkLoad(
    db,
    (conn) =>
      conn.transaction().execute(async (trx) => {
        const reviewers = await demoReviewers(trx, ids.hallId);
        log(`loading ${scale === 1 ? "the" : `${scale} of the`} simulated 2023 …`);
        const context = { catalog, ids, reviewerUserId: reviewers.managerUserId };
        // 2023's signals were all looked at long ago.
        const year = await insertDays(
          trx,
          { ...context, reviewedBefore: new Date(8.64e15) },
          simulateYear(catalog, { regionCode: caseNoPrefix, scale, seed: options.seed }),
          log,
        );
        const recentFrom = options.now ? planRecentDays(options.now, scale)[0]?.date : undefined;
        let recent = { cases: 0, ratings: 0, prompts: 0, signals: 0 };
        if (options.now && recentFrom) {
          log(`the recent days, ${recentFrom} up to now …`);
          // Signals of the last three days are still waiting for the hall manager's look.
          const reviewedBefore = new Date(options.now.getTime() - 3 * 86_400_000);
          const days = simulateRecentDays(catalog, {
            regionCode: caseNoPrefix,
            scale,
            now: options.now,
            seed: options.seed,
          });
          recent = await insertDays(trx, { ...context, reviewedBefore }, days, log, options.now);
        }
        const workOrders = await insertDemoWorkOrders(
          trx,
          reviewers,
          options.now && recentFrom ? { now: options.now, recentFrom } : null,
        );
        log(`${workOrders} bad reviews with work orders (finished in 2023; live ones in every state)`);
        let defaultRatings = 0;
        if (options.now && recentFrom && options.defaultRating !== false) {
          const defaultsStarted = performance.now();
          defaultRatings = await switchOnDemoDefaultRatings(trx, ids.hallId, reviewers.managerUserId, options.now);
          const defaultsSeconds = ((performance.now() - defaultsStarted) / 1000).toFixed(1);
          log(
            `${defaultRatings.toLocaleString("en-US")} default ratings of the recent days' cases whose rating window closed unrated (${defaultsSeconds} s)`,
          );
        }
        return { year, recent, defaultRatings };
      }),
    () => ids.hallId,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { year, recent } = loaded;
  const count = (n: number) => n.toLocaleString("en-US");
  log(
    `loaded ${count(year.cases)} cases and ${count(year.ratings)} ratings of 2023` +
      (options.now ? `, ${count(recent.cases)} cases and ${count(recent.ratings)} ratings of the recent days` : "") +
      ` in ${seconds} s`,
  );
  return {
    cases: year.cases,
    ratings: year.ratings,
    recentCases: recent.cases,
    recentRatings: recent.ratings,
    defaultRatings: loaded.defaultRatings,
    prompts: year.prompts + recent.prompts,
    signals: year.signals + recent.signals,
  };
}
