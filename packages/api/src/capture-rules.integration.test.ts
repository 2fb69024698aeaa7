import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { hallDate } from "@hcp/domain";

import { apiHarness, appCodeOf, nextTracked, refusalOf } from "../test/harness";
import { applyDefaultRatings } from "./services/defaults";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);
const DAY_MS = 86_400_000;

/** A completed case at window 1, completed `daysAgo` days before now. */
async function caseCompleted(daysAgo: number): Promise<{ id: number; caseNo: string }> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "吴十",
    applicantPhone: "13700001111",
  });
  await staff.case.complete({ caseId: created.id });
  const completedAt = new Date(Date.now() - daysAgo * DAY_MS);
  await getDb()
    .updateTable("case")
    .set({ completed_at: completedAt, received_at: completedAt })
    .where("id", "=", created.id)
    .execute();
  return created;
}

describe("the rating window", () => {
  test("a case whose rating window closed cannot be rated any more", async () => {
    const old = await caseCompleted(8);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await appCodeOf(device.rating.submit({ caseNo: old.caseNo, level: 5, idempotencyKey: randomUUID() }))).toBe(
      "RATING_WINDOW_CLOSED",
    );
  });

  test("an evaluator that was offline delivers late, judged by the tap time", async () => {
    const kase = await caseCompleted(7.5);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const tappedAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const rating = await device.rating.submit({
      caseNo: kase.caseNo,
      level: 4,
      idempotencyKey: randomUUID(),
      ratedAt: tappedAt,
    });
    expect(rating.ratedAt).toBe(tappedAt);
    const row = await getDb().selectFrom("rating").select(["rated_at", "received_at"]).executeTakeFirstOrThrow();
    expect(row.received_at.getTime()).toBeGreaterThan(row.rated_at.getTime());
  });
});

describe("the hall's rating rules", () => {
  test("start at the defaults, and a manager's change applies to the next rating on every channel and is recorded", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await manager.rating.rules()).toEqual({
      ratingWindowDays: 7,
      promptTimeoutSeconds: 60,
      defaultRating: { enabled: false, level: 3 },
    });
    const fourDaysOld = await caseCompleted(4);
    const twoDaysOld = await caseCompleted(2);

    const rules = {
      ratingWindowDays: 3,
      promptTimeoutSeconds: 90,
      defaultRating: { enabled: true, level: 3 as const },
    };
    expect(await manager.rating.updateRules(rules)).toEqual(rules);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(
      await appCodeOf(device.rating.submit({ caseNo: fourDaysOld.caseNo, level: 5, idempotencyKey: randomUUID() })),
    ).toBe("RATING_WINDOW_CLOSED");
    const citizen = await api.caller({});
    expect((await citizen.online.lookup({ caseNo: fourDaysOld.caseNo, phoneLast4: "1111" })).status).toBe("closed");
    await device.rating.submit({ caseNo: twoDaysOld.caseNo, level: 5, idempotencyKey: randomUUID() });
    // The evaluator hears its new timeout with its next snapshot.
    const feed = (await device.kiosk.events())[Symbol.asyncIterator]();
    expect((await nextTracked(feed)).data.settings).toEqual({ promptTimeoutSeconds: 90 });
    await feed.return?.();
    // The four-day-old case is past the three-day window, but it was completed before the rule took
    // effect: a province's default rating applies from its start, never to the cases before it.
    expect(await applyDefaultRatings(getDb(), new Date())).toBe(0);
    const afterSwitch = await caseCompleted(0);
    expect(await applyDefaultRatings(getDb(), new Date(Date.now() + 3 * DAY_MS + 60_000))).toBe(1);
    expect(
      await getDb()
        .selectFrom("rating")
        .select(["case_id", "level", "is_default"])
        .where("is_default", "=", true)
        .execute(),
    ).toEqual([{ case_id: afterSwitch.id, level: 3, is_default: true }]);
    const recorded = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("action", "=", "hall.updateRatingRules")
      .execute();
    expect(recorded).toEqual([{ action: "hall.updateRatingRules", actor_user_id: hall.users.hall_manager.id }]);
  });

  test("out-of-range values are refused in Chinese and change nothing; only managers change them, 督查 read them", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const refusal = await refusalOf(
      manager.rating.updateRules({
        ratingWindowDays: 0,
        promptTimeoutSeconds: 60,
        defaultRating: { enabled: false, level: 3 },
      }),
    );
    // In-process the refusal carries zod's issues; over HTTP the formatter sends the first one's message.
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toContain("评价期限为 1–30 天");
    const badLevel = await refusalOf(
      manager.rating.updateRules({
        ratingWindowDays: 7,
        promptTimeoutSeconds: 60,
        defaultRating: { enabled: true, level: 1 as unknown as 3 },
      }),
    );
    expect(badLevel.message).toContain("默认评价只能是基本满意、满意或非常满意");
    expect((await manager.rating.rules()).ratingWindowDays).toBe(7);
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect((await auditor.rating.rules()).promptTimeoutSeconds).toBe(60);
    expect(
      await appCodeOf(
        auditor.rating.updateRules({
          ratingWindowDays: 5,
          promptTimeoutSeconds: 60,
          defaultRating: { enabled: false, level: 3 },
        }),
      ),
    ).toBe("FORBIDDEN");
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.rating.rules())).toBe("FORBIDDEN");
  });
});

