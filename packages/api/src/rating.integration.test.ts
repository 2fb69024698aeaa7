import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { hallDate } from "@hcp/domain";

import { apiHarness, appCodeOf, nextTracked, refusalOf, type TCaller } from "../test/harness";
import type { TWindowEvent } from "./bus";
import type { AppError } from "./errors";
import { decryptContact } from "./services/contact";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** Staff member 1 at window 1 with one completed case. */
async function completedCase(): Promise<{ staff: TCaller; caseId: number; caseNo: string }> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "张三丰",
    applicantPhone: "13812345678",
  });
  await staff.case.complete({ caseId: created.id });
  return { staff, caseId: created.id, caseNo: created.caseNo };
}

describe("a case at the window", () => {
  test("is numbered by region, hall-local date and daily sequence, with the applicant masked and encrypted", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const input = {
      serviceItemId: hall.itemIds.promised,
      applicantType: "person" as const,
      applicantName: "张三丰",
      applicantPhone: "13812345678",
    };
    const first = await staff.case.create(input);
    const second = await staff.case.create(input);
    const today = hallDate(new Date()).replaceAll("-", "");
    expect(first.caseNo).toBe(`330000${today}00001`);
    expect(second.caseNo).toBe(`330000${today}00002`);
    expect(first.dueDate).not.toBeNull();
    const row = await getDb().selectFrom("case").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(row.applicant_name_masked).toBe("张**");
    expect(row.applicant_contact_cipher).not.toContain("13812345678");
    expect(decryptContact(api.dataKey, row.applicant_contact_cipher ?? "")).toBe("13812345678");
  });

  test("cannot be created before the staff member picks a window", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    const input = {
      serviceItemId: hall.itemIds.instant,
      applicantType: "person" as const,
      applicantName: "李四",
      applicantPhone: "13800000000",
    };
    expect(await appCodeOf(staff.case.create(input))).toBe("NOT_AT_WINDOW");
  });

  test("is refused for an unknown service item and for malformed applicant data, writing nothing", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const input = {
      serviceItemId: 999_999,
      applicantType: "person" as const,
      applicantName: "李四",
      applicantPhone: "13800000000",
    };
    expect(await appCodeOf(staff.case.create(input))).toBe("ITEM_NOT_FOUND");
    expect(
      await appCodeOf(staff.case.create({ ...input, serviceItemId: hall.itemIds.instant, applicantPhone: "123" })),
    ).toBe("BAD_REQUEST");
    expect(await getDb().selectFrom("case").select("id").execute()).toEqual([]);
  });

  test("an unknown window is refused and the staff member stays where they were", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    expect(await appCodeOf(staff.window.signIn({ windowId: 999_999 }))).toBe("WINDOW_NOT_FOUND");
    expect(await staff.window.mine()).toEqual({ windowId: hall.windowIds[0] });
  });

  test("belongs to the staff member who received it", async () => {
    const { caseId } = await completedCase();
    const other = await api.signedIn(hall.users.secondStaff.username);
    await other.window.signIn({ windowId: hall.windowIds[1] });
    expect(await appCodeOf(other.case.inviteRating({ caseId }))).toBe("CASE_NOT_YOURS");
  });
});

