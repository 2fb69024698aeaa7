import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { describe, expect, test, vi } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { hallDate } from "@hcp/domain";

import { apiHarness, appCodeOf, dayPassesForWorkOrders, type TCaller } from "../test/harness";
import { escalateOverdue } from "./services/escalation";
import { openWorkOrder } from "./services/work-orders";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** A case at window 1 rated on the evaluator with `level`; returns the case and the citizen's token. */
async function ratedCase(
  level: number,
  by: { staff: "window_staff" | "secondStaff"; window: 0 | 1 } = { staff: "window_staff", window: 0 },
): Promise<{ caseId: number; caseNo: string }> {
  const staff = await api.signedIn(hall.users[by.staff].username);
  await staff.window.signIn({ windowId: hall.windowIds[by.window] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "郑一",
    applicantPhone: "13611112222",
  });
  await staff.case.complete({ caseId: created.id });
  const device = await api.caller({ deviceToken: hall.deviceTokens[by.window] });
  await device.rating.submit({
    caseNo: created.caseNo,
    level,
    reasonCodes: level <= 2 ? [level === 2 ? "214" : "115"] : [],
    idempotencyKey: randomUUID(),
  });
  return { caseId: created.id, caseNo: created.caseNo };
}

async function orderOf(caseId: number): Promise<{ id: number; version: number }> {
  return getDb()
    .selectFrom("work_order")
    .select(["id", "version"])
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
}

async function step(
  actor: TCaller,
  id: number,
  action: Parameters<TCaller["workOrder"]["act"]>[0]["action"],
  extra: { note?: string; extensionDays?: number; appealReason?: "malicious" | "mistaken" } = {},
) {
  const detail = await actor.workOrder.byId({ id });
  return actor.workOrder.act({
    workOrderId: id,
    version: detail.version,
    action,
    note: extra.note ?? "已处理",
    ...extra,
  });
}

/** A step refused for its input: the tRPC code and every message of the schema's issues. */
async function inputRefusal(promise: Promise<unknown>): Promise<{ code: string; messages: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { issues?: { message: string }[] } | undefined;
    return { code: error.code, messages: (cause?.issues ?? []).map((issue) => issue.message) };
  }
  throw new Error("expected the step to be refused");
}

/** The order's state and how many events it has: a refused step must change neither. */
async function stateAndEvents(id: number): Promise<[string, number]> {
  const order = await getDb().selectFrom("work_order").select("state").where("id", "=", id).executeTakeFirstOrThrow();
  const events = await getDb().selectFrom("work_order_event").select("id").where("work_order_id", "=", id).execute();
  return [order.state, events.length];
}

