import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { beforeEach, describe, expect, test } from "vitest";

import { RATING_CSV_HEADERS, type TMonthlyReport } from "@hcp/api/exports";
import { compareXlsxWithReport } from "@hcp/api/exports/xlsx-readback";
import { insertCounty, placeHallInCounty } from "@hcp/db";
import { insertFixtureCase } from "@hcp/db/testing";
import { HALL_UTC_OFFSET_MS } from "@hcp/domain";

import { useHallServer } from "./hall-server";

/** The monthly report's files over real HTTP with a real session: headers, refusals and who may have what. */
const { db: getDb, hall, baseUrl, signIn } = useHallServer();
const MONTH = "2023-06";

const run = promisify(execFile);
/** D01's rating, for the test that withdraws it from the figures (申诉成立) after a version is archived. */
let firstRatingId = 0;

/** One rated case in June 2023 (hall-local), so the report and the CSV have a row. */
beforeEach(async () => {
  const db = getDb();
  const ratedAt = new Date("2023-06-05T02:00:00Z");
  const inserted = await insertFixtureCase(
    db,
    hall(),
    { caseNo: "D01", completedAt: ratedAt },
    { level: 5, idempotencyKey: "D01-1", ratedAt },
  );
  firstRatingId = inserted.ratingId ?? 0;
});

function download(path: string, token?: string): Promise<Response> {
  return fetch(`${baseUrl()}/reports/${path}`, { headers: token ? { cookie: `hcp_session=${token}` } : {} });
}

async function refusal(response: Response): Promise<{ status: number; appCode: string; message: string }> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body = (await response.json()) as {
    code: string;
    message: string;
    data: { appCode: string; httpStatus: number };
  };
  expect(body.data.httpStatus).toBe(response.status);
  return { status: response.status, appCode: body.data.appCode, message: body.message };
}

function hallLocalMonth(offsetMonths: number): string {
  const now = new Date(Date.now() + HALL_UTC_OFFSET_MS);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1));
  return month.toISOString().slice(0, 7);
}

