import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { addCalendarDays, hallDate } from "@hcp/domain";

import { apiHarness, appCodeOf, dayPassesForWorkOrders } from "../test/harness";

/**
 * The three named rules of the access table, down to the rows: department heads never read
 * another department's staff details, staff never read who rated them, an evaluator acts only for
 * its own window.
 */
let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const APPLICANT = { name: "郑一", phone: "13611112222" };

/** A case at window 1 for an item of `department` (0 or 1), rated `level` on the evaluator. */
async function ratedCase(level: number, department: 0 | 1): Promise<{ caseId: number; caseNo: string }> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const serviceItemId = department === 0 ? hall.itemIds.instant : hall.itemIds.promised;
  const created = await staff.case.create({
    serviceItemId,
    applicantType: "person",
    applicantName: APPLICANT.name,
    applicantPhone: APPLICANT.phone,
  });
  await staff.case.complete({ caseId: created.id });
  const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
  await device.rating.submit({
    caseNo: created.caseNo,
    level,
    reasonCodes: level <= 2 ? ["115"] : [],
    comment: level <= 2 ? "等了很久" : undefined,
    idempotencyKey: randomUUID(),
  });
  return { caseId: created.id, caseNo: created.caseNo };
}

async function orderOf(caseId: number): Promise<number> {
  return (await getDb().selectFrom("work_order").select("id").where("case_id", "=", caseId).executeTakeFirstOrThrow())
    .id;
}

function today() {
  return hallDate(new Date());
}

describe("a department head", () => {
  test("never reads another department's staff, ratings, work orders or applicants", async () => {
    const other = await getDb()
      .insertInto("staff")
      .values({
        hall_id: hall.hallId,
        department_id: hall.departmentIds[1],
        badge_no: "T009",
        name: "赵六",
        photo_url: "/avatars/T009.svg",
        active: true,
      })
      .executeTakeFirstOrThrow();
    const otherStaffId = Number(other.insertId);
    const own = await ratedCase(1, 0);
    const foreign = await ratedCase(1, 1);
    const head = await api.signedIn(hall.users.department_head.username);
    const period = { from: today(), to: today() };

    const staff = await head.performance.staff(period);
    expect(staff.map((row) => row.name)).not.toContain("赵六");
    expect(await appCodeOf(head.performance.staff({ ...period, staffId: otherStaffId }))).toBe("STAFF_NOT_FOUND");
    expect(await appCodeOf(head.performance.ratings({ ...period, staffId: otherStaffId }))).toBe("STAFF_NOT_FOUND");
    expect(await appCodeOf(head.performance.ratings({ ...period, departmentId: hall.departmentIds[1] }))).toBe(
      "DEPARTMENT_NOT_FOUND",
    );
    expect(JSON.stringify(await head.performance.ratings(period))).not.toContain(foreign.caseNo);

    const queue = await head.workOrder.list({});
    expect(queue.rows.map((row) => row.caseNo)).toEqual([own.caseNo]);
    expect(await appCodeOf(head.workOrder.byId({ id: await orderOf(foreign.caseId) }))).toBe("WORK_ORDER_NOT_FOUND");
    // Naming the other department in the filter does not widen the queue.
    expect((await head.workOrder.list({ departmentId: hall.departmentIds[1] })).rows.map((row) => row.caseNo)).toEqual([
      own.caseNo,
    ]);
    expect(
      await appCodeOf(head.case.revealContact({ caseId: foreign.caseId, field: "phone", reason: "回访需要联系" })),
    ).toBe("CONTACT_REVEAL_FORBIDDEN");
  });
});

describe("window staff", () => {
  test("read their bad reviews without case number, applicant or time of day, and their results up to yesterday", async () => {
    const { caseId, caseNo } = await ratedCase(1, 0);
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const timeOfDay = /T(?!00:00:00\.000Z|16:00:00\.000Z)\d{2}:\d{2}/;

    const queue = await staff.workOrder.list({});
    expect(queue.total).toBe(1);
    const detail = await staff.workOrder.byId({ id: await orderOf(caseId) });
    expect(detail.rating).toMatchObject({ level: 1, comment: "等了很久" });
    for (const view of [queue, detail]) {
      const text = JSON.stringify(view);
      expect(text).not.toContain(caseNo);
      expect(text).not.toContain(APPLICANT.name);
      expect(text).not.toContain(APPLICANT.phone.slice(-4));
    }
    expect(JSON.stringify(queue.rows)).not.toMatch(timeOfDay);
    expect(detail.rating.ratedAt).not.toMatch(timeOfDay);
    expect(detail.case.completedAt ?? "").not.toMatch(timeOfDay);

    // A manager still reads the case behind the order.
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect((await manager.workOrder.byId({ id: await orderOf(caseId) })).case.caseNo).toBe(caseNo);

    const mine = await staff.performance.mine({ from: addCalendarDays(today(), -7), to: today() });
    const text = JSON.stringify(mine);
    expect(text).not.toContain(caseNo);
    expect(text).not.toContain(APPLICANT.name);
    expect(text).not.toMatch(/\d{2}:\d{2}/);
    expect(mine.period.to < today()).toBe(true);
    expect(await appCodeOf(staff.performance.ratings({ from: today(), to: today() }))).toBe("FORBIDDEN");
  });
});

describe("an evaluator", () => {
  test("acts only for the window it is paired to", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const created = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: APPLICANT.name,
      applicantPhone: APPLICANT.phone,
    });
    await staff.case.complete({ caseId: created.id });
    const { promptId } = await staff.case.inviteRating({ caseId: created.id });

    const otherWindow = await api.caller({ deviceToken: hall.deviceTokens[1] });
    expect((await otherWindow.kiosk.state()).window.id).toBe(hall.windowIds[1]);
    expect((await otherWindow.kiosk.state()).pending).toEqual([]);
    expect(await appCodeOf(otherWindow.kiosk.timeout({ promptId }))).toBe("PROMPT_NOT_FOUND");
    const rating = { caseNo: created.caseNo, level: 5, reasonCodes: [], idempotencyKey: randomUUID() };
    expect(await appCodeOf(otherWindow.rating.submit(rating))).toBe("CASE_NOT_AT_THIS_WINDOW");
    // A session token where a device token belongs is no evaluator's.
    const staffToken = await api.caller({ deviceToken: "not-a-device-token-but-long-enough" });
    expect(await appCodeOf(staffToken.rating.submit(rating))).toBe("DEVICE_UNKNOWN");
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);

    const ownWindow = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await ownWindow.kiosk.state()).pending.map((prompt) => prompt.promptId)).toEqual([promptId]);
    expect((await ownWindow.rating.submit(rating)).level).toBe(5);
  });
});
