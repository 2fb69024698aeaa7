import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { createContext } from "./context";
import { caseImportTemplate } from "./services/case-import/file";
import { importCases, type TImportProgress } from "./services/case-import/import";
import { importSettled } from "./services/case-import/jobs";
import { MAX_IMPORT_BYTES, type TImportRow } from "./services/import-file";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const HEADER =
  "办件编号,事项编码,窗口编号,经办人工号,办理渠道,申请人类型,申请人,联系电话,证件号码,受理时间,办结时间,办件类型,承诺办结工作日";

function csvRow(caseNo: string, overrides: { itemCode?: string; caseType?: string } = {}): string {
  return [
    caseNo,
    overrides.itemCode ?? "TEST-0002",
    "A01",
    "T001;T002",
    "窗口",
    "自然人",
    "张三丰",
    "13812345678",
    "",
    "2026-03-02 09:30:00",
    "2026-03-02 10:15:00",
    overrides.caseType ?? "承诺件",
    "",
  ].join(",");
}

function csv(rows: string[]): string {
  return `${HEADER}\r\n${rows.join("\r\n")}\r\n`;
}

/** Uploads a file, waits for its job to finish in this process, returns its report. */
async function importFile(
  caller: TCaller,
  fileName: string,
  content: string,
  mode: "validate" | "all-or-nothing" | "valid-rows",
  encoding: "base64" | "text" = "text",
) {
  const { importId } = await caller.integrationCase.importFile({ fileName, content, encoding, mode });
  await importSettled(importId);
  return caller.integrationCase.importStatus({ importId });
}

