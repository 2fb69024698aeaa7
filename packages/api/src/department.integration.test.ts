import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { insertCase } from "@hcp/db";
import { createHallFixture, fixtureCase, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, refusalOf } from "../test/harness";
import { AppError } from "./errors";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** Valid 统一社会信用代码 (GB 32100 check characters). */
const CODE_A = "91350100M000100Y43";
const CODE_B = "11330122MB0012345D";

async function auditRows(action?: string) {
  const rows = await sql<{ action: string; entity_id: string; before_json: string | null; after_json: string | null }>`
    select action, entity_id, before_json, after_json from audit_log order by id`.execute(getDb());
  return rows.rows
    .filter((row) => (action ? row.action === action : row.action.startsWith("department.")))
    .map((row) => ({
      action: row.action,
      entityId: row.entity_id,
      before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
      after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    }));
}

async function departmentCount(): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from department`.execute(getDb());
  return Number(row.rows[0]?.n);
}

describe("部门管理", () => {
  test("an administrator creates a department; it is listed, offered in pickers and audited", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const { id } = await admin.department.create({
      name: "县医疗保障局",
      shortName: "医保局",
      creditCode: "91350100m000100y 43",
      contactName: "赵敏",
      contactPhone: "0571-8888 1234",
    });
    const listed = (await admin.department.list()).find((row) => row.id === id);
    expect(listed).toMatchObject({
      name: "县医疗保障局",
      shortName: "医保局",
      creditCode: CODE_A,
      contactName: "赵敏",
      contactPhone: "0571-8888 1234",
      retiredAt: null,
      activeItems: 0,
      activeStaff: 0,
    });
    expect((await admin.catalog.departments()).map((row) => row.name)).toContain("县医疗保障局");
    expect(await auditRows()).toEqual([
      {
        action: "department.create",
        entityId: String(id),
        before: null,
        after: {
          name: "县医疗保障局",
          shortName: "医保局",
          creditCode: CODE_A,
          contactName: "赵敏",
          contactPhone: "0571-8888 1234",
        },
      },
    ]);
    const page = await admin.audit.list({ limit: 10 });
    expect(page.rows.find((row) => row.action === "department.create")?.entityLabel).toBe("县医疗保障局");
  });

  test("a wrong check character, a taken code or a taken name is refused in Chinese and writes nothing", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const before = await departmentCount();
    const wrong = await refusalOf(admin.department.create({ name: "县医疗保障局", creditCode: "91350100M000100Y44" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toContain("统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 3");
    expect(await departmentCount()).toBe(before);

    await admin.department.create({ name: "县医疗保障局", creditCode: CODE_A });
    expect(await appCodeOf(admin.department.create({ name: "县退役军人事务局", creditCode: CODE_A }))).toBe(
      "DEPARTMENT_CODE_TAKEN",
    );
    expect(await appCodeOf(admin.department.create({ name: "县市场监督管理局", creditCode: CODE_B }))).toBe(
      "DEPARTMENT_NAME_TAKEN",
    );
    expect(await departmentCount()).toBe(before + 1);
    expect((await auditRows()).map((row) => row.action)).toEqual(["department.create"]);
  });

  test("an edit records only the fields it changed; an edit that changes nothing writes nothing", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const { id } = await admin.department.create({ name: "县医疗保障局", creditCode: CODE_A });
    await admin.department.update({ id, name: "县医疗保障局", creditCode: CODE_A, contactPhone: "0571-12345678" });
    await admin.department.update({ id, name: "县医疗保障局", creditCode: CODE_A, contactPhone: "0571-12345678" });
    expect(await auditRows("department.update")).toEqual([
      {
        action: "department.update",
        entityId: String(id),
        before: { contactPhone: "" },
        after: { contactPhone: "0571-12345678" },
      },
    ]);
    expect(await appCodeOf(admin.department.update({ id, name: "县自然资源局", creditCode: CODE_A }))).toBe(
      "DEPARTMENT_NAME_TAKEN",
    );
    expect(await appCodeOf(admin.department.update({ id: 999_999, name: "某局", creditCode: CODE_B }))).toBe(
      "DEPARTMENT_NOT_FOUND",
    );
    expect((await admin.department.list()).find((row) => row.id === id)?.name).toBe("县医疗保障局");
  });

  test("a department still in use is not retired: the refusal counts what holds it, and nothing changes", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const [dept1] = hall.departmentIds;
    const refused = await admin.department.retire({ id: dept1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).appCode).toBe("DEPARTMENT_IN_USE");
    expect((refused as AppError).details).toEqual({
      activeItems: 1,
      activeStaff: 2,
      activeWindows: 1,
      activeUsers: 1,
      openWorkOrders: 0,
    });
    expect((await admin.department.list()).find((row) => row.id === dept1)?.retiredAt).toBeNull();
    expect(await auditRows()).toEqual([]);
  });

  test("a retired department keeps its cases and figures, leaves the pickers, and can be restored", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const db = getDb();
    const [, dept2] = hall.departmentIds;
    // Its one item was retired from the catalogue; a case of it stays on record.
    await sql`update service_item set active = false where id = ${hall.itemIds.promised}`.execute(db);
    await insertCase(
      db,
      fixtureCase(hall, {
        caseNo: "330000202612070001",
        completedAt: new Date(),
        promised: true,
        dueDate: "2026-12-14",
      }),
    );
    await admin.department.retire({ id: dept2 });
    await admin.department.retire({ id: dept2 });

    const row = (await admin.department.list()).find((department) => department.id === dept2);
    expect(row?.retiredAt).not.toBeNull();
    expect((await admin.catalog.departments()).map((department) => department.id)).not.toContain(dept2);
    const cases = await sql<{ n: number }>`select count(*) as n from \`case\` where department_id = ${dept2}`.execute(
      db,
    );
    expect(Number(cases.rows[0]?.n)).toBe(1);
    expect((await auditRows()).map((entry) => entry.action)).toEqual(["department.retire"]);

    // A retired department takes no new window, staff member or account: the pickers hide it and
    // the server refuses it when named anyway.
    const window = { code: "B09", name: "自然资源专窗", kind: "special" as const, itemCodes: [], sortOrder: 40 };
    expect(await appCodeOf(admin.windowAdmin.create({ ...window, departmentIds: [dept2] }))).toBe(
      "WINDOW_DEPARTMENT_UNKNOWN",
    );
    const staff = { badgeNo: "T909", name: "钱进", windowIds: [hall.windowIds[0]], certificateNo: "" };
    expect(await appCodeOf(admin.staff.create({ ...staff, departmentId: dept2, certificateExpiresOn: "" }))).toBe(
      "DEPARTMENT_NOT_FOUND",
    );
    const head = { username: "qian.jin", displayName: "钱进", role: "department_head" as const, staffId: null };
    expect(await appCodeOf(admin.account.create({ ...head, departmentId: dept2 }))).toBe("ACCOUNT_DEPARTMENT_UNKNOWN");
    expect((await auditRows()).map((entry) => entry.action)).toEqual(["department.retire"]);

    // The name is free again while it is retired; restoring it then is refused.
    const { id: successor } = await admin.department.create({ name: "县自然资源局", creditCode: CODE_A });
    expect(await appCodeOf(admin.department.restore({ id: dept2 }))).toBe("DEPARTMENT_NAME_TAKEN");
    await admin.department.update({ id: successor, name: "县自然资源和规划局", creditCode: CODE_A });
    await admin.department.restore({ id: dept2 });
    expect((await admin.catalog.departments()).map((department) => department.id)).toContain(dept2);
    expect((await auditRows()).map((entry) => entry.action)).toEqual([
      "department.retire",
      "department.create",
      "department.update",
      "department.restore",
    ]);
  });

  test("only administrators change departments; a department head reads only their own", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.department.create({ name: "县医疗保障局", creditCode: CODE_A }))).toBe("FORBIDDEN");
    expect(await appCodeOf(manager.department.retire({ id: hall.departmentIds[1] }))).toBe("FORBIDDEN");
    expect((await manager.department.list()).map((row) => row.id)).toEqual(hall.departmentIds);
    const head = await api.signedIn(hall.users.department_head.username);
    expect((await head.department.list()).map((row) => row.id)).toEqual([hall.departmentIds[0]]);
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.department.list())).toBe("FORBIDDEN");
    expect(await departmentCount()).toBe(2);
  });
});