describe("each step's required content is enforced by the server", () => {
  test("every step without its note is refused with the field named in Chinese, and the order stays as it was", async () => {
    const { caseId } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    const head = await api.signedIn(hall.users.department_head.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    /** [who, step, extra fields, the message refusing it without a note] */
    const walk: [TCaller, Parameters<typeof step>[2], { extensionDays?: number }, string][] = [
      [head, "contact", {}, "请填写回访记录"],
      [head, "startRectification", {}, "请填写整改措施"],
      [head, "requestExtension", { extensionDays: 3 }, "请填写延期理由"],
      [manager, "rejectExtension", {}, "请填写审批意见"],
      [head, "requestCannotRectify", {}, "请填写无法整改的理由"],
      [manager, "rejectCannotRectify", {}, "请填写审批意见"],
      [head, "requestCannotRectify", {}, "请填写无法整改的理由"],
      [manager, "approveCannotRectify", {}, "请填写审批意见"],
      [head, "reply", {}, "请填写反馈内容"],
    ];
    for (const [actor, action, extra, message] of walk) {
      const before = await stateAndEvents(id);
      expect(await inputRefusal(step(actor, id, action, { ...extra, note: "  " })), action).toEqual({
        code: "BAD_REQUEST",
        messages: [message],
      });
      expect(await stateAndEvents(id), action).toEqual(before);
      await step(actor, id, action, { ...extra, note: `${action} 的记录` });
    }
    expect((await head.workOrder.byId({ id })).state).toBe("replied");
  });

  test("整改完成 without its 整改情况 is refused; an approved extension needs the manager's note", async () => {
    const { caseId } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    const head = await api.signedIn(hall.users.department_head.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    await step(head, id, "contact", { note: "电话回访" });
    await step(head, id, "startRectification", { note: "调整排班" });
    await step(head, id, "requestExtension", { note: "需要培训", extensionDays: 5 });
    expect(await inputRefusal(step(manager, id, "approveExtension", { note: "" }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["请填写审批意见"],
    });
    await step(manager, id, "approveExtension", { note: "同意延期" });
    const before = await stateAndEvents(id);
    expect(await inputRefusal(step(head, id, "markRectified", { note: "" }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["请填写整改情况"],
    });
    expect(await stateAndEvents(id)).toEqual(before);
    await step(head, id, "markRectified", { note: "已增加高峰时段窗口" });
    expect((await head.workOrder.byId({ id })).state).toBe("rectified");
  });

  test("a reply of 1,000 characters is refused: the citizen reads at most 200", async () => {
    const { caseId } = await ratedCase(1);
    const { id } = await orderOf(caseId);
    const head = await api.signedIn(hall.users.department_head.username);
    await step(head, id, "contact", { note: "电话回访" });
    await step(head, id, "startRectification", { note: "调整排班" });
    await step(head, id, "markRectified", { note: "已整改" });
    expect(await inputRefusal(step(head, id, "reply", { note: "谢".repeat(1000) }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["反馈内容不能超过 200 字（现 1000 字）"],
    });
    expect(await head.workOrder.byId({ id })).toMatchObject({ state: "rectified", reply: "" });
    await step(head, id, "reply", { note: "谢".repeat(200) });
    expect((await head.workOrder.byId({ id })).reply).toHaveLength(200);
  });

  test("an appeal needs its reason and explanation; the manager's decision needs a note", async () => {
    const { caseId } = await ratedCase(1);
    const { id } = await orderOf(caseId);
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await inputRefusal(step(staff, id, "appeal", { note: "" }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["请选择申诉理由", "请填写申诉说明"],
    });
    await step(staff, id, "appeal", { note: "群众误触", appealReason: "mistaken" });
    expect(await inputRefusal(step(manager, id, "upholdAppeal", { note: "" }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["请填写审核意见"],
    });
    expect(await inputRefusal(step(manager, id, "rejectAppeal", { note: "" }))).toEqual({
      code: "BAD_REQUEST",
      messages: ["请填写审核意见"],
    });
    expect(await stateAndEvents(id)).toEqual(["appealed", 2]);
    expect(await getDb().selectFrom("rating_exclusion").select("id").execute()).toEqual([]);
  });
});

describe("work orders", () => {
  test("a bad rating opens exactly one order with its deadlines; a good one opens none", async () => {
    const bad = await ratedCase(2);
    await ratedCase(5);
    const orders = await getDb().selectFrom("work_order").selectAll().execute();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      case_id: bad.caseId,
      state: "pending",
      department_id: hall.departmentIds[0],
      staff_id: hall.staffIds[0],
    });
    const events = await getDb().selectFrom("work_order_event").select(["action", "to_state"]).execute();
    expect(events).toEqual([{ action: "open", to_state: "pending" }]);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const detail = await manager.workOrder.byId({ id: orders[0]?.id ?? 0 });
    // Contact is due within one working day: today or tomorrow's working day is 1 away at most.
    expect(detail).toMatchObject({ deadline: "contact", overdue: false });
    expect(detail.daysLeft).toBeGreaterThanOrEqual(0);
    expect(detail.daysLeft).toBeLessThanOrEqual(1);
    const queue = await manager.workOrder.list({});
    expect(queue.rows[0]).toMatchObject({ deadline: "contact", daysLeft: detail.daysLeft });
  });

  test("deadlines count working days on the holiday calendar", async () => {
    const { caseId } = await ratedCase(1);
    const rating = await getDb()
      .selectFrom("rating")
      .selectAll()
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    await getDb().deleteFrom("work_order_event").execute();
    await getDb().deleteFrom("work_order").execute();
    // Thursday 28 Sep 2023, 10:00 in the hall: 29 Sep – 6 Oct are off, 7 Oct is a make-up working day.
    const id = await openWorkOrder(getDb(), rating, new Date("2023-09-28T02:00:00Z"));
    const order = await getDb()
      .selectFrom("work_order")
      .select(["contact_due", "rectify_due"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(order.contact_due).toBe("2023-10-07");
    // 7 and 8 Oct (make-up), 9–13, 16–20, 23–25 Oct: the fifteenth working day is 25 Oct.
    expect(order.rectify_due).toBe("2023-10-25");
  });

  test("from call-back to the citizen's follow-up rating, every step is an event", async () => {
    const { caseId, caseNo } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    const head = await api.signedIn(hall.users.department_head.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);

    expect(await appCodeOf(step(head, id, "reply", { note: "还没整改就反馈" }))).toBe("WORK_ORDER_TRANSITION_INVALID");
    await step(head, id, "contact", { note: "电话回访：群众反映等候时间长" });
    await step(head, id, "startRectification", { note: "调整窗口排班" });
    await step(head, id, "requestExtension", { note: "需要培训", extensionDays: 5 });
    expect(await appCodeOf(step(head, id, "approveExtension"))).toBe("WORK_ORDER_FORBIDDEN");
    const before = (await head.workOrder.byId({ id })).rectifyDue;
    await step(manager, id, "approveExtension");
    const after = await head.workOrder.byId({ id });
    expect(after.rectifyDue > before).toBe(true);
    expect(after.extension).toBe("approved");
    expect(await appCodeOf(step(head, id, "requestExtension", { extensionDays: 3 }))).toBe("EXTENSION_ALREADY_USED");

    await step(head, id, "markRectified", { note: "已增加高峰时段窗口" });
    await step(head, id, "reply", { note: "已增加窗口，感谢监督" });
    const replied = await head.workOrder.byId({ id });
    expect(replied).toMatchObject({ state: "replied", reply: "已增加窗口，感谢监督" });

    // Rectification took weeks: the follow-up's window opens with the reply, not the completion.
    await getDb()
      .updateTable("case")
      .set({ completed_at: new Date(Date.now() - 20 * 86_400_000) })
      .where("id", "=", caseId)
      .execute();
    // 追评 through the evaluator's own channel rules: the follow-up closes the order.
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const followUp = await device.rating.submit({ caseNo, level: 5, idempotencyKey: randomUUID() });
    expect(followUp.level).toBe(5);
    const closed = await head.workOrder.byId({ id });
    expect(closed.state).toBe("closed");
    expect(closed.events.map((event) => event.action)).toEqual([
      "open",
      "contact",
      "startRectification",
      "requestExtension",
      "approveExtension",
      "markRectified",
      "reply",
      "followUp",
    ]);
    // The citizen's follow-up closed the order: on the audit chain as the platform's step.
    const closing = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "workOrder.followUp")
      .execute();
    expect(closing.map((row) => [row.entity_id, row.actor_role])).toEqual([[String(id), "system"]]);
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 4, idempotencyKey: randomUUID() }))).toBe(
      "ALREADY_RATED",
    );

    const today = hallDate(new Date());
    const [metrics] = await manager.workOrder.metrics({ from: today, to: today, by: "hall" });
    expect(metrics).toMatchObject({
      badReviews: 1,
      open: 0,
      replyRate: { text: "100.00%" },
      followUpSatisfaction: { num: 1, den: 1 },
    });
    const byMonth = await manager.workOrder.metrics({ from: today, to: today, by: "month" });
    expect(byMonth.map((row) => row.key)).toEqual([Number(today.slice(0, 7).replace("-", ""))]);
  });

  test("a follow-up before the order is answered is refused", async () => {
    const { caseNo } = await ratedCase(1);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await appCodeOf(device.rating.submit({ caseNo, level: 5, idempotencyKey: randomUUID() }))).toBe(
      "FOLLOW_UP_NOT_ALLOWED",
    );
  });

  test("an upheld appeal excludes the rating from the rates but keeps it on record; a rejected one restores the order", async () => {
    const upheld = await ratedCase(1);
    const rejected = await ratedCase(2);
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const upheldOrder = await orderOf(upheld.caseId);
    const rejectedOrder = await orderOf(rejected.caseId);

    expect(await appCodeOf(step(staff, upheldOrder.id, "contact"))).toBe("WORK_ORDER_FORBIDDEN");
    await step(staff, upheldOrder.id, "appeal", { note: "群众误操作", appealReason: "mistaken" });
    const appealed = await manager.workOrder.byId({ id: upheldOrder.id });
    expect(appealed.events.at(-1)).toMatchObject({ action: "appeal", appealReason: "mistaken" });
    await step(manager, upheldOrder.id, "upholdAppeal", { note: "经查看录像属误操作" });
    const exclusion = await getDb().selectFrom("rating_exclusion").selectAll().executeTakeFirstOrThrow();
    expect(exclusion).toMatchObject({ reason: "mistaken", approved_by: hall.users.hall_manager.id });

    await step(staff, rejectedOrder.id, "appeal", { note: "恶意差评", appealReason: "malicious" });
    await step(manager, rejectedOrder.id, "rejectAppeal", { note: "证据不足" });
    expect((await manager.workOrder.byId({ id: rejectedOrder.id })).state).toBe("pending");

    const today = hallDate(new Date());
    const overview = await manager.overview.period({ from: today, to: today });
    expect(overview.totals.badRatings).toBe(1);
    expect(await getDb().selectFrom("rating").select("id").execute()).toHaveLength(2);
  });

  test("two people acting on one order at once: one wins, the other is told, nothing is lost", async () => {
    const { caseId } = await ratedCase(2);
    const { id, version } = await orderOf(caseId);
    const head = await api.signedIn(hall.users.department_head.username);
    const results = await Promise.allSettled([
      head.workOrder.act({ workOrderId: id, version, action: "contact", note: "甲回访" }),
      head.workOrder.act({ workOrderId: id, version, action: "contact", note: "乙回访" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const events = await getDb()
      .selectFrom("work_order_event")
      .select("action")
      .where("work_order_id", "=", id)
      .execute();
    expect(events.map((event) => event.action)).toEqual(["open", "contact"]);
  });

  test("who may read: the department's head and the rated staff member, not another department or staff member", async () => {
    const { caseId } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    await dayPassesForWorkOrders(getDb());
    await getDb()
      .updateTable("user")
      .set({ department_id: hall.departmentIds[1] })
      .where("id", "=", hall.users.department_head.id)
      .execute();
    const otherHead = await api.signedIn(hall.users.department_head.username);
    expect(await appCodeOf(otherHead.workOrder.byId({ id }))).toBe("WORK_ORDER_NOT_FOUND");
    expect((await otherHead.workOrder.list({})).total).toBe(0);
    const otherStaff = await api.signedIn(hall.users.secondStaff.username);
    expect(await appCodeOf(otherStaff.workOrder.byId({ id }))).toBe("WORK_ORDER_NOT_FOUND");
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect((await auditor.workOrder.byId({ id })).actions).toEqual([]);
    const staff = await api.signedIn(hall.users.window_staff.username);
    const own = await staff.workOrder.byId({ id });
    expect(own.actions).toEqual(["appeal"]);
    expect(JSON.stringify(own)).not.toContain("13611112222");
  });

  test("the rated staff member sees a bad review's order from the next hall day, never while the citizen may still be there", async () => {
    const { caseId } = await ratedCase(1);
    const { id } = await orderOf(caseId);
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect((await staff.workOrder.list({})).total).toBe(0);
    expect(await appCodeOf(staff.workOrder.byId({ id }))).toBe("WORK_ORDER_NOT_FOUND");
    expect(
      await appCodeOf(
        staff.workOrder.act({
          workOrderId: id,
          version: 0,
          action: "appeal",
          note: "恶意差评",
          appealReason: "malicious",
        }),
      ),
    ).toBe("WORK_ORDER_NOT_FOUND");
    // The department head works on it at once.
    const head = await api.signedIn(hall.users.department_head.username);
    expect((await head.workOrder.list({})).rows.map((row) => row.id)).toEqual([id]);

    await dayPassesForWorkOrders(getDb());
    const nextDay = await staff.workOrder.list({});
    expect(nextDay.rows.map((row) => [row.id, row.level])).toEqual([[id, 1]]);
    expect((await staff.workOrder.byId({ id })).actions).toEqual(["appeal"]);
  });

  test("overdue orders escalate once per level, as events, through the notifier", async () => {
    const { caseId } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    await getDb()
      .updateTable("work_order")
      .set({ contact_due: "2026-01-05", rectify_due: "2099-01-01" })
      .where("id", "=", id)
      .execute();
    const notifier = { notify: vi.fn(() => Promise.resolve()) };
    expect(await escalateOverdue(getDb(), new Date(), notifier)).toBe(1);
    expect(await escalateOverdue(getDb(), new Date(), notifier)).toBe(0);
    expect(notifier.notify).toHaveBeenCalledWith(expect.objectContaining({ workOrderId: id, level: 1 }));
    await getDb().updateTable("work_order").set({ rectify_due: "2026-01-20" }).where("id", "=", id).execute();
    expect(await escalateOverdue(getDb(), new Date(), notifier)).toBe(1);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const queue = await manager.workOrder.list({ overdue: true });
    expect(queue.rows.map((row) => [row.id, row.overdue, row.escalation])).toEqual([[id, true, 2]]);
    const raised = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "workOrder.escalate")
      .orderBy("id")
      .execute();
    expect(raised.map((row) => [row.entity_id, row.actor_role])).toEqual([
      [String(id), "system"],
      [String(id), "system"],
    ]);
  });
});

describe("the queue: most urgent first, searchable, paged", () => {
  /** Six orders put in the given states and deadlines; returns their ids by name. */
  async function sixOrders(): Promise<
    Record<"overdue" | "soon" | "later" | "appealed" | "replied" | "closed", number>
  > {
    const names = ["closed", "later", "overdue", "replied", "soon", "appealed"] as const;
    const ids = {} as Record<(typeof names)[number], number>;
    for (const name of names) ids[name] = (await orderOf((await ratedCase(2)).caseId)).id;
    const set = (id: number, changes: Record<string, unknown>) =>
      getDb().updateTable("work_order").set(changes).where("id", "=", id).execute();
    await set(ids.overdue, { state: "pending", contact_due: "2020-01-02", rectify_due: "2020-01-22" });
    await set(ids.soon, { state: "contacted", contacted_at: new Date(), rectify_due: "2098-01-05" });
    await set(ids.later, { state: "rectifying", contacted_at: new Date(), rectify_due: "2099-01-05" });
    await set(ids.appealed, { state: "appealed", state_before_appeal: "pending", contact_due: "2020-01-02" });
    await set(ids.replied, { state: "replied", rectified_at: new Date(), replied_at: new Date() });
    await set(ids.closed, { state: "closed", rectified_at: new Date(), closed_at: new Date() });
    return ids;
  }

  test("by default: overdue first, then fewest days left, orders without a running deadline, replied, closed last; paging keeps that order", async () => {
    const ids = await sixOrders();
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const urgent = [ids.overdue, ids.soon, ids.later, ids.appealed, ids.replied, ids.closed];
    const queue = await manager.workOrder.list({});
    expect(queue.rows.map((row) => row.id)).toEqual(urgent);
    expect(queue.rows[0]).toMatchObject({ overdue: true, deadline: "contact" });
    const second = await manager.workOrder.list({ page: 2, pageSize: 2 });
    expect({ total: second.total, ids: second.rows.map((row) => row.id) }).toEqual({
      total: 6,
      ids: urgent.slice(2, 4),
    });
    const newest = await manager.workOrder.list({ sort: "newest" });
    expect(newest.rows.map((row) => row.id)).toEqual([...newest.rows.map((row) => row.id)].sort((a, b) => b - a));
    // 只看已超期 counts the same deadline the order shows: the appeal's paused clock is not overdue.
    expect((await manager.workOrder.list({ overdue: true })).rows.map((row) => row.id)).toEqual([ids.overdue]);
  });

  test("searches by the case number's last digits, by staff name or badge, by window and by state, on the server", async () => {
    const first = await ratedCase(2);
    const second = await ratedCase(1, { staff: "secondStaff", window: 1 });
    const third = await ratedCase(2, { staff: "secondStaff", window: 1 });
    const [a, b, c] = await Promise.all([orderOf(first.caseId), orderOf(second.caseId), orderOf(third.caseId)]);
    const head = await api.signedIn(hall.users.department_head.username);
    await step(head, c.id, "contact", { note: "电话回访" });
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const idsOf = async (filter: Parameters<TCaller["workOrder"]["list"]>[0]) => {
      const page = await manager.workOrder.list(filter);
      return { total: page.total, ids: page.rows.map((row) => row.id).sort((x, y) => x - y) };
    };

    expect(await idsOf({ caseNo: second.caseNo.slice(-4) })).toEqual({ total: 1, ids: [b.id] });
    expect(await idsOf({ caseNo: second.caseNo })).toEqual({ total: 1, ids: [b.id] });
    expect(await idsOf({ staff: "李" })).toEqual({ total: 2, ids: [b.id, c.id] });
    expect(await idsOf({ staff: "T001" })).toEqual({ total: 1, ids: [a.id] });
    expect(await idsOf({ windowId: hall.windowIds[1] })).toEqual({ total: 2, ids: [b.id, c.id] });
    expect(await idsOf({ states: ["contacted"] })).toEqual({ total: 1, ids: [c.id] });
    expect(await idsOf({ windowId: hall.windowIds[1], states: ["pending"], staff: "李强" })).toEqual({
      total: 1,
      ids: [b.id],
    });
    expect(await idsOf({ caseNo: "ZZ-NONE" })).toEqual({ total: 0, ids: [] });
    expect(await appCodeOf(manager.workOrder.list({ caseNo: "12%" }))).toBe("BAD_REQUEST");

    // The rated staff never see case numbers, so they cannot search by them.
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.secondStaff.username);
    expect(await appCodeOf(staff.workOrder.list({ caseNo: second.caseNo.slice(-4) }))).toBe(
      "WORK_ORDER_CASE_SEARCH_FORBIDDEN",
    );
    expect((await staff.workOrder.list({ states: ["pending"] })).rows.map((row) => row.id)).toEqual([b.id]);
  });
});

describe("the order says who acts next, by when, and what they must enter", () => {
  test("for every viewer: the department head by name while the order waits for the call-back, the manager for an extension, nobody once closed", async () => {
    await getDb()
      .updateTable("user")
      .set({ display_name: "王芳" })
      .where("id", "=", hall.users.department_head.id)
      .execute();
    await getDb()
      .updateTable("user")
      .set({ display_name: "赵敏" })
      .where("id", "=", hall.users.hall_manager.id)
      .execute();
    const { caseId } = await ratedCase(2);
    const { id } = await orderOf(caseId);
    await dayPassesForWorkOrders(getDb());
    const head = await api.signedIn(hall.users.department_head.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const auditor = await api.signedIn(hall.users.auditor.username);
    const staff = await api.signedIn(hall.users.window_staff.username);

    for (const viewer of [head, manager, auditor, staff]) {
      const detail = await viewer.workOrder.byId({ id });
      expect(detail.next).toEqual({
        actor: "department_head",
        actorNames: ["王芳"],
        actions: ["contact"],
        followUpCloses: false,
      });
      expect(detail).toMatchObject({ deadline: "contact", overdue: false });
    }
    // The manager reads who must act although nothing is theirs to do.
    expect((await manager.workOrder.byId({ id })).actions).toEqual([]);

    await step(head, id, "contact", { note: "电话回访" });
    await step(head, id, "startRectification", { note: "调整排班" });
    await step(head, id, "requestExtension", { note: "需要培训", extensionDays: 5 });
    expect((await head.workOrder.byId({ id })).next).toEqual({
      actor: "hall_manager",
      actorNames: ["赵敏"],
      actions: ["approveExtension", "rejectExtension"],
      followUpCloses: false,
    });
    await step(manager, id, "approveExtension", { note: "同意" });
    await step(head, id, "markRectified", { note: "已整改" });
    await step(head, id, "reply", { note: "已整改，感谢监督" });
    expect((await staff.workOrder.byId({ id })).next).toMatchObject({
      actor: "department_head",
      actions: ["close"],
      followUpCloses: true,
    });
    await step(manager, id, "close", { note: "" });
    const closed = await auditor.workOrder.byId({ id });
    expect(closed.next).toEqual({ actor: null, actorNames: [], actions: [], followUpCloses: false });
    expect(closed.deadline).toBeNull();
  });
});
