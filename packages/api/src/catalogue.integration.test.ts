import ExcelJS from "exceljs";
import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, refusalOf, type TCaller } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const admin = () => api.signedIn(hall.users.admin.username);

const HEADER = "事项编码,事项名称,实施部门,办件类型,承诺时限（工作日）,法定时限（工作日）,是否进驻大厅,受理窗口";

function csv(rows: string[][]): string {
  return `${HEADER}\r\n${rows.map((row) => row.join(",")).join("\r\n")}\r\n`;
}

const file = (content: string, fileName = "事项目录.csv") => ({ fileName, content, encoding: "text" as const });

/** The fixture's two items as the province lists them, then whatever the test adds. */
const instantRow = ["TEST-0001", "个体工商户设立登记", "县市场监督管理局", "即办件", "0", "", "是", "A01"];
const promisedRow = ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "5", "20", "是", "A02"];

/** Everything an import may write, to show that a refusal wrote none of it. */
async function snapshot() {
  const db = getDb();
  const [items, versions, links, audits] = await Promise.all([
    db.selectFrom("service_item").selectAll().orderBy("id").execute(),
    db.selectFrom("service_item_version").selectAll().orderBy("id").execute(),
    db.selectFrom("window_service_item").selectAll().orderBy("service_item_id").orderBy("window_id").execute(),
    db.selectFrom("audit_log").select(["id", "action"]).orderBy("id").execute(),
  ]);
  return { items, versions, links, audits };
}

async function previewAndApply(caller: TCaller, content: string, validRowsOnly = false) {
  const preview = await caller.catalogue.previewImport(file(content));
  const applied = await caller.catalogue.applyImport({
    file: file(content),
    planHash: preview.planHash,
    validRowsOnly,
  });
  return { preview, applied };
}

