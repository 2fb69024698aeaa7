import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import ExcelJS from "exceljs";
import type { BrowserContext, Download, Locator, Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";

import { RATING_CSV_HEADERS, type TMonthlyReport } from "@hcp/api/exports";
import { compareXlsxWithReport } from "@hcp/api/exports/xlsx-readback";
import { insertFixtureCase } from "@hcp/db/testing";
import type { TLevel } from "@hcp/domain";

import { signInToConsole } from "./console";
import { expectNoSeriousViolations } from "./kiosk-a11y-checks";
import { usePlatform } from "./platform";

const platform = usePlatform();
const run = promisify(execFile);

/** A closed month of the demo year: the hall manager may read, regenerate and download it. */
const MONTH = "2023-06";

/**
 * June 2023 at the fixture hall: rated cases at both windows, one 差评 with a national reason
 * code, written straight to the tables (their triggers feed the rollups the report reads).
 */
beforeAll(async () => {
  const { db, hall } = platform;
  const ratings: { level: TLevel; window: 0 | 1; reasons: string[] }[] = [
    { level: 5, window: 0, reasons: [] },
    { level: 5, window: 0, reasons: [] },
    { level: 4, window: 1, reasons: [] },
    { level: 3, window: 1, reasons: [] },
    { level: 1, window: 1, reasons: ["108"] },
  ];
  for (const [index, rating] of ratings.entries()) {
    const completedAt = new Date(Date.UTC(2023, 5, 5 + index, 2, 0, 0));
    await insertFixtureCase(
      db,
      hall,
      { caseNo: `R2306${String(index).padStart(3, "0")}`, completedAt, window: rating.window },
      { level: rating.level, idempotencyKey: `R2306-${String(index)}`, ratedAt: completedAt, reasons: rating.reasons },
    );
  }
});

/** Clicks one of the page's download buttons and returns the file the browser saved. */
async function downloadThrough(page: Page, name: string): Promise<{ download: Download; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const path = await download.path();
  return { download, body: await readFile(path) };
}

test("the hall manager reads June's report, archives it, downloads its PDF and XLSX through the page and reopens an older version", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.hall_manager.username);
  await page.goto(`${platform.baseUrl}/console/reports?month=${MONTH}`);

  // Every section of the report, built live: the month has no archived version yet.
  const report = page.getByTestId("report-document");
  await report.waitFor();
  const headings = await report.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings).toEqual([
    "测试县政务服务中心2023年6月政务服务“好差评”满意度报告",
    "一、概况",
    "二、评价等级与渠道",
    "三、窗口排名",
    "四、部门排名",
    "五、差评分析",
    "六、重点事项",
    "七、设备与评价覆盖",
    "附录：指标定义",
  ]);
  expect(await page.getByTestId("report-status").textContent()).toContain("实时预览");
  expect(await page.getByTestId("report-bad-reasons").textContent()).toContain("在办事指南之外增加新的审批条件");

  // 重新生成 archives version 1; the page follows its progress until it is ready.
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect
    .poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 })
    .toContain("存档第 1 版");
  expect(await page.getByTestId("report-status").textContent()).toContain("由您重新生成");
  expect(await page.getByTestId("report-versions-row").count()).toBe(1);

  const pdf = await downloadThrough(page, "下载 PDF");
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { stdout: text } = await run("pdftotext", ["-layout", await pdf.download.path(), "-"], { encoding: "utf8" });
  expect(text).toContain("2023年6月 满意度月报");
  expect(text).toContain("测试县政务服务中心");

  const xlsx = await downloadThrough(page, "下载 Excel（XLSX）");
  expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type predates Node's generic Buffer; the bytes are the same.
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    "概况与同比环比",
    "评价等级",
    "评价渠道",
    "窗口排名",
    "部门排名",
    "差评分析",
    "重点事项",
    "设备与覆盖",
    "指标口径",
  ]);

  // A second version leaves the first readable: its own button opens it, and its downloads name it.
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect
    .poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 })
    .toContain("存档第 2 版");
  await page.getByRole("button", { name: "查看此版" }).click();
  await expect.poll(() => page.getByTestId("report-status").textContent()).toContain("存档第 1 版");
  expect(page.url()).toContain("version=1");
  expect(await page.getByRole("link", { name: "下载 PDF" }).getAttribute("href")).toBe(
    `/reports/${String(platform.hall.hallId)}/${MONTH}.pdf?version=1`,
  );

  await expectNoSeriousViolations(page, "月度满意度报告");
  await context.close();
});

