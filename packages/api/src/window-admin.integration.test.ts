import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const NEW_WINDOW = {
  code: "B01",
  name: "不动产登记专业窗口",
  kind: "special" as const,
  departmentIds: [] as number[],
  itemCodes: ["TEST-0002"],
  sortOrder: 30,
};

async function auditRecords(action: string) {
  return getDb()
    .selectFrom("audit_log")
    .select(["entity_id", "actor_role", "before_json", "after_json"])
    .where("action", "=", action)
    .execute();
}

async function windowCount(): Promise<number> {
  const row = await getDb()
    .selectFrom("window")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("窗口管理", () => {
  test("a manager adds a 专业 window with its department and items; the desk and the list show it in floor order, audited", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const { windowId } = await manager.windowAdmin.create({ ...NEW_WINDOW, departmentIds: [hall.departmentIds[1]] });

    const list = await manager.windowAdmin.list();
    expect(list.find((row) => row.id === windowId)).toMatchObject({
      code: "B01",
      kind: "special",
      departmentId: hall.departmentIds[1],
      departmentIds: [hall.departmentIds[1]],
      itemCount: 1,
      active: true,
      hasDevice: false,
    });
    expect(await manager.windowAdmin.byId({ windowId })).toMatchObject({
      window: { code: "B01", itemCodes: ["TEST-0002"], departmentIds: [hall.departmentIds[1]], sortOrder: 30 },
    });
    // The fixture's A01/A02 were migrated to no explicit order (0): the new one at 30 comes after them.
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect((await staff.window.list()).map((window) => window.code)).toEqual(["A01", "A02", "B01"]);

    const [record] = await auditRecords("window.create");
    expect(record?.entity_id).toBe(String(windowId));
    expect(record?.actor_role).toBe("hall_manager");
    expect(JSON.parse(record?.after_json ?? "null")).toMatchObject({ code: "B01", itemCodes: ["TEST-0002"] });
  });

  test("bad input changes nothing: a duplicate code, an unknown item code, a 专业 window without its department, another hall's department", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const before = await windowCount();
    expect(
      await appCodeOf(
        manager.windowAdmin.create({ ...NEW_WINDOW, code: "A01", departmentIds: [hall.departmentIds[0]] }),
      ),
    ).toBe("WINDOW_CODE_EXISTS");
    expect(
      await appCodeOf(
        manager.windowAdmin.create({ ...NEW_WINDOW, departmentIds: [hall.departmentIds[1]], itemCodes: ["NO-SUCH"] }),
      ),
    ).toBe("WINDOW_ITEM_CODE_UNKNOWN");
    expect(await appCodeOf(manager.windowAdmin.create(NEW_WINDOW))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.windowAdmin.create({ ...NEW_WINDOW, departmentIds: [999_999] }))).toBe(
      "WINDOW_DEPARTMENT_UNKNOWN",
    );
    // A rename onto another window's code is refused too, and leaves both as they were.
    expect(
      await appCodeOf(
        manager.windowAdmin.update({
          windowId: hall.windowIds[1],
          window: { ...NEW_WINDOW, kind: "comprehensive", code: "A01", itemCodes: [] },
        }),
      ),
    ).toBe("WINDOW_CODE_EXISTS");
    expect(await windowCount()).toBe(before);
    expect((await manager.windowAdmin.byId({ windowId: hall.windowIds[1] })).window.code).toBe("A02");
    expect(await auditRecords("window.create")).toEqual([]);
    expect(await auditRecords("window.update")).toEqual([]);
  });

  test("renaming a window keeps its evaluator bound: the tablet shows the new name, the audit trail both", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    await manager.windowAdmin.update({
      windowId: hall.windowIds[0],
      window: {
        code: "C01",
        name: "企业开办综合受理窗口",
        kind: "comprehensive",
        departmentIds: [hall.departmentIds[0], hall.departmentIds[1]],
        itemCodes: ["TEST-0001", "TEST-0002"],
        sortOrder: 5,
      },
    });
    const tablet = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await tablet.kiosk.state()).window).toMatchObject({
      id: hall.windowIds[0],
      code: "C01",
      name: "企业开办综合受理窗口",
    });
    const devices = await manager.device.list();
    expect(devices.find((device) => device.windowId === hall.windowIds[0])).toMatchObject({
      paired: true,
      windowCode: "C01",
    });
    const [record] = await auditRecords("window.update");
    expect(JSON.parse(record?.before_json ?? "null")).toMatchObject({ code: "A01", itemCodes: [] });
    expect(JSON.parse(record?.after_json ?? "null")).toMatchObject({
      code: "C01",
      departmentIds: [hall.departmentIds[0], hall.departmentIds[1]],
      itemCodes: ["TEST-0001", "TEST-0002"],
    });
  });

  test("retiring needs the evaluator unpaired and nobody signed in; a retired window leaves the desk and cannot be edited", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const windowId = hall.windowIds[1];
    expect(await appCodeOf(manager.windowAdmin.retire({ windowId }))).toBe("WINDOW_EVALUATOR_PAIRED");
    const device = (await manager.device.list()).find((row) => row.windowId === windowId);
    await manager.device.unpair({ deviceId: device?.id ?? 0 });
    const staff = await api.signedIn(hall.users.secondStaff.username);
    await staff.window.signIn({ windowId });
    expect(await appCodeOf(manager.windowAdmin.retire({ windowId }))).toBe("WINDOW_OCCUPIED");
    expect((await manager.windowAdmin.list()).find((row) => row.id === windowId)?.active).toBe(true);
    expect(await auditRecords("window.retire")).toEqual([]);

    await staff.window.signOut();
    await manager.windowAdmin.retire({ windowId });
    expect((await manager.windowAdmin.list()).find((row) => row.id === windowId)).toMatchObject({ active: false });
    expect((await staff.window.list()).map((window) => window.id)).toEqual([hall.windowIds[0]]);
    expect(await appCodeOf(staff.window.signIn({ windowId }))).toBe("WINDOW_RETIRED");
    expect(await appCodeOf(manager.windowAdmin.retire({ windowId }))).toBe("WINDOW_RETIRED");
    expect(
      await appCodeOf(
        manager.windowAdmin.update({ windowId, window: { ...NEW_WINDOW, kind: "comprehensive", code: "A02" } }),
      ),
    ).toBe("WINDOW_RETIRED");
    expect(await auditRecords("window.retire")).toHaveLength(1);
  });

  test("department heads and 督查 read the windows but change none; window staff do not read them", async () => {
    const head = await api.signedIn(hall.users.department_head.username);
    expect((await head.windowAdmin.list()).length).toBe(2);
    expect(await appCodeOf(head.windowAdmin.create({ ...NEW_WINDOW, departmentIds: [hall.departmentIds[0]] }))).toBe(
      "FORBIDDEN",
    );
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect(await appCodeOf(auditor.windowAdmin.retire({ windowId: hall.windowIds[0] }))).toBe("FORBIDDEN");
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.windowAdmin.list())).toBe("FORBIDDEN");
  });
});
