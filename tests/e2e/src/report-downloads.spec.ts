import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

import ExcelJS from "exceljs";
import type { Download, Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";

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
  await expect.poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 }).toContain("存档第 1 版");
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
  await expect.poll(() => page.getByTestId("report-status").textContent(), { timeout: 60_000 }).toContain("存档第 2 版");
  await page.getByRole("button", { name: "查看此版" }).click();
  await expect.poll(() => page.getByTestId("report-status").textContent()).toContain("存档第 1 版");
  expect(page.url()).toContain("version=1");
  expect(await page.getByRole("link", { name: "下载 PDF" }).getAttribute("href")).toBe(`/reports/${String(platform.hall.hallId)}/${MONTH}.pdf?version=1`);

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
