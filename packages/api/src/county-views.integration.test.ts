import { beforeEach, describe, expect, test } from "vitest";

import { hashPassword, insertUser } from "@hcp/db";
import {
  createHallFixture,
  createTownshipsFixture,
  FIXTURE_PASSWORD,
  insertFixtureCase,
  type TCaseHall,
  type THallFixture,
  type TTownshipsFixture,
} from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import type { TLevel } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";

let centre: THallFixture;
let county: TTownshipsFixture;
const TOWNSHIPS = ["城关镇", "东山乡", "西河镇", "南岭乡"];
const getDb = useTestDb({
  seed: async (db) => {
    centre = await createHallFixture(db);
    county = await createTownshipsFixture(db, centre, TOWNSHIPS);
  },
});
// 10 April 2023, 10:00 hall time: March and February are closed months.
const NOW = new Date("2023-04-10T02:00:00Z");
const api = apiHarness(getDb, { now: () => NOW });

const MARCH = { from: "2023-03-01", to: "2023-03-31" };

/** What the test wrote, case by case, to compute every expected figure on its own. */
interface TWritten {
  hallId: number;
  day: string;
  window: 0 | 1 | null;
  level: TLevel | null;
}
let written: TWritten[] = [];
let sequence = 0;

async function write(
  hall: TCaseHall,
  day: string,
  window: 0 | 1 | null,
  level: TLevel | null,
): Promise<{ caseId: number; ratingId: number | null }> {
  sequence += 1;
  const at = new Date(`${day}T02:00:00Z`);
  const ids = await insertFixtureCase(
    getDb(),
    hall,
    {
      caseNo: `C${String(sequence).padStart(7, "0")}`,
      completedAt: at,
      receivedAt: new Date(at.getTime() - 900_000),
      window,
    },
    level === null
      ? undefined
      : {
          level,
          idempotencyKey: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
          ratedAt: at,
          reasons: level <= 2 ? ["214"] : [],
        },
  );
  written.push({ hallId: hall.hallId, day, window, level });
  return ids;
}

/** A work order for a bad review, 待核实 and due to be contacted by `contactDue` (hall-local). */
async function workOrder(hall: TCaseHall, day: string, contactDue: string): Promise<void> {
  const { caseId, ratingId } = await write(hall, day, 0, 1);
  await getDb()
    .insertInto("work_order")
    .values({
      rating_id: ratingId ?? 0,
      case_id: caseId,
      hall_id: hall.hallId,
      department_id: hall.departmentIds[0],
      window_id: hall.windowIds[0],
      staff_id: hall.staffIds[0],
      state: "pending",
      state_before_appeal: null,
      extension: "none",
      extension_days: 0,
      created_at: new Date(`${day}T02:00:00Z`),
      contact_due: contactDue,
      rectify_due: "2023-05-31",
      contacted_at: null,
      rectified_at: null,
      replied_at: null,
      closed_at: null,
      reply: "",
      escalation: 0,
      version: 0,
    })
    .execute();
}

/** `good` 非常满意, `bad` 非常不满意 and `unrated` cases at a hall's window on a day. */
async function batch(
  hall: TCaseHall,
  day: string,
  counts: { good: number; bad?: number; unrated?: number; window?: 0 | 1 | null },
) {
  const window = counts.window === undefined ? 0 : counts.window;
  for (let n = 0; n < counts.good; n += 1) await write(hall, day, window, n % 4 === 0 ? 4 : 5);
  for (let n = 0; n < (counts.bad ?? 0); n += 1) await write(hall, day, window, 1);
  for (let n = 0; n < (counts.unrated ?? 0); n += 1) await write(hall, day, window, null);
}

/** The figures of the written rows in a period (optionally of one hall), counted here, not by the platform. */
function expected(period: { from: string; to: string }, hallId?: number) {
  const rows = written.filter(
    (row) => row.day >= period.from && row.day <= period.to && (hallId === undefined || row.hallId === hallId),
  );
  const rated = rows.filter((row) => row.level !== null);
  return {
    cases: rows.length,
    ratings: rated.length,
    good: rated.filter((row) => (row.level ?? 0) >= 3).length,
    bad: rated.filter((row) => (row.level ?? 0) <= 2).length,
  };
}

function townshipOf(index: number): TCaseHall {
  const township = county.townships[index];
  if (!township) throw new Error(`no township ${index}`);
  return township;
}

/** A township's hall manager, scoped to their hall. */
async function townshipManager(): Promise<string> {
  const username = "township_manager";
  await insertUser(getDb(), {
    username,
    password_hash: await hashPassword(FIXTURE_PASSWORD),
    display_name: "乡镇中心主任",
    role: "hall_manager",
    hall_id: townshipOf(0).hallId,
    department_id: null,
    staff_id: null,
    active: true,
    created_at: new Date(),
  });
  return username;
}

beforeEach(() => {
  written = [];
  sequence = 0;
});