describe("rating on the window evaluator", () => {
  test("请评价 puts the case on the evaluator of the staff member's window, and only that one", async () => {
    const { staff, caseId, caseNo } = await completedCase();
    const seen: [number, TWindowEvent][] = [];
    const abort = new AbortController();
    const listen = async (windowId: number) => {
      for await (const [event] of api.bus.listen(windowId, abort.signal)) seen.push([windowId, event]);
    };
    const listeners = [listen(hall.windowIds[0]), listen(hall.windowIds[1])].map((promise) =>
      promise.catch(() => undefined),
    );
    const { promptId } = await staff.case.inviteRating({ caseId });
    abort.abort();
    await Promise.all(listeners);
    expect(seen).toEqual([
      [
        hall.windowIds[0],
        {
          type: "prompt",
          prompt: expect.objectContaining({ promptId, caseNo, itemName: "个体工商户设立登记" }) as unknown,
        },
      ],
    ]);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const state = await device.kiosk.state();
    expect(state.pending.map((prompt) => prompt.promptId)).toEqual([promptId]);
  });

  test("a rating is recorded once; a retry with the same key returns the first result", async () => {
    const { staff, caseId, caseNo } = await completedCase();
    await staff.case.inviteRating({ caseId });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const key = randomUUID();
    const first = await device.rating.submit({ caseNo, level: 5, reasonCodes: ["517"], idempotencyKey: key });
    const retry = await device.rating.submit({ caseNo, level: 5, reasonCodes: ["517"], idempotencyKey: key });
    expect(first).toMatchObject({ caseNo, level: 5, reasonCodes: ["517"], replayed: false });
    expect(retry).toEqual({ ...first, replayed: true });
    // The same key for another rating is a client bug, not a retry: refused, the first one stands.
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 4, reasonCodes: ["409"], idempotencyKey: key }))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    const rows = await getDb().selectFrom("rating").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 4,
      window_id: hall.windowIds[0],
      staff_id: hall.staffIds[0],
      is_default: false,
    });
    expect(rows[0]?.prompt_id).not.toBeNull();
    expect((await device.kiosk.state()).pending).toEqual([]);
    // 一次一评: a second rating with a new key is refused with a clear message.
    expect(
      await appCodeOf(device.rating.submit({ caseNo, level: 1, comment: "再评一次", idempotencyKey: randomUUID() })),
    ).toBe("ALREADY_RATED");
    expect(await appCodeOf(staff.case.inviteRating({ caseId }))).toBe("ALREADY_RATED");
  });

  test("two concurrent submissions for one case produce exactly one rating", async () => {
    const { caseNo } = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const results = await Promise.allSettled(
      [5, 4, 3, 5].map((level) => device.rating.submit({ caseNo, level, idempotencyKey: randomUUID() })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((result) => result.status === "rejected");
    for (const result of refused) expect((result.reason as AppError).appCode).toBe("ALREADY_RATED");
    expect(await getDb().selectFrom("rating").select("id").execute()).toHaveLength(1);
  });

  test("ratings arriving together are judged one by one: each gets its own answer, only the sound ones are stored", async () => {
    const first = await completedCase();
    const second = await completedCase();
    const third = await completedCase();
    const opener = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const sameKey = randomUUID();
    // Sent at once: the opener finds the ingest idle and goes alone, the rest share the next run —
    // where the request and its retry collide on the unique keys and the run is retried one by one.
    const [, ...results] = await Promise.allSettled([
      device.rating.submit({ caseNo: opener.caseNo, level: 5, idempotencyKey: randomUUID() }),
      device.rating.submit({ caseNo: first.caseNo, level: 5, idempotencyKey: sameKey }),
      device.rating.submit({ caseNo: first.caseNo, level: 5, idempotencyKey: sameKey }),
      device.rating.submit({ caseNo: second.caseNo, level: 2, reasonCodes: ["214"], idempotencyKey: randomUUID() }),
      device.rating.submit({ caseNo: "NO-SUCH-CASE", level: 5, idempotencyKey: randomUUID() }),
      device.rating.submit({ caseNo: third.caseNo, level: 2, reasonCodes: ["999"], idempotencyKey: randomUUID() }),
      device.rating.submit({ caseNo: third.caseNo, level: 4, idempotencyKey: randomUUID() }),
    ]);
    const [original, retry, bad, unknown, badReason, sound] = results;
    const answers = [original, retry].map((result) => (result?.status === "fulfilled" ? result.value : null));
    expect(answers.map((answer) => answer?.replayed).sort()).toEqual([false, true]);
    expect(answers[0]?.ratingId).toBe(answers[1]?.ratingId);
    expect(bad).toMatchObject({ status: "fulfilled", value: { level: 2, reasonCodes: ["214"], replayed: false } });
    expect(unknown?.status === "rejected" && (unknown.reason as AppError).appCode).toBe("CASE_NOT_FOUND");
    expect(badReason?.status === "rejected" && (badReason.reason as AppError).appCode).toBe("REASON_UNKNOWN");
    expect(sound).toMatchObject({ status: "fulfilled", value: { level: 4, replayed: false } });
    const rows = await getDb().selectFrom("rating").select(["case_id", "level"]).orderBy("case_id").execute();
    expect(rows).toEqual([
      { case_id: first.caseId, level: 5 },
      { case_id: second.caseId, level: 2 },
      { case_id: third.caseId, level: 4 },
      { case_id: opener.caseId, level: 5 },
    ]);
    expect(await getDb().selectFrom("work_order").select("case_id").execute()).toEqual([{ case_id: second.caseId }]);
  });

  test("good ratings arriving together share one transaction; a collision in it rolls it back whole", async () => {
    const cases = [await completedCase(), await completedCase(), await completedCase(), await completedCase()];
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const sameKey = randomUUID();
    const submit = (caseNo: string, level: number, key = randomUUID(), reasonCodes: string[] = []) =>
      device.rating.submit({ caseNo, level, reasonCodes, idempotencyKey: key });
    // The shared run's transaction: the request and its retry collide on the idempotency key, the
    // transaction is rolled back and each rating runs alone.
    const [opener, ...rest] = await Promise.all([
      submit(cases[3]?.caseNo ?? "", 5),
      submit(cases[0]?.caseNo ?? "", 5, sameKey, ["517"]),
      submit(cases[0]?.caseNo ?? "", 5, sameKey, ["517"]),
      submit(cases[1]?.caseNo ?? "", 4),
      submit(cases[2]?.caseNo ?? "", 3),
    ]);
    expect(opener.replayed).toBe(false);
    expect(rest.filter((result) => result.replayed)).toHaveLength(1);
    expect(rest[0]?.ratingId).toBe(rest[1]?.ratingId);
    const rows = await getDb().selectFrom("rating").select(["id", "case_id", "level"]).orderBy("case_id").execute();
    expect(rows.map((row) => [row.case_id, row.level])).toEqual(
      cases.map((entry, index) => [entry.caseId, [5, 4, 3, 5][index]]),
    );
    // Each stored rating has its reasons and its signals once: no half of the rolled-back run stayed.
    expect(await getDb().selectFrom("rating_reason").select(["rating_id", "reason_code"]).execute()).toEqual([
      { rating_id: rest[0]?.ratingId, reason_code: "517" },
    ]);
    const signals = await getDb()
      .selectFrom("rating_signal")
      .select(["rating_id", "kind"])
      .where("kind", "=", "no_prompt")
      .execute();
    expect(signals.map((signal) => Number(signal.rating_id)).sort((a, b) => a - b)).toEqual(
      rows.map((row) => row.id).sort((a, b) => a - b),
    );
  });

  test("bursts and runs of identical ratings are flagged on the ratings that make them, whether they come one by one or together", async () => {
    const cases = [];
    for (let index = 0; index < 10; index += 1) cases.push(await completedCase());
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const submit = (caseNo: string) => device.rating.submit({ caseNo, level: 5, idempotencyKey: randomUUID() });
    // Three stored one after another, then seven at once: judged over several runs, some of them
    // while the ones before are still being written.
    for (const { caseNo } of cases.slice(0, 3)) await submit(caseNo);
    await Promise.all(cases.slice(3).map(({ caseNo }) => submit(caseNo)));
    const ratingIds = (await getDb().selectFrom("rating").select("id").orderBy("id").execute()).map((row) => row.id);
    const flagged = async (kind: "burst" | "identical_run") =>
      (
        await getDb()
          .selectFrom("rating_signal")
          .select("rating_id")
          .where("kind", "=", kind)
          .orderBy("rating_id")
          .execute()
      ).map((row) => row.rating_id);
    // The sixth to tenth evaluator ratings within a minute; the tenth 5 in a row.
    expect(await flagged("burst")).toEqual(ratingIds.slice(5));
    expect(await flagged("identical_run")).toEqual(ratingIds.slice(9));
  });

  test("a rating refused for good after the citizen was thanked is reported once, as a signal for review", async () => {
    const { caseNo } = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const storedKey = randomUUID();
    await device.rating.submit({ caseNo, level: 5, idempotencyKey: storedKey });
    // The evaluator's outbox delivers a second rating of the case late: refused, then reported.
    const lateKey = randomUUID();
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 4, idempotencyKey: lateKey }))).toBe("ALREADY_RATED");
    const report = {
      caseNo,
      level: 4,
      idempotencyKey: lateKey,
      ratedAt: "2026-11-25T02:00:00.000Z",
      appCode: "ALREADY_RATED",
    };
    expect(await device.kiosk.reportRefused(report)).toEqual({ recorded: true });
    // Its answer lost, the report is sent again: still one signal.
    expect(await device.kiosk.reportRefused(report)).toEqual({ recorded: false });
    // A rating that was stored after all is nothing to review.
    expect(await device.kiosk.reportRefused({ ...report, level: 5, idempotencyKey: storedKey })).toEqual({
      recorded: false,
    });
    expect(await appCodeOf(device.kiosk.reportRefused({ ...report, appCode: "already rated" }))).toBe("BAD_REQUEST");

    const manager = await api.signedIn(hall.users.hall_manager.username);
    const refused = (await manager.signal.list({})).filter((signal) => signal.kind === "refused");
    expect(refused).toEqual([
      expect.objectContaining({
        label: "评价器上的评价未能入库",
        caseNo,
        windowCode: expect.any(String) as unknown,
        detail: `满意：该办件已经评价过，每个办件只能评价一次（办件 ${caseNo}，评价于 2026/11/25 10:00:00）`,
        reviewed: false,
      }),
    ]);
  });

  test("bad input is refused precisely and stores nothing", async () => {
    const { caseNo } = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const key = randomUUID();
    expect(await appCodeOf(device.rating.submit({ caseNo: "NO-SUCH-CASE", level: 5, idempotencyKey: key }))).toBe(
      "CASE_NOT_FOUND",
    );
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 2, reasonCodes: ["999"], idempotencyKey: key }))).toBe(
      "REASON_UNKNOWN",
    );
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 2, reasonCodes: ["517"], idempotencyKey: key }))).toBe(
      "REASON_LEVEL_MISMATCH",
    );
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 2, idempotencyKey: key }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 7, idempotencyKey: key }))).toBe("BAD_REQUEST");
    const forged = await api.caller({ deviceToken: "forged-device-token" });
    expect(await appCodeOf(forged.rating.submit({ caseNo, level: 5, idempotencyKey: key }))).toBe("DEVICE_UNKNOWN");
    const otherWindow = await api.caller({ deviceToken: hall.deviceTokens[1] });
    expect(await appCodeOf(otherWindow.rating.submit({ caseNo, level: 5, idempotencyKey: key }))).toBe(
      "CASE_NOT_AT_THIS_WINDOW",
    );
    const tooLong = await refusalOf(
      device.rating.submit({ caseNo, level: 2, reasonCodes: ["214"], comment: "慢".repeat(501), idempotencyKey: key }),
    );
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toContain("意见不能超过 500 字");
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);
    expect(await getDb().selectFrom("rating_reason").select("rating_id").execute()).toEqual([]);
  });

  test("a case still in progress cannot be rated or put on the evaluator", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const open = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "legal",
      applicantName: "示范县青山农业发展有限公司",
      applicantPhone: "13900000000",
    });
    expect(await appCodeOf(staff.case.inviteRating({ caseId: open.id }))).toBe("CASE_NOT_COMPLETED");
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await appCodeOf(device.rating.submit({ caseNo: open.caseNo, level: 5, idempotencyKey: randomUUID() }))).toBe(
      "CASE_NOT_COMPLETED",
    );
  });

  test("the hall overview shows the day's case, rating and 好评率 per window", async () => {
    const { caseNo } = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await device.rating.submit({ caseNo, level: 4, idempotencyKey: randomUUID() });
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const today = hallDate(new Date());
    const overview = await manager.overview.period({ from: today, to: today });
    const window = overview.windows.find((row) => row.window.id === hall.windowIds[0]);
    expect(window?.staffName).toBe("王丽");
    expect(window?.metrics).toMatchObject({
      casesCompleted: 1,
      ratings: 1,
      goodRate: { num: 1, den: 1, text: "100.00%" },
      ratedRate: { text: "100.00%" },
    });
    expect(overview.totals.score.text).toBe("80.00");
  });
});

describe("the evaluator's live feed", () => {
  test("starts with a snapshot of the window, its staff and open prompts, then streams new prompts", async () => {
    const { staff, caseId } = await completedCase();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const feed = (await device.kiosk.events())[Symbol.asyncIterator]();
    const first = await nextTracked(feed);
    expect(first.data).toMatchObject({
      type: "snapshot",
      window: { id: hall.windowIds[0] },
      staff: { name: "王丽", badgeNo: "T001" },
      pending: [],
    });
    const { promptId } = await staff.case.inviteRating({ caseId });
    const second = await nextTracked(feed);
    expect(second.data).toMatchObject({ type: "prompt", prompt: { promptId } });
    expect(second.id).not.toBe(first.id);
    await feed.return?.();
    expect(api.bus.listenerCount(hall.windowIds[0])).toBe(0);
  });
});