describe("importing the province's catalogue", () => {
  const mixed = csv([
    // changed: promise 5 → 10 days, legal limit stated, second window added (by name)
    ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "10个工作日", "20", "是", "A02、综合受理1号窗口"],
    // added, department by its code
    ["TEST-0100", "食品经营许可", "11330000TEST00000X", "承诺", "7", "20", "是", "A01"],
    // refused: unknown department, unknown window, a 承诺件 without days
    ["TEST-0101", "无此部门事项", "县不存在局", "承诺件", "", "", "是", "B09"],
    // refused: promise longer than the legal limit
    ["TEST-0102", "超过法定时限", "县市场监督管理局", "承诺件", "30", "20", "否", ""],
    // refused: the same code twice
    ["TEST-0100", "重复编码", "县市场监督管理局", "即办件", "", "", "是", ""],
    // TEST-0001 is not listed: it is retired
  ]);

  test("the dry run reports added, changed field by field, retired and refused rows, and writes nothing", async () => {
    const caller = await admin();
    const before = await snapshot();
    const preview = await caller.catalogue.previewImport(file(mixed));

    expect(preview.totalRows).toBe(5);
    expect(preview.added).toEqual([
      { row: 3, code: "TEST-0100", name: "食品经营许可", department: "县市场监督管理局" },
    ]);
    expect(preview.changed).toEqual([
      {
        row: 2,
        code: "TEST-0002",
        name: "不动产首次登记",
        changes: [
          { field: "promisedDays", label: "承诺时限", before: "5 个工作日", after: "10 个工作日" },
          { field: "legalDays", label: "法定时限", before: "—", after: "20 个工作日" },
          {
            field: "windows",
            label: "受理窗口",
            before: "—",
            after: "A01 综合受理1号窗口、A02 综合受理2号窗口",
          },
        ],
      },
    ]);
    expect(preview.retired).toEqual([
      { code: "TEST-0001", name: "个体工商户设立登记", department: "县市场监督管理局" },
    ]);
    expect(preview.unchanged).toBe(0);
    expect(preview.refused).toEqual([
      {
        row: 4,
        code: "TEST-0101",
        problems: [
          {
            field: "department",
            column: "实施部门",
            message: "实施部门“县不存在局”不是本大厅的进驻部门（按部门名称或统一社会信用代码匹配）",
          },
          { field: "windows", column: "受理窗口", message: "受理窗口“B09”不存在或已撤销（按窗口编号或名称匹配）" },
          { field: "promisedDays", column: "承诺时限", message: "承诺件须填写承诺时限（1–365 个工作日）" },
        ],
      },
      {
        row: 5,
        code: "TEST-0102",
        problems: [{ field: "promisedDays", column: "承诺时限", message: "承诺时限不能超过法定时限" }],
      },
      {
        row: 6,
        code: "TEST-0100",
        problems: [{ field: "code", column: "事项编码", message: "与第 3 行的事项编码重复" }],
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("with bad rows nothing is applied unless the valid rows are chosen", async () => {
    const caller = await admin();
    const preview = await caller.catalogue.previewImport(file(mixed));
    const before = await snapshot();
    expect(
      await appCodeOf(
        caller.catalogue.applyImport({ file: file(mixed), planHash: preview.planHash, validRowsOnly: false }),
      ),
    ).toBe("CATALOGUE_IMPORT_ROWS_INVALID");
    expect(await snapshot()).toEqual(before);

    const applied = await caller.catalogue.applyImport({
      file: file(mixed),
      planHash: preview.planHash,
      validRowsOnly: true,
    });
    expect(applied).toEqual({ added: 1, changed: 1, retired: 1, unchanged: 0, refused: 3 });

    const items = await getDb()
      .selectFrom("service_item")
      .select(["code", "case_type", "promised_days", "legal_days", "active"])
      .orderBy("code")
      .execute();
    expect(items).toEqual([
      { code: "TEST-0001", case_type: "instant", promised_days: 0, legal_days: null, active: false },
      { code: "TEST-0002", case_type: "promised", promised_days: 10, legal_days: 20, active: true },
      { code: "TEST-0100", case_type: "promised", promised_days: 7, legal_days: 20, active: true },
    ]);
    const links = await getDb()
      .selectFrom("window_service_item")
      .innerJoin("service_item", "service_item.id", "window_service_item.service_item_id")
      .innerJoin("window", "window.id", "window_service_item.window_id")
      .select(["service_item.code", "window.code as window"])
      .orderBy("service_item.code")
      .orderBy("window.code")
      .execute();
    expect(links).toEqual([
      { code: "TEST-0002", window: "A01" },
      { code: "TEST-0002", window: "A02" },
      { code: "TEST-0100", window: "A01" },
    ]);
    // One record for the whole import, naming each item's state before and after.
    const records = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "serviceItem.import")
      .execute();
    expect(records).toHaveLength(1);
    const record = records[0];
    expect(record?.actor_user_id).toBe(hall.users.admin.id);
    expect(JSON.parse(record?.detail ?? "{}")).toMatchObject({
      added: 1,
      changed: 1,
      retired: 1,
      refusedRows: [4, 5, 6],
    });
    expect(JSON.parse(record?.before_json ?? "{}")).toMatchObject({ "TEST-0002": { promisedDays: 5 } });
    expect(JSON.parse(record?.after_json ?? "{}")).toMatchObject({
      "TEST-0002": { promisedDays: 10 },
      "TEST-0001": { active: false },
      "TEST-0100": { promisedDays: 7 },
    });

    // The same file again: nothing left to do, nothing written.
    const again = await previewAndApply(caller, mixed, true);
    expect(again.preview).toMatchObject({ added: [], changed: [], retired: [], unchanged: 2 });
    expect(again.applied).toEqual({ added: 0, changed: 0, retired: 0, unchanged: 2, refused: 3 });
  });

  test("a catalogue changed since the dry run is not applied", async () => {
    const caller = await admin();
    const content = csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "8", "", "是", "A02"]]);
    const preview = await caller.catalogue.previewImport(file(content));
    const detail = await caller.catalogue.item({ id: hall.itemIds.promised });
    await caller.catalogue.update({ ...detail, promisedDays: 6 });
    const before = await snapshot();
    expect(
      await appCodeOf(
        caller.catalogue.applyImport({ file: file(content), planHash: preview.planHash, validRowsOnly: false }),
      ),
    ).toBe("CATALOGUE_IMPORT_STALE");
    expect(await snapshot()).toEqual(before);
  });

  test("an import whose audit record cannot be written changes nothing", async () => {
    const caller = await admin();
    const content = csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "9", "", "是", "A02"]]);
    const preview = await caller.catalogue.previewImport(file(content));
    const before = await snapshot();
    await sql
      .raw(
        `create trigger audit_refuses before insert on audit_log for each row
         begin if new.action = 'serviceItem.import' then signal sqlstate '45000' set message_text = 'audit write refused'; end if; end`,
      )
      .execute(getDb());
    try {
      await expect(
        caller.catalogue.applyImport({ file: file(content), planHash: preview.planHash, validRowsOnly: false }),
      ).rejects.toThrow();
    } finally {
      await sql`drop trigger if exists audit_refuses`.execute(getDb());
    }
    expect(await snapshot()).toEqual(before);
  });

  test("a retired window accepts no item, and still names the items it accepted", async () => {
    const db = getDb();
    await db
      .insertInto("window_service_item")
      .values({ window_id: hall.windowIds[1], service_item_id: hall.itemIds.promised })
      .execute();
    await db.updateTable("window").set({ active: false }).where("id", "=", hall.windowIds[1]).execute();
    const preview = await (
      await admin()
    ).catalogue.previewImport(
      file(
        csv([
          ["TEST-0001", "个体工商户设立登记", "县市场监督管理局", "即办件", "0", "", "是", "A02"],
          ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "5", "", "是", "A01"],
        ]),
      ),
    );
    expect(preview.refused).toEqual([
      {
        row: 2,
        code: "TEST-0001",
        problems: [
          { field: "windows", column: "受理窗口", message: "受理窗口“A02”不存在或已撤销（按窗口编号或名称匹配）" },
        ],
      },
    ]);
    expect(preview.changed[0]?.changes).toEqual([
      { field: "windows", label: "受理窗口", before: "A02 综合受理2号窗口", after: "A01 综合受理1号窗口" },
    ]);
  });

  test("an XLSX export is read like the CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("事项");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(instantRow);
    sheet.addRow(promisedRow);
    sheet.addRow(["TEST-0200", "道路运输经营许可", "县自然资源局", "承诺件", 15, 20, "否", "A02"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const caller = await admin();
    const xlsx = { fileName: "事项目录.xlsx", content, encoding: "base64" as const };
    const preview = await caller.catalogue.previewImport(xlsx);
    expect(preview.refused).toEqual([]);
    expect(preview.added).toEqual([
      { row: 4, code: "TEST-0200", name: "道路运输经营许可", department: "县自然资源局" },
    ]);
    const applied = await caller.catalogue.applyImport({
      file: xlsx,
      planHash: preview.planHash,
      validRowsOnly: false,
    });
    expect(applied).toMatchObject({ added: 1, changed: 2, retired: 0 });
    const item = await getDb()
      .selectFrom("service_item")
      .select(["in_hall", "promised_days"])
      .where("code", "=", "TEST-0200")
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ in_hall: false, promised_days: 15 });
  });

  test("a file without a required column, or not a CSV/XLSX, is refused whole", async () => {
    const caller = await admin();
    const refusal = await refusalOf(caller.catalogue.previewImport(file("事项编码,事项名称\r\nX-1,甲\r\n")));
    expect(refusal.appCode).toBe("CASE_IMPORT_HEADER_INVALID");
    expect(await appCodeOf(caller.catalogue.previewImport(file("x", "事项.txt")))).toBe("CASE_IMPORT_UNREADABLE");
  });

  test("an item code another hall holds is refused", async () => {
    const other = await getDb()
      .insertInto("hall")
      .values({ code: "OTHER", name: "另一个大厅", region_code: "330001", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    const department = await getDb()
      .insertInto("department")
      .values({ hall_id: Number(other.insertId), code: "OTHER-DEPT", name: "另一个部门", sort_order: 0 })
      .executeTakeFirstOrThrow();
    await getDb()
      .insertInto("service_item")
      .values({
        department_id: Number(department.insertId),
        code: "TEST-0300",
        name: "别厅事项",
        case_type: "instant",
        promised_days: 0,
        active: true,
      })
      .execute();
    const preview = await (
      await admin()
    ).catalogue.previewImport(
      file(csv([instantRow, promisedRow, ["TEST-0300", "别厅事项", "县自然资源局", "即办件", "0", "", "是", ""]])),
    );
    expect(preview.refused).toEqual([
      {
        row: 4,
        code: "TEST-0300",
        problems: [{ field: "code", column: "事项编码", message: "该事项编码已被其他大厅的事项使用" }],
      },
    ]);
  });

  test("only administrators change the catalogue", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.catalogue.previewImport(file(csv([instantRow]))))).toBe("FORBIDDEN");
    expect(await appCodeOf(manager.catalogue.retire({ id: hall.itemIds.instant }))).toBe("FORBIDDEN");
    // …and read an item's history
    expect((await manager.catalogue.item({ id: hall.itemIds.instant })).code).toBe("TEST-0001");
  });
});

