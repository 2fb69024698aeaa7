import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { addCalendarDays, hallDate } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";
import { decryptContact } from "./services/contact";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

function newStaff() {
  return {
    badgeNo: "T101",
    name: "赵敏",
    departmentId: hall.departmentIds[1],
    windowIds: [hall.windowIds[1], hall.windowIds[0]],
    phone: "13912345678",
    certificateNo: "SZ-2026-0101",
    certificateExpiresOn: addCalendarDays(hallDate(new Date()), 365),
  };
}

async function auditRecords(action: string) {
  return getDb()
    .selectFrom("audit_log")
    .select(["entity_id", "before_json", "after_json"])
    .where("action", "=", action)
    .execute();
}

async function staffRow(badgeNo: string) {
  return getDb().selectFrom("staff").selectAll().where("badge_no", "=", badgeNo).executeTakeFirst();
}

async function staffCount(): Promise<number> {
  const row = await getDb()
    .selectFrom("staff")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("工作人员", () => {
  test("a manager adds a staff member: windows home first, the phone encrypted and shown masked, audited without it", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const { staffId } = await manager.staff.create(newStaff());
    const listed = (await manager.staff.list()).find((row) => row.id === staffId);
    expect(listed).toMatchObject({
      badgeNo: "T101",
      windowIds: [hall.windowIds[1], hall.windowIds[0]],
      phoneMasked: "139****5678",
      certificateNo: "SZ-2026-0101",
      certificateState: "valid",
      photoUrl: "/avatars/T101.svg",
      active: true,
      leftOn: null,
    });
    const stored = await staffRow("T101");
    expect(stored?.phone_cipher).not.toContain("13912345678");
    expect(decryptContact(api.dataKey, stored?.phone_cipher ?? "")).toBe("13912345678");
    const [record] = await auditRecords("staff.create");
    expect(record?.entity_id).toBe(String(staffId));
    expect(record?.after_json).not.toContain("13912345678");
    expect(record?.after_json).not.toContain(stored?.phone_cipher ?? "-");
    expect(JSON.parse(record?.after_json ?? "null")).toMatchObject({
      phone: "139****5678",
      windowIds: [hall.windowIds[1], hall.windowIds[0]],
    });
  });

  test("bad input changes nothing: a duplicate 工号, a retired or unknown window, a certificate without expiry, a bad phone", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const before = await staffCount();
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), badgeNo: "T001" }))).toBe("STAFF_BADGE_EXISTS");
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), windowIds: [999_999] }))).toBe("STAFF_WINDOW_UNKNOWN");
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), departmentId: 999_999 }))).toBe(
      "DEPARTMENT_NOT_FOUND",
    );
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), certificateExpiresOn: "" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), phone: "12345" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.staff.create({ ...newStaff(), windowIds: [] }))).toBe("BAD_REQUEST");

    // A retired window takes no new staff.
    const device = (await manager.device.list()).find((row) => row.windowId === hall.windowIds[1]);
    await manager.device.unpair({ deviceId: device?.id ?? 0 });
    await manager.windowAdmin.retire({ windowId: hall.windowIds[1] });
    expect(await appCodeOf(manager.staff.create(newStaff()))).toBe("STAFF_WINDOW_UNKNOWN");

    expect(await staffCount()).toBe(before);
    expect(await auditRecords("staff.create")).toEqual([]);
  });

  test("an edit keeps the stored phone unless a new one or none is given; a new 工号 moves the generated avatar", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const { staffId } = await manager.staff.create(newStaff());
    const cipher = (await staffRow("T101"))?.phone_cipher;
    const { phone: _phone, ...withoutPhone } = newStaff();
    await manager.staff.update({
      staffId,
      staff: { ...withoutPhone, badgeNo: "T102", windowIds: [hall.windowIds[0]] },
    });
    const edited = await staffRow("T102");
    expect(edited?.phone_cipher).toBe(cipher);
    expect(edited?.photo_url).toBe("/avatars/T102.svg");
    expect((await manager.staff.list()).find((row) => row.id === staffId)?.windowIds).toEqual([hall.windowIds[0]]);

    await manager.staff.update({ staffId, staff: { ...withoutPhone, badgeNo: "T102", phone: "" } });
    expect(await staffRow("T102")).toMatchObject({ phone_cipher: null, phone_masked: "" });
    const [first] = await auditRecords("staff.update");
    expect(JSON.parse(first?.before_json ?? "null")).toMatchObject({ badgeNo: "T101", phone: "139****5678" });
    expect(JSON.parse(first?.after_json ?? "null")).toMatchObject({ badgeNo: "T102", phone: "139****5678" });
  });

  test("持证上岗: an expired certificate or one expiring within 30 days is marked for the manager", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const today = hallDate(new Date());
    const expired = await manager.staff.create({
      ...newStaff(),
      certificateExpiresOn: addCalendarDays(today, -1),
    });
    const expiring = await manager.staff.create({
      ...newStaff(),
      badgeNo: "T103",
      certificateExpiresOn: addCalendarDays(today, 10),
    });
    const list = await manager.staff.list();
    expect(list.find((row) => row.id === expired.staffId)?.certificateState).toBe("expired");
    // The 亮牌 card of the expired one says so on the evaluator while they serve.
    const staffUser = await api.signedIn(hall.users.window_staff.username);
    await manager.staff.update({
      staffId: hall.staffIds[0],
      staff: {
        badgeNo: "T001",
        name: "王丽",
        departmentId: hall.departmentIds[0],
        windowIds: [hall.windowIds[0], hall.windowIds[1]],
        certificateNo: "SZ-OLD",
        certificateExpiresOn: addCalendarDays(today, -3),
      },
    });
    await staffUser.window.signIn({ windowId: hall.windowIds[0] });
    const tablet = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await tablet.kiosk.state()).staff).toMatchObject({ staffId: hall.staffIds[0], certificateExpired: true });
    expect(list.find((row) => row.id === expiring.staffId)?.certificateState).toBe("expiring");
    expect(list.find((row) => row.id === hall.staffIds[0])?.certificateState).toBe("none");
  });

  test("离职: signed out of the window at once, their account disabled and its sessions ended, kept on record, no longer editable", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    await manager.staff.leave({ staffId: hall.staffIds[0] });
    expect(await staff.window.mine()).toEqual({ windowId: null });
    const listed = (await manager.staff.list()).find((row) => row.id === hall.staffIds[0]);
    expect(listed).toMatchObject({ active: false, leftOn: hallDate(new Date()) });
    expect(await appCodeOf(manager.staff.leave({ staffId: hall.staffIds[0] }))).toBe("STAFF_LEFT");
    expect(
      await appCodeOf(manager.staff.update({ staffId: hall.staffIds[0], staff: { ...newStaff(), badgeNo: "T001" } })),
    ).toBe("STAFF_LEFT");
    // A 离职 staff member's console session ends with the leave, and their account signs in no more.
    const sessions = await getDb()
      .selectFrom("session")
      .select("id")
      .where("user_id", "=", hall.users.window_staff.id)
      .execute();
    expect(sessions).toEqual([]);
    expect(await appCodeOf(api.signedIn(hall.users.window_staff.username))).toBe("ACCOUNT_DISABLED");
    const account = (await manager.account.list()).find((row) => row.id === hall.users.window_staff.id);
    expect(account).toMatchObject({ active: false });
    const [record] = await auditRecords("staff.leave");
    expect(JSON.parse(record?.after_json ?? "null")).toMatchObject({
      active: false,
      signedOutOfWindow: hall.windowIds[0],
      accountDisabled: hall.users.window_staff.id,
      sessionsEnded: 1,
    });
  });

  test("a department head reads their department's staff only and changes none; window staff read none", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    await manager.staff.create(newStaff());
    const head = await api.signedIn(hall.users.department_head.username);
    const seen = await head.staff.list();
    expect(seen.map((row) => row.badgeNo).sort()).toEqual(["T001", "T002"]);
    expect(await appCodeOf(head.staff.create({ ...newStaff(), badgeNo: "T109" }))).toBe("FORBIDDEN");
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.staff.list())).toBe("FORBIDDEN");
  });
});
