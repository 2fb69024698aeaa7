import ExcelJS from "exceljs";
import { expect, test } from "vitest";

import { cellText, reportSections } from "./report-sections";
import { reportXlsx } from "./report-xlsx";
import { sampleMonthlyReport } from "./sample-report";

/** The sample month, its own working days and its 同比 month's counted on unconfirmed years. */
function provisionalReport() {
  const report = sampleMonthlyReport();
  const [first, ...rest] = report.summary.comparisons;
  if (!first) throw new Error("the sample compares figures");
  const dailyAverage = { ...first, key: "dailyAverage" as const, label: "日均办件量" };
  return {
    ...report,
    summary: {
      ...report.summary,
      comparisons: [dailyAverage, ...rest],
      workingDaysProvisional: { current: true, previousMonth: false, lastYear: true },
    },
  };
}

function labels(report: ReturnType<typeof sampleMonthlyReport>): string[] {
  return reportSections(report).flatMap((section) =>
    section.tables.flatMap((table) => table.rows.map((row) => cellText(row[0] ?? ""))),
  );
}

test("working days counted on an unconfirmed year say 暂按周末计算 in the exports' rows (PDF and XLSX share them); confirmed ones do not", async () => {
  const provisional = labels(provisionalReport());
  expect(provisional).toContain("工作日数（暂按周末计算）");
  expect(provisional).toContain("日均办件量（按工作日）（暂按周末计算）");
  expect(provisional.find((label) => label.startsWith("日均办件量") && label.includes("去年同月"))).toBe(
    "日均办件量（本月、去年同月暂按周末计算）",
  );
  expect(labels(sampleMonthlyReport()).filter((label) => label.includes("暂按周末计算"))).toEqual([]);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await reportXlsx(provisionalReport())).buffer);
  const texts = Array.from(workbook.getWorksheet("概况与同比环比")?.getSheetValues() ?? [], (row) =>
    Array.isArray(row) && typeof row[1] === "string" ? row[1] : "",
  );
  expect(texts).toContain("工作日数（暂按周末计算）");
});

test("on-time figures counted on an unconfirmed year say 暂按周末计算 in the XLSX: 按时办结率 by month compared, 按时整改率, and the rankings' note", async () => {
  const sample = sampleMonthlyReport();
  const [first, ...rest] = sample.summary.comparisons;
  if (!first) throw new Error("the sample compares figures");
  const onTime = { ...first, key: "onTimeCompletionRate" as const, label: "按时办结率" };
  const report = {
    ...sample,
    summary: {
      ...sample.summary,
      comparisons: [onTime, ...rest],
      deadlinesProvisional: {
        onTimeCompletion: { current: true, previousMonth: true, lastYear: false },
        workOrders: true,
      },
    },
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await reportXlsx(report)).buffer);
  const texts = (sheet: string) =>
    Array.from(workbook.getWorksheet(sheet)?.getSheetValues() ?? [], (row) =>
      Array.isArray(row) ? row.filter((cell): cell is string => typeof cell === "string") : [],
    ).flat();
  expect(texts("概况与同比环比")).toContain(`${onTime.label}（本月、上月暂按周末计算）`);
  expect(texts("差评分析")).toContain("按时整改率（暂按周末计算）");
  expect(
    texts("窗口排名").some((text) => text.includes("按时办结率、按时整改率暂按周末计算（该年节假日安排尚未确认）。")),
  ).toBe(true);
  expect(labels(sample).filter((label) => label.includes("暂按周末计算"))).toEqual([]);
});