describe("item versions", () => {
  test("a changed promise time applies to cases received after the change; earlier cases keep theirs", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const receive = () =>
      staff.case.create({
        serviceItemId: hall.itemIds.promised,
        applicantType: "person",
        applicantName: "周二",
        applicantPhone: "13611112222",
      });
    const earlier = await receive();

    const caller = await admin();
    await previewAndApply(
      caller,
      csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "12", "", "是", "A02"]]),
    );
    const later = await receive();

    const cases = await getDb().selectFrom("case").select(["id", "promised_days"]).orderBy("id").execute();
    expect(cases).toEqual([
      { id: earlier.id, promised_days: 5 },
      { id: later.id, promised_days: 12 },
    ]);
    const detail = await caller.catalogue.item({ id: hall.itemIds.promised });
    expect(
      detail.versions.map((version) => [
        version.version,
        version.source,
        version.promisedDays,
        version.validFrom === null,
      ]),
    ).toEqual([
      [2, "import", 12, false],
      [1, "earlier", 5, true],
    ]);
    expect(detail.versions[0]?.changedBy).toBe("admin");
  });

  test("a case a business system registers later takes the promise time in force when it was received", async () => {
    let clock = new Date("2026-03-02T02:00:00Z");
    const timed = apiHarness(getDb, { now: () => clock });
    const caller = await timed.signedIn(hall.users.admin.username);
    await previewAndApply(
      caller,
      csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "12", "", "是", "A02"]]),
    );
    clock = new Date("2026-03-04T02:00:00Z");
    const manager = await timed.signedIn(hall.users.hall_manager.username);
    const register = (caseNo: string, receivedAt: string) =>
      manager.integrationCase.upsert({
        caseNo,
        itemCode: "TEST-0002",
        windowCode: "A01",
        handlingChannel: "window",
        applicantType: "person",
        applicantName: "张三丰",
        applicantPhone: "13812345678",
        receivedAt,
      });
    expect((await register("BIZ-BEFORE", "2026-03-01 09:30:00")).case.promisedDays).toBe(5);
    expect((await register("BIZ-AFTER", "2026-03-03 09:30:00")).case.promisedDays).toBe(12);
  });

  test("a retired item takes no new case and leaves the pickers; its cases and figures stay", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const kept = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: "吴三",
      applicantPhone: "13611113333",
    });
    const caller = await admin();
    await caller.catalogue.retire({ id: hall.itemIds.instant });

    expect(
      await appCodeOf(
        staff.case.create({
          serviceItemId: hall.itemIds.instant,
          applicantType: "person",
          applicantName: "吴三",
          applicantPhone: "13611113333",
        }),
      ),
    ).toBe("ITEM_NOT_FOUND");
    expect((await staff.catalog.items({})).items.map((item) => item.code)).toEqual(["TEST-0002"]);
    expect((await caller.catalogue.items({ status: "retired" })).items.map((item) => item.code)).toEqual(["TEST-0001"]);
    expect(
      await getDb().selectFrom("case").select("service_item_id").where("id", "=", kept.id).executeTakeFirst(),
    ).toEqual({
      service_item_id: hall.itemIds.instant,
    });
    await staff.case.complete({ caseId: kept.id });

    await caller.catalogue.restore({ id: hall.itemIds.instant });
    const versions = (await caller.catalogue.item({ id: hall.itemIds.instant })).versions;
    expect(versions.map((version) => [version.version, version.active, version.source])).toEqual([
      [3, true, "manual"],
      [2, false, "manual"],
      [1, true, "earlier"],
    ]);
    const actions = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "service_item")
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["serviceItem.retire", "serviceItem.restore"]);
  });
});