async function caseCount(): Promise<number> {
  const row = await getDb()
    .selectFrom("case")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const manager = () => api.signedIn(hall.users.hall_manager.username);

describe("importing cases from a file", () => {
  const file = csv([csvRow("IMP-001"), csvRow("IMP-002", { itemCode: "NOPE" }), csvRow("IMP-003")]);

  test("one bad row: all-or-nothing imports nothing and names the row and field", async () => {
    const report = await importFile(await manager(), "办件.csv", file, "all-or-nothing");
    expect(report).toMatchObject({
      status: "refused",
      progress: 100,
      totalRows: 3,
      validRows: 2,
      errorRows: 1,
      createdRows: 0,
      failure: "文件中有错误的行，未导入任何数据",
    });
    expect(report.errors).toEqual([
      { row: 3, field: "itemCode", column: "事项编码", message: "事项编码 NOPE 不存在或不属于本大厅" },
    ]);
    expect(await caseCount()).toBe(0);
  });

  test("validate checks without writing; valid-rows imports the others", async () => {
    const caller = await manager();
    const checked = await importFile(caller, "办件.csv", file, "validate");
    expect(checked).toMatchObject({ status: "done", validRows: 2, errorRows: 1, createdRows: 0 });
    expect(await caseCount()).toBe(0);

    const imported = await importFile(caller, "办件.csv", file, "valid-rows");
    expect(imported).toMatchObject({
      status: "done",
      progress: 100,
      validRows: 2,
      errorRows: 1,
      createdRows: 2,
      updatedRows: 0,
    });
    const rows = await getDb()
      .selectFrom("case")
      .select(["case_no", "status", "staff_id", "due_date", "handling_channel"])
      .orderBy("case_no")
      .execute();
    expect(rows).toEqual([
      {
        case_no: "IMP-001",
        status: "completed",
        staff_id: hall.staffIds[0],
        due_date: "2026-03-09",
        handling_channel: "window",
      },
      {
        case_no: "IMP-003",
        status: "completed",
        staff_id: hall.staffIds[0],
        due_date: "2026-03-09",
        handling_channel: "window",
      },
    ]);
  });

  test("a second import of the same file updates in place instead of duplicating", async () => {
    const caller = await manager();
    const good = csv([csvRow("IMP-001"), csvRow("IMP-003")]);
    expect(await importFile(caller, "a.csv", good, "all-or-nothing")).toMatchObject({
      createdRows: 2,
      updatedRows: 0,
      unchangedRows: 0,
    });
    expect(await importFile(caller, "a.csv", good, "all-or-nothing")).toMatchObject({
      createdRows: 0,
      updatedRows: 0,
      unchangedRows: 2,
    });
    // Another item; its case type then comes from the item (即办件) when the column is empty.
    const corrected = csv([csvRow("IMP-001", { itemCode: "TEST-0001", caseType: "" }), csvRow("IMP-003")]);
    expect(await importFile(caller, "a.csv", corrected, "all-or-nothing")).toMatchObject({
      createdRows: 0,
      updatedRows: 1,
      unchangedRows: 1,
    });
    expect(await caseCount()).toBe(2);
  });

  test("an XLSX sheet with date cells and numeric phones imports like the CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("办件");
    sheet.addRow(HEADER.split(","));
    // exceljs writes a Date's UTC fields as the sheet's wall clock: 09:30 in the sheet is 09:30 hall time.
    sheet.addRow([
      "IMP-X1",
      "TEST-0001",
      "A02",
      "T002",
      "窗口",
      "法人",
      "示范县青山农业发展有限公司",
      13912345678,
      "91350100M000100Y43",
      new Date(Date.UTC(2026, 2, 2, 9, 30)),
      new Date(Date.UTC(2026, 2, 2, 9, 45)),
      "即办件",
      0,
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const caller = await manager();
    const report = await importFile(caller, "办件.xlsx", content, "all-or-nothing", "base64");
    expect(report).toMatchObject({ status: "done", format: "xlsx", createdRows: 1, errors: [] });
    expect(await caller.integrationCase.get({ caseNo: "IMP-X1" })).toMatchObject({
      applicantType: "legal",
      applicantNameMasked: "示范*******有限公司",
      applicantPhoneMasked: "139****5678",
      applicantIdNoMasked: "9135**********0Y43",
      receivedAt: "2026-03-02T01:30:00.000Z",
      completedAt: "2026-03-02T01:45:00.000Z",
      windowCode: "A02",
      staffBadgeNos: ["T002"],
      caseType: "instant",
    });
  });

  test("a file refused whole: missing columns, no rows, not CSV or XLSX, too large", async () => {
    const caller = await manager();
    expect(await importFile(caller, "a.csv", "办件编号,申请人\r\nX,张三\r\n", "validate")).toMatchObject({
      status: "refused",
      failure: "表头与模板不符，请下载模板核对列名：缺少“事项编码”“申请人类型”“受理时间”列",
    });
    expect(await importFile(caller, "a.csv", caseImportTemplate(), "validate")).toMatchObject({
      status: "refused",
      failure: "文件中没有数据行",
    });
    expect(
      await appCodeOf(
        caller.integrationCase.importFile({ fileName: "a.txt", content: "x", encoding: "text", mode: "validate" }),
      ),
    ).toBe("CASE_IMPORT_UNREADABLE");
    const tooLarge = "x".repeat(MAX_IMPORT_BYTES + 1);
    expect(
      await appCodeOf(
        caller.integrationCase.importFile({ fileName: "a.csv", content: tooLarge, encoding: "text", mode: "validate" }),
      ),
    ).toBe("CASE_IMPORT_FILE_TOO_LARGE");
  });

  test("rows repeated within a file and Chinese schema messages are reported per row", async () => {
    const bad = [csvRow("IMP-001"), csvRow("IMP-001"), csvRow("IMP-004").replace("13812345678", "138")];
    const report = await importFile(await manager(), "a.csv", csv(bad), "validate");
    expect(report.errors).toEqual([
      { row: 3, field: "caseNo", column: "办件编号", message: "与第 2 行的办件编号重复" },
      { row: 4, field: "applicantPhone", column: "联系电话", message: "联系电话应为 11 位手机号码" },
    ]);
  });

  test("progress rises chunk by chunk to 100 over a file of 1,200 rows", async () => {
    const ctx = await createContext(
      { db: getDb(), bus: api.bus, dataKey: api.dataKey },
      { sessionToken: null, deviceToken: null, ip: null, setCookie: () => undefined },
    );
    const rows: TImportRow[] = Array.from({ length: 1200 }, (_, index) => ({
      rowNo: index + 2,
      values: {
        caseNo: `BULK-${String(index).padStart(5, "0")}`,
        itemCode: "TEST-0001",
        windowCode: "A01",
        staffBadgeNos: ["T001"],
        applicantType: "person",
        applicantName: "李四",
        applicantPhone: "13700000000",
        receivedAt: "2026-03-02 09:00",
        completedAt: "2026-03-02 09:20",
      },
    }));
    const seen: TImportProgress[] = [];
    const integration = { hallId: hall.hallId, actorUserId: hall.users.hall_manager.id, actorRole: "hall_manager" };
    const report = await importCases({ ...ctx, integration }, rows, {
      mode: "all-or-nothing",
      onProgress: (progress) => Promise.resolve(void seen.push(progress)),
    });
    expect(report).toMatchObject({ imported: true, createdRows: 1200, errorRows: 0, progress: 100 });
    const figures = seen.map((progress) => progress.progress);
    expect(figures.length).toBeGreaterThanOrEqual(4);
    expect(figures).toEqual([...figures].sort((a, b) => a - b));
    expect(figures.at(-1)).toBe(100);
    expect(await caseCount()).toBe(1200);
  });

  test("the report is kept in the database; a job whose process went away reads as interrupted", async () => {
    const caller = await manager();
    const done = await importFile(caller, "a.csv", file, "validate");
    expect((await (await manager()).integrationCase.importStatus({ importId: done.id })).errors).toHaveLength(1);

    const longAgo = new Date(Date.now() - 10 * 60_000);
    const stale = await getDb()
      .withTables<{
        case_import: {
          id: number;
          hall_id: number;
          created_by: number;
          file_name: string;
          format: string;
          mode: string;
          status: string;
          errors: string;
          created_at: Date;
          updated_at: Date;
        };
      }>()
      .insertInto("case_import")
      .values({
        id: 999,
        hall_id: hall.hallId,
        created_by: hall.users.hall_manager.id,
        file_name: "b.csv",
        format: "csv",
        mode: "valid-rows",
        status: "running",
        errors: "[]",
        created_at: longAgo,
        updated_at: longAgo,
      })
      .executeTakeFirstOrThrow();
    expect(Number(stale.insertId)).toBe(999);
    expect((await caller.integrationCase.importStatus({ importId: 999 })).status).toBe("interrupted");

    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.integrationCase.importStatus({ importId: done.id }))).toBe("FORBIDDEN");
    expect(await appCodeOf(caller.integrationCase.importStatus({ importId: 12345 }))).toBe("CASE_IMPORT_NOT_FOUND");
  });
});
