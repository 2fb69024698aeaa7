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

async function write(hall: TCaseHall, day: string, window: 0 | 1 | null, level: TLevel | null): Promise<void> {
  sequence += 1;
  const at = new Date(`${day}T02:00:00Z`);
  await insertFixtureCase(
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