describe("items by hand", () => {
  const fields = {
    code: "MAN-0001",
    name: "建设工程消防验收",
    departmentId: 0,
    caseType: "promised" as const,
    promisedDays: 10,
    legalDays: 15,
    inHall: true,
    windowIds: [] as number[],
  };

  test("create, edit and search; every change audited with before and after", async () => {
    const caller = await admin();
    const { id } = await caller.catalogue.create({
      ...fields,
      departmentId: hall.departmentIds[1],
      windowIds: [hall.windowIds[1]],
    });
    const detail = await caller.catalogue.item({ id });
    expect(detail).toMatchObject({
      code: "MAN-0001",
      promisedDays: 10,
      legalDays: 15,
      windowIds: [hall.windowIds[1]],
      active: true,
    });

    const { changes } = await caller.catalogue.update({ ...detail, promisedDays: 8, windowIds: [...hall.windowIds] });
    expect(changes).toEqual([
      { field: "promisedDays", label: "承诺时限", before: "10 个工作日", after: "8 个工作日" },
      {
        field: "windows",
        label: "受理窗口",
        before: "A02 综合受理2号窗口",
        after: "A01 综合受理1号窗口、A02 综合受理2号窗口",
      },
    ]);
    // Saving the form unchanged writes nothing.
    const before = await snapshot();
    expect(
      (await caller.catalogue.update({ ...detail, promisedDays: 8, windowIds: [...hall.windowIds] })).changes,
    ).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const records = await getDb()
      .selectFrom("audit_log")
      .select(["action", "entity_id", "before_json", "after_json"])
      .where("entity", "=", "service_item")
      .orderBy("id")
      .execute();
    expect(records.map((row) => [row.action, row.entity_id])).toEqual([
      ["serviceItem.create", String(id)],
      ["serviceItem.update", String(id)],
    ]);
    expect(JSON.parse(records[1]?.before_json ?? "{}")).toMatchObject({ promisedDays: 10 });
    expect(JSON.parse(records[1]?.after_json ?? "{}")).toMatchObject({ promisedDays: 8 });

    // Search by code, name or department.
    for (const search of ["MAN-0001", "消防验收", "自然资源"])
      expect((await caller.catalogue.items({ search })).items.map((item) => item.code)).toContain("MAN-0001");
    const found = await caller.catalogue.items({ search: "消防" });
    expect(found.items[0]).toMatchObject({
      legalDays: 15,
      inHall: true,
      windows: ["A01 综合受理1号窗口", "A02 综合受理2号窗口"],
    });
  });

  test("bad input is refused with a Chinese message and writes nothing", async () => {
    const caller = await admin();
    const good = { ...fields, departmentId: hall.departmentIds[0] };
    const before = await snapshot();
    expect((await refusalOf(caller.catalogue.create({ ...good, code: "TEST-0001" }))).message).toBe(
      "该事项编码已存在，请核对后再填写",
    );
    expect((await refusalOf(caller.catalogue.create({ ...good, promisedDays: 0 }))).message).toContain(
      "承诺件须填写承诺时限（1–365 个工作日）",
    );
    expect((await refusalOf(caller.catalogue.create({ ...good, promisedDays: 20 }))).message).toContain(
      "承诺时限不能超过法定时限",
    );
    expect((await refusalOf(caller.catalogue.create({ ...good, caseType: "instant" }))).message).toContain(
      "即办件的承诺时限应为 0 或不填",
    );
    expect((await refusalOf(caller.catalogue.create({ ...good, code: "坏 编码" }))).message).toContain(
      "事项编码只能由字母、数字和连字符组成，最长 40 位",
    );
    expect(await appCodeOf(caller.catalogue.create({ ...good, windowIds: [999] }))).toBe("CATALOGUE_WINDOW_UNKNOWN");
    expect(await appCodeOf(caller.catalogue.create({ ...good, departmentId: 999 }))).toBe("DEPARTMENT_NOT_FOUND");
    const detail = await caller.catalogue.item({ id: hall.itemIds.promised });
    expect(await appCodeOf(caller.catalogue.update({ ...detail, code: "TEST-9999" }))).toBe("CATALOGUE_CODE_FIXED");
    expect(await appCodeOf(caller.catalogue.update({ ...detail, id: 999 }))).toBe("ITEM_NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("a retired department", () => {
  /** 县自然资源局 retired: its one item first (a department is retired only once nothing uses it). */
  async function retireSecondDepartment(caller: TCaller) {
    await caller.catalogue.retire({ id: hall.itemIds.promised });
    await caller.department.retire({ id: hall.departmentIds[1] });
  }

  const retiredDepartmentMessage = (key: string) =>
    `实施部门“${key}”已撤销，不再接收事项；请改填在用的部门，或先在部门管理中恢复该部门`;

  test("the import refuses a row naming it, by name or by credit code, in the dry run and when applied", async () => {
    const caller = await admin();
    await retireSecondDepartment(caller);
    const content = csv([
      instantRow,
      // the retired item back in service under its retired department
      ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "5", "", "是", ""],
      // a new item under the retired department, named by its credit code
      ["TEST-0200", "土地证明", "11330000TEST00001X", "即办件", "", "", "是", ""],
      ["TEST-0201", "食品经营许可", "县市场监督管理局", "即办件", "", "", "是", ""],
    ]);
    const preview = await caller.catalogue.previewImport(file(content));
    expect(preview.refused).toEqual([
      {
        row: 3,
        code: "TEST-0002",
        problems: [{ field: "department", column: "实施部门", message: retiredDepartmentMessage("县自然资源局") }],
      },
      {
        row: 4,
        code: "TEST-0200",
        problems: [
          { field: "department", column: "实施部门", message: retiredDepartmentMessage("11330000TEST00001X") },
        ],
      },
    ]);
    expect(preview.added.map((item) => item.code)).toEqual(["TEST-0201"]);

    const before = await snapshot();
    expect(
      await appCodeOf(
        caller.catalogue.applyImport({ file: file(content), planHash: preview.planHash, validRowsOnly: false }),
      ),
    ).toBe("CATALOGUE_IMPORT_ROWS_INVALID");
    expect(await snapshot()).toEqual(before);

    const applied = await caller.catalogue.applyImport({
      file: file(content),
      planHash: preview.planHash,
      validRowsOnly: true,
    });
    expect(applied).toMatchObject({ added: 1, refused: 2 });
    const items = await getDb().selectFrom("service_item").select(["code", "active"]).orderBy("code").execute();
    expect(items).toEqual([
      { code: "TEST-0001", active: true },
      { code: "TEST-0002", active: false },
      { code: "TEST-0201", active: true },
    ]);
  });

  test("a department in use of the same name is matched instead of the retired one", async () => {
    const caller = await admin();
    await retireSecondDepartment(caller);
    const { id: successor } = await caller.department.create({
      name: "县自然资源局",
      creditCode: "91350100M000100Y43",
    });
    const preview = await caller.catalogue.previewImport(
      file(csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "5", "", "是", ""]])),
    );
    expect(preview.refused).toEqual([]);
    expect(preview.changed).toContainEqual({
      row: 3,
      code: "TEST-0002",
      name: "不动产首次登记",
      changes: [{ field: "active", label: "状态", before: "已停用", after: "在用" }],
    });
    const applied = await caller.catalogue.applyImport({
      file: file(csv([instantRow, ["TEST-0002", "不动产首次登记", "县自然资源局", "承诺件", "5", "", "是", ""]])),
      planHash: preview.planHash,
      validRowsOnly: false,
    });
    expect(applied).toMatchObject({ changed: 2, refused: 0 });
    expect((await caller.catalogue.item({ id: hall.itemIds.promised })).departmentId).toBe(successor);
  });

  test("the item form refuses it; an item inside it is not restored; nothing is written", async () => {
    const caller = await admin();
    await retireSecondDepartment(caller);
    const before = await snapshot();
    const fields = {
      code: "MAN-0002",
      name: "土地证明",
      departmentId: hall.departmentIds[1],
      caseType: "instant" as const,
      promisedDays: 0,
      legalDays: null,
      inHall: true,
      windowIds: [] as number[],
    };
    const refused = await refusalOf(caller.catalogue.create(fields));
    expect(refused.appCode).toBe("CATALOGUE_DEPARTMENT_RETIRED");
    expect(refused.message).toContain("所选部门已撤销，不再接收事项；请选择在用的部门，或先在部门管理中恢复该部门");
    const moved = await caller.catalogue.item({ id: hall.itemIds.instant });
    expect(await appCodeOf(caller.catalogue.update({ ...moved, departmentId: hall.departmentIds[1] }))).toBe(
      "CATALOGUE_DEPARTMENT_RETIRED",
    );
    const restoring = await refusalOf(caller.catalogue.restore({ id: hall.itemIds.promised }));
    expect(restoring.appCode).toBe("CATALOGUE_ITEM_DEPARTMENT_RETIRED");
    expect(restoring.message).toBe("该事项所属部门已撤销，请先在部门管理中恢复该部门，再恢复事项");
    expect(await snapshot()).toEqual(before);

    // The retired item itself stays editable where it is (its history), and restores with its department.
    const retired = await caller.catalogue.item({ id: hall.itemIds.promised });
    expect((await caller.catalogue.update({ ...retired, legalDays: 20 })).changes).toHaveLength(1);
    await caller.department.restore({ id: hall.departmentIds[1] });
    await caller.catalogue.restore({ id: hall.itemIds.promised });
    expect((await caller.catalogue.item({ id: hall.itemIds.promised })).active).toBe(true);
  });
});

