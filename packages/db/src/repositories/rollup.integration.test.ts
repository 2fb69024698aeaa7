import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import type { TChannel, TLevel } from "@hcp/domain";

import { SeededRandom } from "../seed/random";
import { createHallFixture, fixtureCase, fixtureRating, type THallFixture } from "../testing";
import { useTestDb } from "../testing/test-db";
import { insertCase } from "./case";
import { insertRating } from "./rating";
import { checkRollups, foldRollupChanges, rebuildRollups } from "./rollup";
import { readTallies } from "./tally";

let hall: THallFixture;
const LEVEL_CYCLE: readonly TLevel[] = [1, 2, 3, 4, 5];
const CHANNEL_CYCLE: readonly TChannel[] = [1, 2, 3, 4, 5];

const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

const DAY_MS = 86_400_000;
const START = Date.parse("2023-03-01T01:00:00Z");

async function addCase(caseNo: string, completedAt: Date | null, window: 0 | 1, promised: boolean): Promise<number> {
  const receivedAt = new Date((completedAt ?? new Date(START)).getTime() - 3_600_000);
  return insertCase(
    getDb(),
    fixtureCase(hall, { caseNo, completedAt, receivedAt, window, promised, dueDate: promised ? "2023-03-06" : null }),
  );
}

async function rate(caseId: number, level: TLevel, index: number, ratedAt: Date, isDefault = false): Promise<number> {
  const row = await getDb().selectFrom("case").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
  const rating = fixtureRating(row, {
    level,
    channel: CHANNEL_CYCLE[index % CHANNEL_CYCLE.length] ?? 1,
    isDefault,
    idempotencyKey: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    ratedAt,
  });
  return insertRating(getDb(), rating, level <= 2 ? ["214"] : []);
}

async function exclude(ratingId: number): Promise<void> {
  await getDb()
    .insertInto("rating_exclusion")
    .values({
      rating_id: ratingId,
      reason: "malicious",
      note: "恶意差评",
      approved_by: hall.users.hall_manager.id,
      created_at: new Date(START),
    })
    .execute();
}

describe("rollups", () => {
  test("equal the raw rows after random cases, ratings, defaults, exclusions and completions, folded while writers run", async () => {
    const db = getDb();
    const random = new SeededRandom(20230301);
    const caseIds: number[] = [];
    const ratingIds: number[] = [];
    let ratingIndex = 0;
    // Four writers at once, and a folder racing them: the queue must neither lose nor double a change.
    const writer = async (writerNo: number) => {
      for (let n = 0; n < 40; n += 1) {
        const completedAt =
          random.next() < 0.9 ? new Date(START + Math.floor(random.next() * 45) * DAY_MS + writerNo * 60_000) : null;
        const caseId = await addCase(
          `R-${writerNo}-${n}`,
          completedAt,
          random.next() < 0.5 ? 0 : 1,
          random.next() < 0.3,
        );
        caseIds.push(caseId);
        if (completedAt && random.next() < 0.6) {
          ratingIndex += 1;
          const level = LEVEL_CYCLE[Math.floor(random.next() * 5)] ?? 1;
          const ratedAt = new Date(completedAt.getTime() + Math.floor(random.next() * 3) * DAY_MS);
          ratingIds.push(await rate(caseId, level, ratingIndex, ratedAt, random.next() < 0.1));
        }
      }
    };
    const folder = async () => {
      for (let n = 0; n < 20; n += 1) await foldRollupChanges(db);
    };
    await Promise.all([writer(1), writer(2), writer(3), writer(4), folder()]);

    // Exclusions (appeals upheld), one taken back, and cases completed later.
    for (const ratingId of ratingIds.slice(0, 8)) await exclude(ratingId);
    await db
      .deleteFrom("rating_exclusion")
      .where("rating_id", "=", ratingIds[0] ?? 0)
      .execute();
    await db
      .updateTable("case")
      .set({ status: "completed", completed_at: new Date(START + 25 * DAY_MS) })
      .where("status", "=", "received")
      .execute();
    // A completed case moved to another window (a correction by the business system).
    await db
      .updateTable("case")
      .set({ window_id: hall.windowIds[1] ?? null })
      .where("id", "=", caseIds[3] ?? 0)
      .execute();

    expect(await checkRollups(db)).toEqual([]);
    // Day rollups for a month split by the end of the rating window; month rollups for whole
    // months wholly closed or wholly open: each must say what the raw rows say.
    const periods = [
      { from: "2023-03-01", to: "2023-03-31", closedBefore: "2023-03-15" },
      { from: "2023-03-01", to: "2023-03-31", closedBefore: "2023-04-01" },
      { from: "2023-03-01", to: "2023-04-30", closedBefore: "2023-04-10" },
      { from: "2023-03-01", to: "2023-04-30", closedBefore: "2023-05-09" },
      { from: "2023-04-01", to: "2023-04-30", closedBefore: "2023-03-20" },
      { from: "2023-03-01", to: "2023-05-31", closedBefore: "2023-04-01" },
    ];
    for (const period of periods) {
      for (const by of ["hall", "window", "staff", "department", "service_item", "channel", "day", "month"] as const) {
        const filter = { hallId: hall.hallId, ...period, by };
        expect(await readTallies(db, { ...filter, source: "rollup" }), `${by} ${JSON.stringify(period)}`).toEqual(
          await readTallies(db, { ...filter, source: "raw" }),
        );
      }
    }
  });

  test("the check points at a rollup row that no longer matches the raw rows, and a rebuild repairs it", async () => {
    const db = getDb();
    const caseId = await addCase("K-1", new Date(START), 0, false);
    await rate(caseId, 5, 900, new Date(START));
    expect(await checkRollups(db)).toEqual([]);

    // A rating changed behind the platform's back (triggers do not follow an UPDATE of a rating).
    await sql`update rating set level = 1 where case_id = ${caseId}`.execute(db);
    const differences = await checkRollups(db);
    expect(differences).toContainEqual(
      expect.objectContaining({ table: "rollup_window_day", counter: "l5", rollup: 1, raw: 0 }),
    );
    expect(differences).toContainEqual(
      expect.objectContaining({ table: "rollup_window_day", counter: "l1", rollup: 0, raw: 1 }),
    );
    expect(differences).toContainEqual(
      expect.objectContaining({ table: "rollup_window_month", counter: "l1", rollup: 0, raw: 1 }),
    );

    await rebuildRollups(db, hall.hallId);
    expect(await checkRollups(db)).toEqual([]);
  });
});