/** The hall switched the default rating on `days` days ago. */
async function switchedOnDaysAgo(days: number): Promise<void> {
  await getDb()
    .updateTable("hall")
    .set({ default_rating_enabled: true, default_rating_from: new Date(Date.now() - days * DAY_MS) })
    .where("id", "=", hall.hallId)
    .execute();
}

describe("default ratings", () => {
  test("are off unless the hall switches them on", async () => {
    await caseCompleted(8);
    expect(await applyDefaultRatings(getDb(), new Date())).toBe(0);
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);
  });

  test("when on, close unrated cases once, flagged is_default, and never count as active ratings", async () => {
    await switchedOnDaysAgo(20);
    const beforeTheRule = await caseCompleted(21);
    const closed = await caseCompleted(8);
    const open = await caseCompleted(1);
    const rated = await caseCompleted(9);
    await getDb()
      .updateTable("case")
      .set({ completed_at: new Date(Date.now() - 2 * DAY_MS) })
      .where("id", "=", rated.id)
      .execute();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await device.rating.submit({ caseNo: rated.caseNo, level: 3, idempotencyKey: randomUUID() });
    await getDb()
      .updateTable("case")
      .set({ completed_at: new Date(Date.now() - 9 * DAY_MS) })
      .where("id", "=", rated.id)
      .execute();

    expect(await applyDefaultRatings(getDb(), new Date())).toBe(1);
    expect(await applyDefaultRatings(getDb(), new Date())).toBe(0);
    const rows = await getDb()
      .selectFrom("rating")
      .select(["case_id", "is_default", "level"])
      .orderBy("case_id")
      .execute();
    expect(rows).toEqual([
      { case_id: closed.id, is_default: true, level: 3 },
      { case_id: rated.id, is_default: false, level: 3 },
    ]);
    expect(rows.some((row) => row.case_id === open.id || row.case_id === beforeTheRule.id)).toBe(false);

    const manager = await api.signedIn(hall.users.hall_manager.username);
    const from = hallDate(new Date(Date.now() - 30 * DAY_MS));
    const to = hallDate(new Date());
    const overview = await manager.overview.period({ from, to });
    expect(overview.totals.validRatings).toBe(2);
    expect(overview.totals.ratings).toBe(1);
    expect(overview.totals.activeGoodRate).toMatchObject({ num: 1, den: 1 });
  });

  test("switching the rule on starts it from that moment, switching it off ends it, and both are recorded", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const on = { ratingWindowDays: 7, promptTimeoutSeconds: 60, defaultRating: { enabled: true, level: 3 as const } };
    const before = Date.now();
    await manager.rating.updateRules(on);
    const fromOf = async () =>
      (
        await getDb()
          .selectFrom("hall")
          .select("default_rating_from")
          .where("id", "=", hall.hallId)
          .executeTakeFirstOrThrow()
      ).default_rating_from;
    const from = await fromOf();
    expect(from?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(from?.getTime()).toBeLessThanOrEqual(Date.now());
    // Saving other rules while it stays on keeps its start.
    await manager.rating.updateRules({ ...on, ratingWindowDays: 5 });
    expect(await fromOf()).toEqual(from);
    await manager.rating.updateRules({ ...on, defaultRating: { enabled: false, level: 3 } });
    expect(await fromOf()).toBeNull();
    const recorded = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "hall.updateRatingRules")
      .execute();
    expect(recorded).toHaveLength(3);
  });

  test("are no citizen's taps: a batch of them at a window never makes the next evaluator rating there a burst or a run", async () => {
    await switchedOnDaysAgo(20);
    for (let index = 0; index < 10; index += 1) await caseCompleted(8);
    expect(await applyDefaultRatings(getDb(), new Date())).toBe(10);
    const fresh = await caseCompleted(0);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await device.rating.submit({ caseNo: fresh.caseNo, level: 3, idempotencyKey: randomUUID() });
    const kinds = await getDb().selectFrom("rating_signal").select("kind").where("case_id", "=", fresh.id).execute();
    expect(kinds.map((row) => row.kind)).toEqual(["no_prompt"]);
  });
});

describe("misuse signals", () => {
  test("a tap within a second of the prompt and a rating with no prompt are flagged, and still recorded", async () => {
    const prompted = await caseCompleted(0);
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.case.inviteRating({ caseId: prompted.id });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await device.rating.submit({ caseNo: prompted.caseNo, level: 5, idempotencyKey: randomUUID() });
    const unprompted = await caseCompleted(0);
    await device.rating.submit({ caseNo: unprompted.caseNo, level: 5, idempotencyKey: randomUUID() });

    expect(await getDb().selectFrom("rating").select("id").execute()).toHaveLength(2);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const signals = await manager.signal.list({});
    expect(signals.map((signal) => [signal.kind, signal.caseNo]).sort()).toEqual(
      [
        ["fast_tap", prompted.caseNo],
        ["no_prompt", unprompted.caseNo],
      ].sort(),
    );
    await manager.signal.review({ id: signals[0]?.id ?? 0 });
    expect(await manager.signal.list({ reviewed: false })).toHaveLength(1);
    const staffCaller = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staffCaller.signal.list({}))).toBe("FORBIDDEN");
  });
});