test("the breakdown tabs and the yearly summary read June and pass the accessibility rules", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.hall_manager.username);
  await page.goto(`${platform.baseUrl}/console/analysis?from=2023-06-01&to=2023-06-30`);

  await page.getByTestId("department-breakdown").waitFor();
  await page.getByRole("tab", { name: "评价内容" }).click();
  expect(await page.getByTestId("reason-breakdown-row").first().textContent()).toContain("差评");
  await page.getByRole("tab", { name: "评价覆盖" }).click();
  const total = page.getByTestId("coverage-breakdown-total");
  await total.waitFor();
  expect(await total.textContent()).toContain("合计");
  expect(page.url()).toContain("view=coverage");
  await expectNoSeriousViolations(page, "统计分析");

  await page.goto(`${platform.baseUrl}/console/reports/yearly?year=2023`);
  const june = page.getByTestId("yearly-table-row").nth(5);
  await june.waitFor();
  expect(await june.textContent()).toContain("80.00%");
  await expectNoSeriousViolations(page, "年度汇总");
  await context.close();
});

/** May 2023, for the test that clicks every download link: its own month, untouched by the tests above. */
const MAY = "2023-05";

/** A download the page started: what the browser saved, and the status and type the link answers with. */
interface TClickedDownload {
  href: string;
  /** null when the browser saved the file; a non-2xx answer fails the download */
  failure: string | null;
  suggestedFilename: string;
  saved: Buffer;
  status: number;
  contentType: string;
}

/**
 * Clicks one rendered download link and reads the file the browser saved. Chromium's download
 * manager fetches the file outside the page's network events, so the status and type are read by
 * asking the same address again in the page's session.
 */
async function clickDownload(page: Page, link: Locator): Promise<TClickedDownload> {
  const href = (await link.getAttribute("href")) ?? "";
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.url()).toBe(new URL(href, page.url()).toString());
  const failure = await download.failure();
  const response = await page.context().request.get(download.url());
  return {
    href,
    failure,
    suggestedFilename: download.suggestedFilename(),
    saved: failure === null ? await readFile(await download.path()) : Buffer.alloc(0),
    status: response.status(),
    contentType: response.headers()["content-type"] ?? "",
  };
}

