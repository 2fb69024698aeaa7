import { describe, expect, test } from "vitest";

import { useTestDb } from "@hcp/db/testing/test-db";
import { DEFAULT_OPENING_HOURS, SETUP_CHECKS, type TSetupCheck } from "@hcp/domain";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { ensureFirstAdministrator } from "./services/accounts/first-admin";

/** An installation started from nothing: only the first administrator and the blank hall. */
let firstPassword = "";
const getDb = useTestDb({
  seed: async (db) => {
    const created = await ensureFirstAdministrator(db, "chief", new Date());
    firstPassword = created?.password ?? "";
  },
});
const api = apiHarness(getDb);
const OWN_PASSWORD = "our own hall 2026 setup";

/** The first administrator, past the forced change of the one-time password. */
async function administrator(): Promise<TCaller> {
  const first = await api.signedIn("chief", firstPassword);
  await first.auth.changePassword({ currentPassword: firstPassword, newPassword: OWN_PASSWORD });
  return api.signedIn("chief", OWN_PASSWORD);
}

async function missing(caller: TCaller): Promise<TSetupCheck[]> {
  const status = await caller.setup.status();
  return status.items.filter((item) => !item.done).map((item) => item.check);
}

async function lacking(caller: TCaller, check: TSetupCheck): Promise<string[]> {
  const item = (await caller.setup.status()).items.find((row) => row.check === check);
  return item?.lacking.map((ref) => `${ref.code} ${ref.name}`) ?? [];
}

const EVERY_CHECK: readonly TSetupCheck[] = SETUP_CHECKS;

/** A window's evaluator registered and paired through a one-time code, as a tablet does it. */
async function pairEvaluator(admin: TCaller, windowId: number): Promise<void> {
  const { deviceId } = await admin.device.create({ windowId });
  const { code } = await admin.device.issuePairingCode({ deviceId });
  await (await api.caller()).kiosk.pair({ code });
}

