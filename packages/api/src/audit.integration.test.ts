import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { listAudit, verifyAuditChain, type TAuditListRow } from "@hcp/db";
import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, badlyRatedCase, dayPassesForWorkOrders } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

async function recordsOf(action: string): Promise<TAuditListRow[]> {
  return (await listAudit(getDb(), { action, limit: 50 })).reverse();
}

async function badRatedCase(): Promise<{ caseId: number; workOrderId: number }> {
  const created = await badlyRatedCase(api, hall);
  const order = await getDb()
    .selectFrom("work_order")
    .select("id")
    .where("case_id", "=", created.caseId)
    .executeTakeFirstOrThrow();
  return { caseId: created.caseId, workOrderId: order.id };
}

describe("audit trail of the platform's changes", () => {
  test("work-order steps and an upheld appeal's exclusion are recorded with who, role, before and after", async () => {
    const { workOrderId } = await badRatedCase();
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const appealAt = await staff.workOrder.byId({ id: workOrderId });
    await staff.workOrder.act({
      workOrderId,
      version: appealAt.version,
      action: "appeal",
      note: "群众误触",
      appealReason: "mistaken",
    });
    const upholdAt = await manager.workOrder.byId({ id: workOrderId });
    await manager.workOrder.act({
      workOrderId,
      version: upholdAt.version,
      action: "upholdAppeal",
      note: "经查看录像属误操作",
    });

    const [appeal] = await recordsOf("workOrder.appeal");
    expect(appeal).toMatchObject({
      actorUserId: hall.users.window_staff.id,
      actorRole: "window_staff",
      entity: "work_order",
      entityId: String(workOrderId),
      before: { state: "pending", version: 0 },
      after: { state: "appealed", version: 1 },
    });
    expect(appeal?.after).toMatchObject({ state: "appealed", state_before_appeal: "pending" });
    const [exclusion] = await recordsOf("rating.exclude");
    expect(exclusion).toMatchObject({
      actorUserId: hall.users.hall_manager.id,
      actorRole: "hall_manager",
      entity: "rating",
      before: { excluded: false },
      after: { excluded: true, reason: "mistaken", note: "经查看录像属误操作", approvedBy: hall.users.hall_manager.id },
      detail: { workOrderId },
    });
    expect(await recordsOf("workOrder.upholdAppeal")).toHaveLength(1);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  test("a refused step writes no record", async () => {
    const { workOrderId } = await badRatedCase();
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const detail = await staff.workOrder.byId({ id: workOrderId });
    expect(
      await appCodeOf(staff.workOrder.act({ workOrderId, version: detail.version, action: "contact", note: "已回访" })),
    ).toBe("WORK_ORDER_FORBIDDEN");
    expect(await recordsOf("workOrder.contact")).toHaveLength(0);
  });

  test("devices: create, pairing code and unpair keep the pairing state, never a code or token", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    await getDb()
      .deleteFrom("evaluator_device")
      .where("window_id", "=", hall.windowIds[1] ?? 0)
      .execute();
    const { deviceId } = await admin.device.create({ windowId: hall.windowIds[1] ?? 0 });
    const { code } = await admin.device.issuePairingCode({ deviceId });
    await admin.device.unpair({ deviceId });
    const [created] = await recordsOf("device.create");
    expect(created).toMatchObject({
      actorRole: "admin",
      entityId: String(deviceId),
      before: null,
      after: { windowId: hall.windowIds[1], deviceCode: "PJQ-A02" },
    });
    const [issued] = await recordsOf("device.issuePairingCode");
    expect(issued).toMatchObject({ before: { pairedAt: null, pairingCodeExpiresAt: null }, after: { pairedAt: null } });
    expect((issued?.after as { pairingCodeExpiresAt: string | null }).pairingCodeExpiresAt).not.toBeNull();
    const [unpaired] = await recordsOf("device.unpair");
    expect(unpaired).toMatchObject({ after: { pairedAt: null, pairingCodeExpiresAt: null } });
    const everything = JSON.stringify(await listAudit(getDb(), { limit: 50 }));
    expect(everything).not.toContain(code);
  });

  test("the kiosk's pairing is recorded as the device's own act", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const deviceId = (
      await getDb()
        .selectFrom("evaluator_device")
        .select("id")
        .where("window_id", "=", hall.windowIds[0] ?? 0)
        .executeTakeFirstOrThrow()
    ).id;
    const { code } = await admin.device.issuePairingCode({ deviceId });
    await (await api.caller()).kiosk.pair({ code });
    const [paired] = await recordsOf("device.paired");
    expect(paired).toMatchObject({
      actorUserId: null,
      actorRole: "device",
      after: { windowId: hall.windowIds[0] },
      detail: { ip: "127.0.0.1" },
    });
  });

  test("calendar and hall settings record what they were and what they became", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    await admin.calendar.setDay({ date: "2027-03-05", kind: "holiday", name: "测试假日" });
    await admin.calendar.setDay({ date: "2027-03-05", kind: "regular" });
    const days = await recordsOf("calendar.setDay");
    expect(days.map((record) => [record.before, record.after])).toEqual([
      [null, { kind: "holiday", name: "测试假日" }],
      [{ kind: "holiday", name: "测试假日" }, null],
    ]);
    await manager.calendar.setServiceDay({ date: "2027-03-06", note: "周六延时服务" });
    expect(await recordsOf("calendar.setServiceDay")).toMatchObject([
      { actorRole: "hall_manager", before: null, after: { note: "周六延时服务" } },
    ]);

    const weights = { satisfaction: 70, ratedRate: 10, onTimeCompletion: 10, workOrders: 10 };
    await manager.performance.updateRankingSettings({ weights, minSample: 12 });
    const [ranking] = await recordsOf("hall.updateRankingSettings");
    expect(ranking).toMatchObject({
      actorRole: "hall_manager",
      entityId: String(hall.hallId),
      before: { minSample: 30 },
      after: { weights, minSample: 12 },
    });

    const config = {
      enabled: true,
      endpoint: "https://province.example/api",
      channelMap: {},
      levelCoding: "national" as const,
      dataSource: "1",
      timeoutMs: 5000,
    };
    await admin.province.updateConfig(config);
    await admin.province.updateConfig({ ...config, enabled: false });
    const configs = await recordsOf("province.updateConfig");
    expect(
      configs.map((record) => [
        record.before === null ? null : (record.before as { enabled: boolean }).enabled,
        (record.after as { enabled: boolean }).enabled,
      ]),
    ).toEqual([
      [null, true],
      [true, false],
    ]);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  test("the console reads and verifies the trail; only administrators and 督查 may", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    await admin.calendar.setDay({ date: "2027-03-05", kind: "holiday", name: "测试假日" });
    await admin.calendar.setDay({ date: "2027-03-08", kind: "makeup", name: "调休" });
    const auditor = await api.signedIn(hall.users.auditor.username);
    const page = await auditor.audit.list({ action: "calendar.setDay", limit: 1 });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      action: "calendar.setDay",
      entityId: "2027-03-08",
      actorName: expect.any(String) as string,
    });
    expect(page.actions).toContain("calendar.setDay");
    const next = await auditor.audit.list({ action: "calendar.setDay", limit: 1, cursor: page.nextBeforeId });
    expect(next.rows[0]?.entityId).toBe("2027-03-05");
    expect(await auditor.audit.verify()).toMatchObject({ ok: true });

    await sql`update audit_log set after_json = '{"kind":"holiday","name":"改过"}' where entity_id = '2027-03-05'`.execute(
      getDb(),
    );
    const broken = await admin.audit.verify();
    expect(broken).toMatchObject({ ok: false, brokenAt: { id: next.rows[0]?.id, problem: "hash" } });

    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.audit.list({}))).toBe("FORBIDDEN");
    expect(await appCodeOf(manager.audit.verify())).toBe("FORBIDDEN");
  });

  test("each record names its object as people know it: a case or work order by its case number, a window by its code and name", async () => {
    const { caseId, workOrderId } = await badRatedCase();
    const caseNo = (
      await getDb().selectFrom("case").select("case_no").where("id", "=", caseId).executeTakeFirstOrThrow()
    ).case_no;
    await dayPassesForWorkOrders(getDb());
    const staff = await api.signedIn(hall.users.window_staff.username);
    const order = await staff.workOrder.byId({ id: workOrderId });
    await staff.workOrder.act({
      workOrderId,
      version: order.version,
      action: "appeal",
      note: "群众误触",
      appealReason: "mistaken",
    });
    const admin = await api.signedIn(hall.users.admin.username);
    await admin.calendar.setDay({ date: "2027-03-05", kind: "holiday", name: "测试假日" });

    const auditor = await api.signedIn(hall.users.auditor.username);
    const labelOf = async (action: string) => (await auditor.audit.list({ action, limit: 1 })).rows[0]?.entityLabel;
    expect(await labelOf("workOrder.appeal")).toBe(caseNo);
    expect(await labelOf("case.create")).toBe(caseNo);
    expect(await labelOf("window.signIn")).toBe("A01 综合受理1号窗口");
    // the latest sign-in is the 督查's own
    expect(await labelOf("auth.signIn")).toBe("auditor");
    expect(await labelOf("calendar.setDay")).toBe("2027-03-05");
  });
});