async function pdfText(body: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hcp-e2e-pdf-"));
  try {
    await writeFile(join(dir, "report.pdf"), body);
    return (await run("pdftotext", ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" })).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Case numbers of the CSV's rows, after checking its BOM and header. */
function csvCaseNumbers(body: Buffer): string[] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header = "", ...rows] = body.subarray(3).toString("utf8").trim().split("\r\n");
  expect(header.split(",")).toEqual(RATING_CSV_HEADERS);
  return rows.map((row) => row.split(",")[0] ?? "");
}

/** A tRPC query in the page's session: the same procedures, so the same report JSON, the page renders. */
async function trpcQuery<T>(context: BrowserContext, path: string, input: unknown): Promise<T> {
  const response = await context.request.get(
    `${platform.baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/**
 * Clicks every download link the report page renders and checks each file against the report on
 * screen: the PDF is a PDF of it, the workbook agrees cell by cell with its JSON, the CSV holds
 * the rows it counted. Returns the formats clicked with their links.
 */
async function clickEveryDownload(page: Page, report: TMonthlyReport, caseNumbers: string[] | null): Promise<string[]> {
  const links = page.getByRole("group", { name: "下载", exact: true }).getByRole("link");
  const clicked: string[] = [];
  for (const link of await links.all()) {
    const file = await clickDownload(page, link);
    const format = /\.(pdf|xlsx|csv)(?:\?|$)/.exec(file.href)?.[1] ?? file.href;
    expect({ href: file.href, status: file.status, failure: file.failure }).toEqual({
      href: file.href,
      status: 200,
      failure: null,
    });
    expect(file.suggestedFilename.endsWith(`.${format}`)).toBe(true);
    if (format === "pdf") {
      expect(file.contentType).toBe("application/pdf");
      expect(file.saved.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = await pdfText(file.saved);
      expect(text).toContain("2023年5月 满意度月报");
      for (const name of [report.hall.name, report.scope?.departmentName ?? ""]) expect(text).toContain(name);
    } else if (format === "xlsx") {
      expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect({ href: file.href, differences: await compareXlsxWithReport(new Uint8Array(file.saved), report) }).toEqual(
        { href: file.href, differences: [] },
      );
    } else if (format === "csv") {
      expect(file.contentType).toBe("text/csv; charset=utf-8");
      expect({ href: file.href, rows: csvCaseNumbers(file.saved) }).toEqual({ href: file.href, rows: caseNumbers });
    } else {
      throw new Error(`a download link of no known format: ${file.href}`);
    }
    clicked.push(file.href);
  }
  return clicked;
}

test("every download link of the report pages answers with its file: live, each archived version, and a department head's", async () => {
  const { db, hall } = platform;
  // A 统一社会信用代码 of digits only, which Excel would round as a number.
  await db
    .updateTable("department")
    .set({ code: "913301007144810291" })
    .where("id", "=", hall.departmentIds[0])
    .execute();
  for (const [index, level] of ([5, 4, 2] satisfies TLevel[]).entries()) {
    const completedAt = new Date(Date.UTC(2023, 4, 8 + index, 2, 0, 0));
    await insertFixtureCase(
      db,
      hall,
      { caseNo: `R2305${String(index).padStart(3, "0")}`, completedAt, window: index === 2 ? 1 : 0 },
      { level, idempotencyKey: `R2305-${String(index)}`, ratedAt: completedAt },
    );
  }
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, hall.users.hall_manager.username);
  await page.goto(`${platform.baseUrl}/console/reports?month=${MAY}`);
  await page.getByTestId("report-document").waitFor();
  const base = `/reports/${String(hall.hallId)}/${MAY}`;
  const mayRows = ["R2305000", "R2305001", "R2305002"];

  // The live preview: nothing archived yet.
  const live = await trpcQuery<{ source: string; report: TMonthlyReport }>(context, "report.monthly", { month: MAY });
  expect(live.source).toBe("live");
  expect(await clickEveryDownload(page, live.report, mayRows)).toEqual([`${base}.pdf`, `${base}.xlsx`, `${base}.csv`]);

  // Version 1, shown as the month's report once ready.
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect
    .poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 })
    .toContain("存档第 1 版");
  const versionReport = async (version: number): Promise<TMonthlyReport> => {
    const rows = await trpcQuery<{ id: number; version: number }[]>(context, "report.versions", { month: MAY });
    const id = rows.find((row) => row.version === version)?.id ?? 0;
    return (await trpcQuery<{ report: TMonthlyReport }>(context, "report.version", { id })).report;
  };
  const first = await versionReport(1);
  expect(await clickEveryDownload(page, first, mayRows)).toEqual([
    `${base}.pdf?version=1`,
    `${base}.xlsx?version=1`,
    `${base}.csv?version=1`,
  ]);

  // A May rating uploaded after version 1 (an evaluator that was offline), then version 2.
  const late = new Date(Date.UTC(2023, 4, 20, 2, 0, 0));
  await insertFixtureCase(
    db,
    hall,
    { caseNo: "R2305009", completedAt: late },
    { level: 5, idempotencyKey: "R2305-9", ratedAt: late, receivedAt: new Date() },
  );
  await page.getByRole("button", { name: "重新生成" }).click();
  await expect
    .poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 })
    .toContain("存档第 2 版");
  const second = await versionReport(2);
  expect(second.summary.validRatings).toBe(first.summary.validRatings + 1);
  expect(await clickEveryDownload(page, second, [...mayRows, "R2305009"])).toEqual([
    `${base}.pdf?version=2`,
    `${base}.xlsx?version=2`,
    `${base}.csv?version=2`,
  ]);

  // The older version, opened from the list: its files are its own, its CSV the rows it counted.
  await page
    .getByTestId("report-versions-row")
    .filter({ hasText: "第 1 版" })
    .getByRole("button", { name: "查看此版" })
    .click();
  await expect.poll(() => page.getByTestId("report-status").textContent()).toContain("存档第 1 版");
  expect(await clickEveryDownload(page, first, mayRows)).toEqual([
    `${base}.pdf?version=1`,
    `${base}.xlsx?version=1`,
    `${base}.csv?version=1`,
  ]);

  // The yearly summary renders no downloads of its own.
  await page.goto(`${platform.baseUrl}/console/reports/yearly?year=2023`);
  await page.getByTestId("yearly-table-row").first().waitFor();
  expect(await page.locator('a[href^="/reports/"]').count()).toBe(0);
  await context.close();

  // A department head: their department's live report, PDF and workbook only.
  const headContext = await platform.browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const headPage = await headContext.newPage();
  await signInToConsole(headPage, platform.baseUrl, hall.users.department_head.username);
  await headPage.goto(`${platform.baseUrl}/console/reports?month=${MAY}`);
  await headPage.getByTestId("report-document").waitFor();
  const own = await trpcQuery<{ report: TMonthlyReport }>(headContext, "report.monthly", { month: MAY });
  expect(await clickEveryDownload(headPage, own.report, null)).toEqual([`${base}.pdf`, `${base}.xlsx`]);
  await headContext.close();
});