describe("开始设置: what the hall still lacks before it can take ratings", () => {
  test("an empty hall lacks every item; each turns done as the administrator adds it through the console's procedures", async () => {
    const admin = await administrator();
    const empty = await admin.setup.status();
    expect(empty.ready).toBe(false);
    expect(await missing(admin)).toEqual(EVERY_CHECK);

    await admin.hall.update({
      name: "测试县政务服务中心",
      regionCode: "330122",
      address: "",
      openingHours: DEFAULT_OPENING_HOURS,
    });
    expect(await missing(admin)).toEqual(EVERY_CHECK.slice(2));

    const { id: departmentId } = await admin.department.create({
      name: "县市场监督管理局",
      creditCode: "91350100M000100Y43",
    });
    expect(await missing(admin)).toEqual(EVERY_CHECK.slice(3));

    await admin.catalogue.create({
      code: "SETUP-0001",
      name: "个体工商户设立登记",
      departmentId,
      caseType: "instant",
      promisedDays: 0,
      legalDays: null,
      inHall: true,
      windowIds: [],
    });
    expect(await missing(admin)).toEqual(EVERY_CHECK.slice(4));

    // A window that receives nothing yet does not count; one receiving the department does.
    const { windowId } = await admin.windowAdmin.create({
      code: "A01",
      name: "综合受理窗口",
      kind: "comprehensive",
      departmentIds: [],
      itemCodes: [],
      sortOrder: 10,
    });
    expect(await missing(admin)).toEqual(EVERY_CHECK.slice(4));
    expect(await lacking(admin, "windowStaff")).toEqual(["A01 综合受理窗口"]);
    expect(await lacking(admin, "evaluators")).toEqual(["A01 综合受理窗口"]);
    await admin.windowAdmin.update({
      windowId,
      window: {
        code: "A01",
        name: "综合受理窗口",
        kind: "comprehensive",
        departmentIds: [departmentId],
        itemCodes: [],
        sortOrder: 10,
      },
    });
    expect(await missing(admin)).toEqual(EVERY_CHECK.slice(5));

    const { staffId } = await admin.staff.create({
      badgeNo: "S001",
      name: "王丽",
      departmentId,
      windowIds: [windowId],
      certificateNo: "",
      certificateExpiresOn: "",
    });
    expect(await missing(admin)).toEqual(["staffAccounts", "evaluators"]);
    expect(await lacking(admin, "staffAccounts")).toEqual(["S001 王丽"]);

    await admin.account.create({
      username: "s001",
      displayName: "王丽",
      role: "window_staff",
      departmentId: null,
      staffId,
    });
    expect(await missing(admin)).toEqual(["evaluators"]);

    await pairEvaluator(admin, windowId);
    const ready = await admin.setup.status();
    expect(ready.ready).toBe(true);
    expect(ready.items.every((item) => item.done && item.lacking.length === 0)).toBe(true);

    // A second window opens: it needs someone to serve there and its evaluator before the hall is ready again.
    await admin.windowAdmin.create({
      code: "B01",
      name: "出入境窗口",
      kind: "special",
      departmentIds: [departmentId],
      itemCodes: [],
      sortOrder: 20,
    });
    expect(await missing(admin)).toEqual(["windowStaff", "evaluators"]);
    expect(await lacking(admin, "windowStaff")).toEqual(["B01 出入境窗口"]);
    expect(await lacking(admin, "evaluators")).toEqual(["B01 出入境窗口"]);
  });

  test("only what is in use counts: a retired item, a staff member who left, a disabled account", async () => {
    const admin = await administrator();
    await admin.hall.update({
      name: "测试县政务服务中心",
      regionCode: "330122",
      address: "",
      openingHours: DEFAULT_OPENING_HOURS,
    });
    const { id: departmentId } = await admin.department.create({
      name: "县自然资源局",
      creditCode: "91350100M000100Y43",
    });
    const { id: itemId } = await admin.catalogue.create({
      code: "SETUP-0002",
      name: "不动产首次登记",
      departmentId,
      caseType: "promised",
      promisedDays: 5,
      legalDays: null,
      inHall: true,
      windowIds: [],
    });
    const { windowId } = await admin.windowAdmin.create({
      code: "A01",
      name: "综合受理窗口",
      kind: "comprehensive",
      departmentIds: [],
      itemCodes: ["SETUP-0002"],
      sortOrder: 10,
    });
    const { staffId } = await admin.staff.create({
      badgeNo: "S002",
      name: "李强",
      departmentId,
      windowIds: [windowId],
      certificateNo: "",
      certificateExpiresOn: "",
    });
    const { userId } = await admin.account.create({
      username: "s002",
      displayName: "李强",
      role: "window_staff",
      departmentId: null,
      staffId,
    });
    await pairEvaluator(admin, windowId);
    expect((await admin.setup.status()).ready).toBe(true);

    // The window received only the item: retiring it leaves the window receiving nothing.
    await admin.catalogue.retire({ id: itemId });
    expect(await missing(admin)).toEqual(["serviceItem", "window"]);
    await admin.catalogue.restore({ id: itemId });

    await admin.account.disable({ userId });
    expect(await missing(admin)).toEqual(["staffAccounts"]);
    await admin.account.enable({ userId });
    expect((await admin.setup.status()).ready).toBe(true);

    await admin.staff.leave({ staffId });
    expect(await missing(admin)).toEqual(["staff", "windowStaff", "staffAccounts"]);
  });

  test("a hall manager reads the checklist; other roles are refused", async () => {
    const admin = await administrator();
    const { id: departmentId } = await admin.department.create({
      name: "县市场监督管理局",
      creditCode: "91350100M000100Y43",
    });
    for (const [username, role] of [
      ["mgr1", "hall_manager"],
      ["aud1", "auditor"],
      ["head1", "department_head"],
    ] as const) {
      const created = await admin.account.create({
        username,
        displayName: username,
        role,
        departmentId: role === "department_head" ? departmentId : null,
        staffId: null,
      });
      // Created without a handover named: a one-time password.
      const initialPassword = created.initialPassword ?? "";
      const first = await api.signedIn(username, initialPassword);
      await first.auth.changePassword({ currentPassword: initialPassword, newPassword: OWN_PASSWORD });
    }
    const manager = await api.signedIn("mgr1", OWN_PASSWORD);
    expect(await missing(manager)).toEqual(EVERY_CHECK.slice(0, 2).concat(EVERY_CHECK.slice(3)));
    expect(await appCodeOf((await api.signedIn("aud1", OWN_PASSWORD)).setup.status())).toBe("FORBIDDEN");
    expect(await appCodeOf((await api.signedIn("head1", OWN_PASSWORD)).setup.status())).toBe("FORBIDDEN");
  });
});
