import { beforeEach, describe, expect, test } from "vitest";

import { insertFixtureCase } from "@hcp/db/testing";

import { useHallServer } from "./hall-server";

/** The monthly report's files over real HTTP with a real session: headers, refusals and who may have what. */
const { db: getDb, hall, baseUrl, signIn } = useHallServer();
const MONTH = "2023-06";

/** One rated case in June 2023 (hall-local), so the report and the CSV have a row. */
beforeEach(async () => {
  const db = getDb();
  const ratedAt = new Date("2023-06-05T02:00:00Z");
  await insertFixtureCase(db, hall(), { caseNo: "D01", completedAt: ratedAt }, { level: 5, idempotencyKey: "D01-1", ratedAt });
});

function download(path: string, token?: string): Promise<Response> {
  return fetch(`${baseUrl()}/reports/${path}`, { headers: token ? { cookie: `hcp_session=${token}` } : {} });
}

async function refusal(response: Response): Promise<{ status: number; appCode: string; message: string }> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body = (await response.json()) as { code: string; message: string; data: { appCode: string; httpStatus: number } };
  expect(body.data.httpStatus).toBe(response.status);
  return { status: response.status, appCode: body.data.appCode, message: body.message };
}

function hallLocalMonth(offsetMonths: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
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
    expect(xlsx.headers.get("content-disposition")).toContain(`filename*=UTF-8''TEST-2023-06-${encodeURIComponent("满意度月报")}.xlsx`);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString("latin1")).toBe("PK");

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
    await expect.poll(async () => (await download(`${hall().hallId}/${MONTH}.pdf?version=1`, token)).status, { timeout: 30_000 }).toBe(200);
    const archived = await download(`${hall().hallId}/${MONTH}.xlsx?version=1`, token);
    expect(archived.headers.get("content-disposition")).toContain(`${encodeURIComponent("满意度月报")}-v1.xlsx`);
    // Without ?version the newest ready version is served.
    expect((await download(`${hall().hallId}/${MONTH}.pdf`, token)).headers.get("content-disposition")).toContain("-v1.pdf");

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
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf`))).toEqual({ status: 401, appCode: "UNAUTHENTICATED", message: "请先登录" });

    const staff = await signIn(hall().users.window_staff.username);
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.pdf`, staff))).toMatchObject({ status: 403, appCode: "FORBIDDEN" });

    const other = await getDb()
      .insertInto("hall")
      .values({ code: "OTHER", name: "另一县政务服务中心", region_code: "330001", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    const head = await signIn(hall().users.department_head.username);
    expect(await refusal(await download(`${Number(other.insertId)}/${MONTH}.pdf`, head))).toMatchObject({ status: 403, appCode: "FORBIDDEN" });
    expect(await refusal(await download(`${hall().hallId}/${MONTH}.csv`, head))).toMatchObject({ status: 403, appCode: "REPORT_CSV_HALL_ONLY" });
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