describe("受理窗口: which window takes an item, one rule for every screen", () => {
  const window = (code: string, name: string, departmentIds: number[], itemCodes: string[]) => ({
    code,
    name,
    kind: "comprehensive" as const,
    departmentIds,
    itemCodes,
    sortOrder: 0,
  });

  test("a window without an item list takes every item of its departments, a list narrows it, a retired window takes none; 事项目录 and 窗口管理 agree", async () => {
    const caller = await admin();
    const [first, second] = hall.departmentIds;
    // A01 receives its department's items (list left empty); A02 both departments but only TEST-0002 by its list.
    await caller.windowAdmin.update({
      windowId: hall.windowIds[0],
      window: window("A01", "综合受理1号窗口", [first], []),
    });
    await caller.windowAdmin.update({
      windowId: hall.windowIds[1],
      window: window("A02", "综合受理2号窗口", [first, second], ["TEST-0002"]),
    });
    const { windowId: b01 } = await caller.windowAdmin.create(window("B01", "不动产登记窗口", [second], []));

    const takers = async () =>
      Object.fromEntries(
        (await caller.catalogue.items({ status: "all" })).items.map((item) => [item.code, item.windows]),
      );
    const counts = async () =>
      Object.fromEntries((await caller.windowAdmin.list()).map((row) => [row.code, row.itemCount]));
    expect(await takers()).toEqual({
      "TEST-0001": ["A01 综合受理1号窗口"],
      "TEST-0002": ["A02 综合受理2号窗口", "B01 不动产登记窗口"],
    });
    expect(await counts()).toEqual({ A01: 1, A02: 1, B01: 1 });

    // A new item of the first department reaches A01 without editing the window.
    await caller.catalogue.create({
      code: "MAN-0009",
      name: "食品经营许可",
      departmentId: first,
      caseType: "instant",
      promisedDays: 0,
      legalDays: null,
      inHall: true,
      windowIds: [],
    });
    expect((await takers())["MAN-0009"]).toEqual(["A01 综合受理1号窗口"]);
    expect(await counts()).toEqual({ A01: 2, A02: 1, B01: 1 });

    // A retired item still names its windows in the catalogue but no window counts it among what it receives.
    const manItem = (await caller.catalogue.items({ search: "MAN-0009" })).items[0];
    await caller.catalogue.retire({ id: manItem?.id ?? 0 });
    expect((await takers())["MAN-0009"]).toEqual(["A01 综合受理1号窗口"]);
    expect(await counts()).toEqual({ A01: 1, A02: 1, B01: 1 });

    // A retired window takes nothing.
    await caller.windowAdmin.retire({ windowId: b01 });
    expect((await takers())["TEST-0002"]).toEqual(["A02 综合受理2号窗口"]);
  });
});