describe("county hall ranking", () => {
  test("ranks the halls by the windows' method, leaves a thin sample unranked and flags 末位 two months running", async () => {
    // February: 西河镇 last of the ranked halls.
    await batch(centre, "2023-02-06", { good: 40 });
    await batch(townshipOf(0), "2023-02-07", { good: 36, bad: 0, unrated: 4 });
    await batch(townshipOf(2), "2023-02-08", { good: 28, bad: 6, unrated: 10 });
    // March: the centre all good, 城关镇 nearly, 东山乡 too few ratings, 西河镇 last again, 南岭乡 in between.
    await batch(centre, "2023-03-06", { good: 50, unrated: 5 });
    await batch(townshipOf(0), "2023-03-07", { good: 38, bad: 1, unrated: 6 });
    await batch(townshipOf(1), "2023-03-08", { good: 12, unrated: 3 });
    await batch(townshipOf(2), "2023-03-09", { good: 30, bad: 8, unrated: 12 });
    await batch(townshipOf(3), "2023-03-10", { good: 33, bad: 2, unrated: 5 });

    const leadership = await api.signedIn(county.users.auditor.username);
    const ranking = await leadership.county.hallRanking(MARCH);
    expect(ranking.population).toEqual({ scope: "county", name: "测试县", listed: 5, ranked: 4 });
    expect(ranking.settings.minSample).toBe(30);
    expect(ranking.rows.map((row) => [row.hall.name, row.rank])).toEqual([
      ["测试县政务服务中心", 1],
      ["城关镇", 2],
      ["南岭乡", 3],
      ["西河镇", 4],
      ["东山乡", null],
    ]);
    const [first, second] = ranking.rows;
    // Each hall's figures are its own rows', counted here.
    for (const row of ranking.rows) {
      const own = expected(MARCH, row.hall.id);
      expect([row.metrics.casesCompleted, row.metrics.validRatings, row.metrics.goodRatings]).toEqual([
        own.cases,
        own.ratings,
        own.good,
      ]);
    }
    expect(ranking.red).toEqual([first?.hall.id, second?.hall.id]);
    const westRiver = townshipOf(2).hallId;
    expect(ranking.black[0]).toBe(westRiver);
    // Last of the ranked in February and in March: 末位.
    expect(ranking.lastTwoMonthsRunning).toBe(westRiver);
    expect(ranking.rows.find((row) => row.hall.id === westRiver)?.lastTwoMonthsRunning).toBe(true);
    expect(ranking.rows.find((row) => row.hall.id === westRiver)?.pulledDownBy).toContain("测试县");
  });

  test("is for county users only: a township's manager and the centre's hall-scoped manager are refused", async () => {
    const township = await api.signedIn(await townshipManager());
    expect(await appCodeOf(township.county.hallRanking(MARCH))).toBe("COUNTY_SCOPE_REQUIRED");
    const manager = await api.signedIn(centre.users.hall_manager.username);
    expect(await appCodeOf(manager.county.hallRanking(MARCH))).toBe("COUNTY_SCOPE_REQUIRED");
  });
});