describe("report downloads", () => {
  test("a hall() manager downloads the PDF, the workbook and the CSV with their names and types", async () => {
    const token = await signIn(hall().users.hall_manager.username);

    const pdf = await download(`${hall().hallId}/${MONTH}.pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename="TEST-2023-06-report.pdf"; filename*=UTF-8''TEST-2023-06-${encodeURIComponent("满意度月报")}.pdf`,
    );
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Number(pdf.headers.get("content-length"))).toBe(pdfBytes.length);

    const xlsx = await download(`${hall().hallId}/${MONTH}.xlsx`, token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''TEST-2023-06-${encodeURIComponent("满意度月报")}.xlsx`,
    );
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    const csv = await download(`${hall().hallId}/${MONTH}.csv`, token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="TEST-2023-06-ratings.csv"; filename*=UTF-8''TEST-2023-06-${encodeURIComponent("评价明细")}.csv`,
    );
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvBytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]?.startsWith("办件编号,")).toBe(true);
    expect(lines[1]?.startsWith("D01,首次评价,")).toBe(true);
  });

  test("serves an archived version by number once it is ready, and refuses one that does not exist", async () => {
    const token = await signIn(hall().users.hall_manager.username);
    const regenerate = await fetch(`${baseUrl()}/trpc/report.regenerate`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `hcp_session=${token}` },
      body: JSON.stringify({ month: MONTH }),
    });
    expect(regenerate.status).toBe(200);
    // The version is built in the background: ask until it is ready (409 while generating).
    await expect
      .poll(async () => (await download(`${hall().hallId}/${MONTH}.pdf?version=1`, token)).status, { timeout: 30_000 })
      .toBe(200);
    const archived = await download(`${hall().hallId}/${MONTH}.xlsx?version=1`, token);
    expect(archived.headers.get("content-disposition")).toContain(`${encodeURIComponent("满意度月报")}-v1.xlsx`);
    // Without ?version the newest ready version is served.
    expect((await download(`${hall().hallId}/${MONTH}.pdf`, token)).headers.get("content-disposition")).toContain(
      "-v1.pdf",
    );

    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf?version=9`, token))).toMatchObject({
      status: 404,
      appCode: "REPORT_VERSION_NOT_FOUND",
    });
  });

  test("refuses bad input with 4xx and a Chinese message", async () => {
    const token = await signIn(hall().users.hall_manager.username);
    const cases: [string, number, string][] = [
      [`${hall().hallId}/${hallLocalMonth(2)}.pdf`, 400, "REPORT_MONTH_IN_FUTURE"],
      [`${hall().hallId}/${hallLocalMonth(0)}.xlsx`, 400, "REPORT_MONTH_NOT_CLOSED"],
      [`${hall().hallId}/2023-13.pdf`, 400, "REPORT_MONTH_INVALID"],
      [`${hall().hallId}/202306.csv`, 400, "REPORT_MONTH_INVALID"],
      [`999999/${MONTH}.pdf`, 404, "HALL_NOT_FOUND"],
      [`abc/${MONTH}.pdf`, 404, "HALL_NOT_FOUND"],
      [`${hall().hallId}/${MONTH}.pdf?version=0`, 400, "INVALID_INPUT"],
      [`${hall().hallId}/${MONTH}.pdf?version=x`, 400, "INVALID_INPUT"],
      [`${hall().hallId}/${MONTH}.docx`, 404, "NOT_FOUND"],
    ];
    for (const [path, status, appCode] of cases) {
      const refused = await refusal(await download(path, token));
      expect({ path, status: refused.status, appCode: refused.appCode }).toEqual({ path, status, appCode });
      expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("keeps reports to their readers: no session, other roles, other halls, a department head's limits", async () => {
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf`))).toEqual({
      status: 401,
      appCode: "UNAUTHENTICATED",
      message: "请先登录",
    });

    const staff = await signIn(hall().users.window_staff.username);
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf`, staff))).toMatchObject({
      status: 403,
      appCode: "FORBIDDEN",
    });

    const other = await getDb()
      .insertInto("hall")
      .values({ code: "OTHER", name: "另一县政务服务中心", region_code: "330001", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    const head = await signIn(hall().users.department_head.username);
    expect(await refusal(await download(`${Number(other.insertId)}/${MONTH}.pdf`, head))).toMatchObject({
      status: 403,
      appCode: "FORBIDDEN",
    });
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.csv`, head))).toMatchObject({
      status: 403,
      appCode: "REPORT_CSV_HALL_ONLY",
    });
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf?version=1`, head))).toMatchObject({
      status: 403,
      appCode: "REPORT_ARCHIVE_HALL_ONLY",
    });

    // Their own department's report, built live and named for it.
    const own = await download(`${hall().hallId}/${MONTH}.pdf`, head);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toContain(encodeURIComponent("县市场监督管理局"));
  });
});

/** A tRPC query over HTTP as the console sends it (no transformer: plain JSON). */
async function query<T>(path: string, input: unknown, token: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: `hcp_session=${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hcp-download-"));
  try {
    await writeFile(join(dir, "report.pdf"), bytes);
    return (await run("pdftotext", ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" })).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The CSV's header and its rows as 办件编号 → 已剔除（申诉成立）. */
function csvContent(bytes: Buffer): { header: string[]; excluded: Record<string, string> } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header = "", ...rows] = bytes.subarray(3).toString("utf8").trim().split("\r\n");
  const excludedColumn = RATING_CSV_HEADERS.indexOf("已剔除（申诉成立）");
  return {
    header: header.split(","),
    excluded: Object.fromEntries(
      rows.map((row) => row.split(",")).map((cells) => [cells[0] ?? "", cells[excludedColumn] ?? ""]),
    ),
  };
}

async function regenerated(token: string, version: number): Promise<void> {
  const response = await fetch(`${baseUrl()}/trpc/report.regenerate`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `hcp_session=${token}` },
    body: JSON.stringify({ month: MONTH }),
  });
  expect(response.status).toBe(200);
  await expect
    .poll(
      async () =>
        (await query<{ version: number; status: string }[]>("report.versions", { month: MONTH }, token)).find(
          (row) => row.version === version,
        )?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe("ready");
}

describe("report downloads of every format, live and archived", () => {
  /**
   * Downloads the three files of one version (null: the month's current report, `served` the
   * version that is) and checks each against the report's JSON and the rows it counted.
   */
  async function expectFiles(
    token: string,
    version: number | null,
    report: TMonthlyReport,
    rows: Record<string, string>,
    served = version,
  ): Promise<void> {
    const query = version === null ? "" : `?version=${String(version)}`;
    const suffix = served === null ? "" : `-v${String(served)}`;

    const pdf = await download(`${hall().hallId}/${MONTH}.pdf${query}`, token);
    expect({ format: "pdf", version, status: pdf.status }).toEqual({ format: "pdf", version, status: 200 });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(`${encodeURIComponent("满意度月报")}${suffix}.pdf`);
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await pdfText(pdfBytes)).toContain(`${report.hall.name} 2023年6月 满意度月报`);

    const xlsx = await download(`${hall().hallId}/${MONTH}.xlsx${query}`, token);
    expect({ format: "xlsx", version, status: xlsx.status }).toEqual({ format: "xlsx", version, status: 200 });
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers.get("content-disposition")).toContain(`${encodeURIComponent("满意度月报")}${suffix}.xlsx`);
    expect(await compareXlsxWithReport(new Uint8Array(await xlsx.arrayBuffer()), report)).toEqual([]);

    const csv = await download(`${hall().hallId}/${MONTH}.csv${query}`, token);
    expect({ format: "csv", version, status: csv.status }).toEqual({ format: "csv", version, status: 200 });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`${encodeURIComponent("评价明细")}${suffix}.csv`);
    const content = csvContent(Buffer.from(await csv.arrayBuffer()));
    expect(content.header).toEqual(RATING_CSV_HEADERS);
    expect({ version, rows: content.excluded }).toEqual({ version, rows });
  }

  test("serves the PDF, the workbook and the rating rows of the live report and of each archived version, each as that version counted them", async () => {
    const db = getDb();
    const token = await signIn(hall().users.hall_manager.username);
    // A 统一社会信用代码 of digits only: Excel would round it as a number.
    await db
      .updateTable("department")
      .set({ code: "913301007144810291" })
      .where("id", "=", hall().departmentIds[0])
      .execute();

    const live = await query<{ source: string; version: number | null; report: TMonthlyReport }>(
      "report.monthly",
      { month: MONTH },
      token,
    );
    expect(live.source).toBe("live");
    expect(live.report.departments.rows.map((row) => row.code)).toContain("913301007144810291");
    await expectFiles(token, null, live.report, { D01: "否" });

    await regenerated(token, 1);
    // After version 1: a June rating uploaded late, and D01 withdrawn from the figures (申诉成立).
    const june10 = new Date("2023-06-10T02:00:00Z");
    await insertFixtureCase(
      db,
      hall(),
      { caseNo: "D02", completedAt: june10, window: 1 },
      { level: 4, idempotencyKey: "D02-1", ratedAt: june10, receivedAt: new Date() },
    );
    await db
      .insertInto("rating_exclusion")
      .values({
        rating_id: firstRatingId,
        reason: "mistaken",
        note: "经核查录像，申诉成立",
        approved_by: hall().users.hall_manager.id,
        created_at: new Date(),
      })
      .execute();
    await regenerated(token, 2);

    const versions = await query<{ id: number; version: number }[]>("report.versions", { month: MONTH }, token);
    const reportOf = async (version: number): Promise<TMonthlyReport> => {
      const row = versions.find((candidate) => candidate.version === version);
      return (await query<{ report: TMonthlyReport }>("report.version", { id: row?.id ?? 0 }, token)).report;
    };
    const [first, second] = [await reportOf(1), await reportOf(2)];
    expect([first.summary.validRatings, second.summary.validRatings]).toEqual([1, 1]);

    // Version 1 counted D01 and had not yet seen D02; version 2 counts D02 and has D01 withdrawn.
    await expectFiles(token, 1, first, { D01: "否" });
    await expectFiles(token, 2, second, { D01: "是", D02: "否" });
    // Without ?version: the month's current report, the newest version, for every format alike.
    await expectFiles(token, null, second, { D01: "是", D02: "否" }, 2);

    expect(await refusal(await download(`${hall().hallId}/${MONTH}.csv?version=9`, token))).toMatchObject({
      status: 404,
      appCode: "REPORT_VERSION_NOT_FOUND",
    });
  });

  test("the county report's files: a county user gets their county's, a hall-scoped user is refused", async () => {
    const db = getDb();
    const countyId = await insertCounty(db, { areaCode: "330100000000", name: "测试县" });
    await placeHallInCounty(db, hall().hallId, {
      countyId,
      kind: "county_centre",
      areaCode: "330100000000",
      parentHallId: null,
      sortOrder: 0,
    });
    await db.updateTable("user").set({ scope: "county" }).where("id", "=", hall().users.auditor.id).execute();
    const leader = await signIn(hall().users.auditor.username);

    const pdf = await download(`county/${MONTH}.pdf`, leader);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename="330100-2023-06-county-report.pdf"; filename*=UTF-8''330100-2023-06-${encodeURIComponent("测试县-全县满意度月报")}.pdf`,
    );
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const csv = await download(`county/${MONTH}.csv`, leader);
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]?.startsWith("服务大厅,办件量,")).toBe(true);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2))).toEqual([
      ["测试县（全县合计）", "1"],
      ["测试县政务服务中心", "1"],
    ]);

    const manager = await signIn(hall().users.hall_manager.username);
    expect(await refusal(await download(`county/${MONTH}.xlsx`, manager))).toMatchObject({
      status: 403,
      appCode: "COUNTY_SCOPE_REQUIRED",
    });
    expect(await refusal(await download(`county/${MONTH}.pdf`))).toMatchObject({ status: 401 });
  });
});
