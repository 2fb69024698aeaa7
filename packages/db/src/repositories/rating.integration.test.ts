import { describe, expect, test } from "vitest";

import type { TLevel } from "@hcp/domain";

import { createHallFixture, fixtureCase, fixtureRating, type THallFixture } from "../testing";
import { useTestDb } from "../testing/test-db";
import { insertCase } from "./case";
import { nextCounterValue } from "./counter";
import { insertRating } from "./rating";
import { readTallies } from "./tally";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

async function completedCase(caseNo: string, completedAt: Date): Promise<number> {
  return insertCase(getDb(), fixtureCase(hall, { caseNo, completedAt, receivedAt: completedAt }));
}

function ratingRow(caseId: number, level: TLevel, key: string, ratedAt: Date) {
  return fixtureRating(
    { ...fixtureCase(hall, { caseNo: "", completedAt: ratedAt }), id: caseId },
    { level, idempotencyKey: key, ratedAt },
  );
}

describe("rating storage", () => {
  test("the database refuses a second first rating for the same case and keeps no partial rows", async () => {
    const db = getDb();
    const at = new Date("2023-03-01T02:00:00Z");
    const caseId = await completedCase("C-1", at);
    await insertRating(db, ratingRow(caseId, 5, "00000000-0000-4000-8000-000000000001", at), ["517"]);
    await expect(
      insertRating(db, ratingRow(caseId, 1, "00000000-0000-4000-8000-000000000002", at), ["115"]),
    ).rejects.toThrow(/Duplicate entry/);
    const reasons = await db.selectFrom("rating_reason").select("reason_code").execute();
    expect(reasons).toEqual([{ reason_code: "517" }]);
  });

  test("a level outside 1–5 is refused by the database itself", async () => {
    const at = new Date("2023-03-01T02:00:00Z");
    const caseId = await completedCase("C-2", at);
    await expect(
      // @ts-expect-error -- the column's type refuses level 6 as well; this checks the database's own constraint
      insertRating(getDb(), ratingRow(caseId, 6, "00000000-0000-4000-8000-000000000003", at), []),
    ).rejects.toThrow();
  });

  test("tallies count completed cases, rated cases and ratings by level per window", async () => {
    const db = getDb();
    const at = new Date("2023-03-01T02:00:00Z");
    const levels: TLevel[] = [5, 5, 4, 2];
    for (const [index, level] of levels.entries()) {
      const caseId = await completedCase(`T-${index}`, at);
      await insertRating(
        db,
        ratingRow(caseId, level, `00000000-0000-4000-8000-00000000001${index}`, at),
        level <= 2 ? ["214"] : [],
      );
    }
    await completedCase("T-unrated", at);
    for (const source of ["rollup", "raw"] as const) {
      const tallies = await readTallies(db, {
        hallId: hall.hallId,
        from: "2023-03-01",
        to: "2023-03-01",
        by: "window",
        closedBefore: "2023-03-01",
        source,
      });
      const tally = tallies.get(hall.windowIds[0] ?? -1);
      expect([...tallies.keys()]).toEqual([hall.windowIds[0]]);
      expect(tally?.casesCompleted).toBe(5);
      expect(tally?.casesRated).toBe(4);
      expect(tally?.byLevel).toEqual({ 5: 2, 4: 1, 3: 0, 2: 1, 1: 0 });
    }
  });

  test("an excluded rating (appeal upheld) leaves the rates but stays on record", async () => {
    const db = getDb();
    const at = new Date("2023-03-01T02:00:00Z");
    const caseId = await completedCase("X-1", at);
    const ratingId = await insertRating(db, ratingRow(caseId, 1, "00000000-0000-4000-8000-000000000020", at), ["115"]);
    await db
      .insertInto("rating_exclusion")
      .values({
        rating_id: ratingId,
        reason: "malicious",
        note: "恶意差评，经核实",
        approved_by: hall.users.hall_manager.id,
        created_at: at,
      })
      .execute();
    for (const source of ["rollup", "raw"] as const) {
      const tallies = await readTallies(db, {
        hallId: hall.hallId,
        from: "2023-03-01",
        to: "2023-03-01",
        by: "hall",
        closedBefore: "2023-03-09",
        source,
      });
      const tally = tallies.get(null);
      expect(tally?.casesCompleted).toBe(1);
      expect(tally?.casesRated).toBe(0);
      expect(tally?.casesClosedUnrated).toBe(1);
      expect(tally?.byLevel).toEqual({ 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 });
    }
    expect(await db.selectFrom("rating").select("id").execute()).toHaveLength(1);
  });

  test("named counters hand out consecutive values", async () => {
    const db = getDb();
    expect(await nextCounterValue(db, "case:1:20230301")).toBe(1);
    expect(await nextCounterValue(db, "case:1:20230301")).toBe(2);
    expect(await nextCounterValue(db, "case:1:20230302")).toBe(1);
  });
});