describe("county overview", () => {
  test("each hall's today and this month, and a county total equal to the sum of the halls' rows", async () => {
    await batch(centre, "2023-04-10", { good: 6, bad: 1, unrated: 3 });
    await batch(centre, "2023-04-03", { good: 20, unrated: 8, window: 1 });
    await batch(centre, "2023-03-31", { good: 9 });
    await batch(townshipOf(0), "2023-04-10", { good: 3, unrated: 2, window: null });
    await batch(townshipOf(1), "2023-04-06", { good: 5, bad: 2 });
    await batch(townshipOf(3), "2023-04-10", { good: 1, bad: 1 });
    // Two bad reviews' work orders: one past its contact deadline (overdue), one not yet.
    await workOrder(townshipOf(1), "2023-04-06", "2023-04-07");
    await workOrder(townshipOf(3), "2023-04-10", "2023-04-11");
    // One township evaluator sent a heartbeat a minute ago, the others never: offline.
    await getDb()
      .updateTable("evaluator_device")
      .set({ last_heartbeat_at: new Date(NOW.getTime() - 60_000) })
      .where("window_id", "=", townshipOf(0).windowIds[0])
      .execute();

    const admin = await api.signedIn(county.users.admin.username);
    const overview = await admin.county.overview();
    expect(overview.today).toEqual({ from: "2023-04-10", to: "2023-04-10" });
    expect(overview.month).toEqual({ from: "2023-04-01", to: "2023-04-10" });
    expect(overview.halls.map((row) => row.hall.name)).toEqual(["测试县政务服务中心", ...TOWNSHIPS]);
    const periods = { today: overview.today, month: overview.month } as const;
    for (const key of ["today", "month"] as const) {
      for (const row of overview.halls) {
        const own = expected(periods[key], row.hall.id);
        const figures = row[key].metrics;
        expect([figures.casesCompleted, figures.validRatings, figures.goodRatings, figures.casesRated]).toEqual([
          own.cases,
          own.ratings,
          own.good,
          own.ratings,
        ]);
      }
      // The county's total is the sum of what the test wrote in every hall, rates divided once.
      const all = expected(periods[key]);
      const total = overview.total[key].metrics;
      expect([total.casesCompleted, total.validRatings, total.goodRatings]).toEqual([all.cases, all.ratings, all.good]);
      expect(total.goodRate).toMatchObject({ num: all.good, den: all.ratings });
      expect(total.ratedRate).toMatchObject({ num: all.ratings, den: all.cases });
    }
    expect(expected(periods.month).cases).toBe(54);
    expect(overview.total.month.metrics.goodRate.text).toBe("85.37%");
    const byName = new Map(overview.halls.map((row) => [row.hall.name, row]));
    expect(byName.get("东山乡")?.month).toMatchObject({ openWorkOrders: 1, overdueWorkOrders: 1 });
    expect(byName.get("南岭乡")?.today).toMatchObject({ openWorkOrders: 1, overdueWorkOrders: 0 });
    expect(overview.total.month).toMatchObject({ openWorkOrders: 2, overdueWorkOrders: 1 });
    expect(byName.get("城关镇")?.evaluators).toEqual({ paired: 2, offline: 1 });
    expect(overview.total.evaluators).toEqual({ paired: 10, offline: 9 });
    // Leadership reads the figures, not the evaluators (device.list is for administrators and managers).
    const leadership = await api.signedIn(county.users.auditor.username);
    expect((await leadership.county.overview()).total.evaluators).toBeNull();
  });

  test("is live: a rating in any hall of the county reaches the county feed, one of another county's does not", async () => {
    const leadership = await api.signedIn(county.users.auditor.username);
    // In-process, tracked() events come as [id, data, …].
    const feed = (await leadership.county.events())[Symbol.asyncIterator]();
    const data = async () => ((await feed.next()).value as unknown as unknown[])[1];
    expect(await data()).toEqual({ type: "ready" });
    api.bus.publishHall(9_999, { type: "ratingRecorded", at: "2023-04-10T02:00:00.000Z" });
    api.bus.publishHall(townshipOf(2).hallId, { type: "ratingRecorded", at: "2023-04-10T02:00:01.000Z" });
    expect(await data()).toEqual({ type: "ratingRecorded", at: "2023-04-10T02:00:01.000Z" });
    await feed.return?.(undefined);
    expect(api.bus.hallListenerCount(townshipOf(2).hallId)).toBe(0);
    const township = await api.signedIn(await townshipManager());
    expect(await appCodeOf(township.county.overview())).toBe("COUNTY_SCOPE_REQUIRED");
  });
});

describe("county window ranking", () => {
  test("ranks every window of the county together, or one hall's windows by that hall's own settings", async () => {
    await batch(centre, "2023-03-06", { good: 40, window: 0 });
    await batch(centre, "2023-03-06", { good: 10, window: 1 });
    await batch(townshipOf(0), "2023-03-07", { good: 33, bad: 3, window: 0 });
    await batch(townshipOf(0), "2023-03-07", { good: 31, bad: 0, unrated: 3, window: 1 });
    await batch(townshipOf(2), "2023-03-08", { good: 30, bad: 9, window: 1 });

    const leadership = await api.signedIn(county.users.auditor.username);
    const across = await leadership.county.windowRanking(MARCH);
    expect(across.population).toMatchObject({ scope: "county", name: "测试县", listed: 10, ranked: 4 });
    expect(across.rows.slice(0, 4).map((row) => [row.hall.name, row.window.code, row.rank])).toEqual([
      ["测试县政务服务中心", "A01", 1],
      ["城关镇", "Z02", 2],
      ["城关镇", "Z01", 3],
      ["西河镇", "Z02", 4],
    ]);
    expect(across.red).toEqual([across.rows[0]?.window.id, across.rows[1]?.window.id]);
    expect(across.black).toEqual([across.rows[3]?.window.id, across.rows[2]?.window.id]);
    const westWindow = across.rows[3];
    expect([westWindow?.metrics.casesCompleted, westWindow?.metrics.badRatings]).toEqual([39, 9]);

    // Within 城关镇 by its own minimum sample, which its manager lowered to 5.
    await getDb().updateTable("hall").set({ ranking_min_sample: 5 }).where("id", "=", townshipOf(0).hallId).execute();
    const within = await leadership.county.windowRanking({ ...MARCH, hallId: townshipOf(0).hallId });
    expect(within.hall?.name).toBe("城关镇");
    expect(within.settings.minSample).toBe(5);
    expect(within.population).toMatchObject({ scope: "hall", name: "城关镇", listed: 2, ranked: 2 });
    expect(within.rows.map((row) => [row.window.code, row.rank])).toEqual([
      ["Z02", 1],
      ["Z01", 2],
    ]);
    // A hall of no county of the caller's is refused as if it did not exist.
    expect(await appCodeOf(leadership.county.windowRanking({ ...MARCH, hallId: 9_999 }))).toBe("HALL_OUTSIDE_SCOPE");
  });
});
