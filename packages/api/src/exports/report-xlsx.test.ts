import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";

import { reportXlsx } from "./report-xlsx";
import { compareWorkbookWithReport, isFloatNoise, shownText } from "./report-xlsx-readback";
import { sampleMonthlyReport } from "./sample-report";

const report = sampleMonthlyReport();
const workbook = new ExcelJS.Workbook();

beforeAll(async () => {
  // exceljs's load() is typed for an ArrayBuffer: hand it a copy of the bytes as one.
  await workbook.xlsx.load(new Uint8Array(await reportXlsx(report)).buffer);
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** A block's header row and data rows, found by the block's title in column A. */
function blockRows(worksheet: ExcelJS.Worksheet, title: string): { header: unknown[]; rows: unknown[][] } {
  // Row and cell arrays are sparse and 1-based.
  const values = Array.from(worksheet.getSheetValues(), (row) =>
    Array.isArray(row) ? Array.from(row as unknown[]).slice(1) : [],
  );
  const start = values.findIndex((row) => row[0] === title);
  if (start < 0) throw new Error(`no block ${title}`);
  const header = values[start + 1] ?? [];
  const rows: unknown[][] = [];
  for (let index = start + 2; index < values.length && (values[index]?.length ?? 0) > 1; index++)
    rows.push(values[index] ?? []);
  return { header, rows };
}

describe("the monthly report workbook", () => {
  test("has one sheet per section and the definitions, named in Chinese", () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
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
    expect(sheet("概况与同比环比").getCell("A1").value).toBe(
      "临溪县政务服务中心 2023年6月 满意度月报 · 概况与同比环比",
    );
  });

  test("writes counts as numbers and rates as the report's text with its exact decimal beside it", () => {
    const summary = blockRows(sheet("概况与同比环比"), "本月概况");
    expect(summary.rows[0]).toEqual(["办件量", 20_412]);

    const comparison = blockRows(sheet("概况与同比环比"), "同比环比");
    expect(comparison.header).toEqual([
      "指标",
      "本月",
      "本月（数值）",
      "上月",
      "上月（数值）",
      "环比",
      "去年同月",
      "去年同月（数值）",
      "同比",
    ]);
    expect(comparison.rows[0]?.slice(0, 3)).toEqual(["好评率（满意率）", "98.67%", 0.9867]);
    // No ratio where there is nothing to divide by: the text says "—", the number cell stays empty.
    expect(comparison.rows[1]?.[6]).toBe("—");
    expect(comparison.rows[1]?.[7]).toBeUndefined();

    const levels = blockRows(sheet("评价等级"), "评价等级分布");
    expect(levels.rows[0]).toEqual(["非常满意", 1700, 0.8709]);
    expect(sheet("评价等级").getRow(6).getCell(3).numFmt).toBe("0.00%");
  });

  test("ranks windows with 红黑榜 and 末位 in words, and keeps the unranked window", () => {
    const ranking = blockRows(sheet("窗口排名"), "窗口排名");
    expect(ranking.header.slice(0, 4)).toEqual(["排名", "编号", "窗口", "综合得分"]);
    expect(ranking.rows).toHaveLength(6);
    expect(ranking.rows[0]?.slice(0, 4)).toEqual([1, "A01", "综合受理1号窗口（投资项目）", 94.5]);
    // Five ranked: two on each list, so the 末位 is 黑榜 first and on no 红榜.
    expect(ranking.rows[4]?.at(-1)).toBe("黑榜第1；末位（连续两月）");
    expect(ranking.rows[5]?.[0]).toBe("—");
    expect(ranking.rows[5]?.at(-1)).toBe("样本不足");
    const black = blockRows(sheet("窗口排名"), "黑榜（后五名，最后一名在前）");
    expect(black.rows[0]?.[1]).toBe("综合受理5号窗口（公积金）");
    expect(black.header.at(-1)).toBe("主要失分");
    expect(black.rows[0]?.at(-1)).toBe("好评率 96.55%，全厅 98.90%");
  });

  test("shows what each ranked window's score is made of", () => {
    const parts = blockRows(sheet("窗口排名"), "窗口得分构成");
    expect(parts.header).toEqual([
      "排名",
      "窗口",
      "满意度下界（数值 × 权重 = 得分）",
      "评价率（数值 × 权重 = 得分）",
      "按时办结率（数值 × 权重 = 得分）",
      "按时整改率（数值 × 权重 = 得分）",
      "综合得分",
    ]);
    expect(parts.rows).toHaveLength(5);
    const row = report.windows.rows[0];
    expect(parts.rows[0]?.slice(0, 3)).toEqual([
      1,
      row?.name,
      `${row?.breakdown?.[0]?.value} × 60.00 = ${row?.breakdown?.[0]?.points}`,
    ]);
  });

  test("states the definitions and their version", () => {
    const definitions = blockRows(sheet("指标口径"), `指标口径（版本 ${report.definitionsVersion}）`);
    expect(definitions.header).toEqual(["指标", "口径"]);
    expect(definitions.rows.map((row) => row[0])).toContain("好评率（满意率）");
    expect(definitions.rows).toHaveLength(report.definitions.length);
  });

  test("keeps an 18-digit 统一社会信用代码 as text, not a number Excel rounds", () => {
    const ranking = blockRows(sheet("部门排名"), "部门排名");
    expect(ranking.rows[0]?.slice(1, 3)).toEqual(["913301007144810291", "县市场监督管理局"]);
  });

  test("writes a share of 5.20% as the exact decimal 0.052 shown as 5.20%, never 0.052000000000000005", () => {
    const items = sheet("重点事项");
    const row = items.getRows(1, items.rowCount)?.find((candidate) => candidate.getCell(1).value === "公积金提取");
    const share = row?.getCell(3);
    expect(share?.value).toBe(0.052);
    expect(share && shownText(share)).toBe("5.20%");
  });

  test("agrees cell by cell with the report's JSON, with no number carrying floating-point noise", () => {
    expect(compareWorkbookWithReport(workbook, report)).toEqual([]);
  });
});

describe("the workbook read-back", () => {
  test("tells float noise from exact decimals", () => {
    expect(isFloatNoise(5.2 / 100)).toBe(true);
    expect(isFloatNoise(1926 / 1952)).toBe(true);
    expect([0.052, 94.5, 0.9867, 20_412].map(isFloatNoise)).toEqual([false, false, false, false]);
  });

  test("finds a code written as a number and a rate written with noise", async () => {
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.load(new Uint8Array(await reportXlsx(report)).buffer);
    const departments = broken.getWorksheet("部门排名");
    const codeCell = departments
      ?.getRows(1, departments.rowCount)
      ?.find((row) => row.getCell(2).value === "913301007144810291")
      ?.getCell(2);
    // What Excel makes of the code as a number: 913301007144810200.
    if (codeCell) codeCell.value = Number("913301007144810291");
    const items = broken.getWorksheet("重点事项");
    const shareCell = items
      ?.getRows(1, items.rowCount)
      ?.find((row) => row.getCell(1).value === "公积金提取")
      ?.getCell(3);
    if (shareCell) shareCell.value = 5.2 / 100;
    expect(compareWorkbookWithReport(broken, report)).toEqual([
      '部门排名 / 913301007144810291 编号: expected the text "913301007144810291", found 913301007144810200',
      "重点事项 / 办件量前列的事项 / 公积金提取: 0.052000000000000005 is not an exact decimal",
      "部门排名!B6: 913301007144810200 is not an exact decimal",
      "重点事项!C8: 0.052000000000000005 is not an exact decimal",
    ]);
  });
});
