import { describe, expect, test } from "vitest";

import { createHallFixture, fixtureCase, fixtureRating } from "../testing";
import type { THallFixture } from "../testing";
import { useTestDb } from "../testing/test-db";
import { runReadPacket } from "../client";
import { insertCase } from "./case";
import { nextCounterValue } from "./counter";
import { insertPrompt } from "./prompt";
import { insertRating, writeRatingBatch } from "./rating";
import type { TRatingBatchItem } from "./rating";
import { readTallies } from "./tally";
import { newWorkOrderRow, openedEvent } from "./work-order";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

async function completedCase(caseNo: string, completedAt: Date): Promise<number> {
  return insertCase(getDb(), fixtureCase(hall, { caseNo, completedAt, receivedAt: completedAt }));
}

function ratingRow(caseId: number, level: number, key: string, ratedAt: Date) {
  return fixtureRating({ ...fixtureCase(hall, { caseNo: "", completedAt: ratedAt }), id: caseId }, { level, idempotencyKey: key, ratedAt });
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
      insertRating(getDb(), ratingRow(caseId, 6, "00000000-0000-4000-8000-000000000003", at), []),
    ).rejects.toThrow();
  });

  test("tallies count completed cases, rated cases and ratings by level per window", async () => {
    const db = getDb();
    const at = new Date("2023-03-01T02:00:00Z");
    const levels = [5, 5, 4, 2];
    for (const [index, level] of levels.entries()) {
      const caseId = await completedCase(`T-${index}`, at);
      await insertRating(db, ratingRow(caseId, level, `00000000-0000-4000-8000-00000000001${index}`, at), level <= 2 ? ["214"] : []);
    }
    await completedCase("T-unrated", at);
    for (const source of ["rollup", "raw"] as const) {
      const tallies = await readTallies(db, { hallId: hall.hallId, from: "2023-03-01", to: "2023-03-01", by: "window", closedBefore: "2023-03-01", source });
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
      .values({ rating_id: ratingId, reason: "malicious", note: "恶意差评，经核实", approved_by: hall.users.hall_manager.id, created_at: at })
      .execute();
    for (const source of ["rollup", "raw"] as const) {
      const tallies = await readTallies(db, { hallId: hall.hallId, from: "2023-03-01", to: "2023-03-01", by: "hall", closedBefore: "2023-03-09", source });
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

describe("ratings written together in one packet", () => {
  const at = new Date("2023-03-01T02:00:00Z");
  const key = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`;
  const item = (caseId: number, level: number, n: number, extra: Partial<TRatingBatchItem> = {}): TRatingBatchItem => ({
    rating: ratingRow(caseId, level, key(n), at),
    reasonCodes: [],
    signals: [],
    workOrder: null,
    ...extra,
  });

  test("each rating gets its own reasons, signals and work order, and the prompts it answers close", async () => {
    const db = getDb();
    const good = await completedCase("P-1", at);
    const bad = await completedCase("P-2", at);
    const windowId = hall.windowIds[0] ?? 0;
    await insertPrompt(db, { caseId: good, windowId, staffId: hall.staffIds[0] ?? null, now: at });
    const signal = { kind: "no_prompt" as const, device_id: null, detail: "", created_at: at, hall_id: hall.hallId, case_id: bad, window_id: windowId };
    const order = newWorkOrderRow(
      { case_id: bad, hall_id: hall.hallId, department_id: hall.departmentIds[0] ?? 0, window_id: windowId, staff_id: hall.staffIds[0] ?? null },
      { contact: "2023-03-02", rectify: "2023-03-22" },
      at,
    );
    const opened = openedEvent(at);
    const ids = await writeRatingBatch(
      db,
      [item(good, 5, 1, { reasonCodes: ["517", "511"] }), item(bad, 1, 2, { reasonCodes: ["115"], signals: [signal], workOrder: { order, opened } })],
      { caseIds: [good], closedAt: at },
    );
    const stored = await db.selectFrom("rating").select(["id", "case_id"]).orderBy("id").execute();
    expect(stored).toEqual([
      { id: ids[0], case_id: good },
      { id: ids[1], case_id: bad },
    ]);
    const reasons = await db.selectFrom("rating_reason").select(["rating_id", "reason_code"]).orderBy("reason_code").execute();
    expect(reasons).toEqual([
      { rating_id: ids[1], reason_code: "115" },
      { rating_id: ids[0], reason_code: "511" },
      { rating_id: ids[0], reason_code: "517" },
    ]);
    expect(await db.selectFrom("rating_signal").select(["rating_id", "case_id", "kind"]).execute()).toEqual([{ rating_id: ids[1], case_id: bad, kind: "no_prompt" }]);
    const orders = await db.selectFrom("work_order").select(["id", "rating_id", "case_id"]).execute();
    expect(orders).toEqual([{ id: orders[0]?.id, rating_id: ids[1], case_id: bad }]);
    expect(await db.selectFrom("work_order_event").select(["work_order_id", "action"]).execute()).toEqual([{ work_order_id: orders[0]?.id, action: "open" }]);
    expect(await db.selectFrom("rating_prompt").select(["case_id", "status"]).execute()).toEqual([{ case_id: good, status: "rated" }]);
  });

  test("a rating the database refuses leaves none of its batch, and the next batch goes through", async () => {
    const db = getDb();
    const rated = await completedCase("P-3", at);
    const fresh = await completedCase("P-4", at);
    await insertRating(db, ratingRow(rated, 5, key(10), at), []);
    await expect(writeRatingBatch(db, [item(fresh, 4, 11, { reasonCodes: ["414"] }), item(rated, 3, 12)], null)).rejects.toThrow(/Duplicate entry/);
    expect(await db.selectFrom("rating").select("case_id").execute()).toEqual([{ case_id: rated }]);
    expect(await db.selectFrom("rating_reason").select("rating_id").execute()).toEqual([]);
    const [id] = await writeRatingBatch(db, [item(fresh, 4, 11)], null);
    expect(await db.selectFrom("rating").select("id").where("case_id", "=", fresh).execute()).toEqual([{ id }]);
  });

  test("reads sent in one packet come back per statement", async () => {
    const db = getDb();
    await completedCase("P-5", at);
    const [cases, none] = await runReadPacket(db, [
      db.selectFrom("case").select("case_no").where("case_no", "=", "P-5"),
      db.selectFrom("rating").select("id").where("id", "<", 0),
    ] as const);
    expect(cases).toEqual([{ case_no: "P-5" }]);
    expect(none).toEqual([]);
    const [alone] = await runReadPacket(db, [db.selectFrom("case").select("case_no")] as const);
    expect(alone).toEqual([{ case_no: "P-5" }]);
  });
});

