import type { Border, Borders, Cell, Fill, Workbook, Worksheet } from "exceljs";

import type { TMonthlyReport } from "../services/report/types";
import {
  isRateView,
  monthlyReportDocument,
  type TExportCell,
  type TExportDocument,
  type TExportSection,
  type TExportTable,
} from "./report-sections";

/**
 * The monthly report as a workbook: one sheet per section, titled blocks with a header row each.
 * Counts are numbers; a rate keeps its exact formatted text (what the report says) with a numeric
 * twin beside it for sorting and charts; figures given as decimal text ("94.50", "12.50%") in a
 * column marked `figures` become numbers shown with the same decimals. Every such number is the
 * exact decimal of the report's text (0.052 for "5.20%", never 0.052000000000000005 nor the
 * unrounded ratio), so Excel shows, sums and sorts what the PDF shows. Names, codes and
 * identifiers stay text: Excel keeps 15 significant digits, an 18-digit 统一社会信用代码 is not a number.
 */
const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6E6E6" } };
const THIN: Partial<Border> = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as Partial<Borders>;

/**
 * A decimal written as text, e.g. "94.50" or "12.50%": its value and the format that shows it
 * again. A percentage moves its decimal point in the text ("5.20%" is read as 520e-4), never by
 * dividing by 100, which would add binary noise.
 */
function decimalOf(text: string): { value: number; numFmt: string } | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?(%?)$/.exec(text);
  if (!match) return null;
  const [, sign = "", whole = "", fraction = "", percentSign] = match;
  const percent = percentSign === "%";
  const pattern = fraction.length === 0 ? "0" : `0.${"0".repeat(fraction.length)}`;
  const exponent = fraction.length + (percent ? 2 : 0);
  return {
    value: Number(`${sign}${whole}${fraction}e-${String(exponent)}`),
    numFmt: percent ? `${pattern}%` : pattern,
  };
}

/** Columns that hold rates get a numeric twin: "好评率" then "好评率（数值）". */
function rateColumns(table: TExportTable): Set<number> {
  const columns = new Set<number>();
  for (const row of table.rows) row.forEach((cell, index) => isRateView(cell) && columns.add(index));
  return columns;
}

function setCell(cell: Cell, value: TExportCell, figures: boolean): void {
  if (isRateView(value)) {
    cell.value = value.text;
    cell.alignment = { horizontal: "right" };
    return;
  }
  if (typeof value === "number") {
    cell.value = value;
    cell.numFmt = "#,##0";
    return;
  }
  const decimal = figures ? decimalOf(value) : null;
  if (decimal) {
    cell.value = decimal.value;
    cell.numFmt = decimal.numFmt;
  } else {
    cell.value = value;
    if (displayWidth(value) > 60) cell.alignment = { wrapText: true, vertical: "top" };
  }
}

/** A rate's numeric twin: the exact decimal of its text ("98.67%" → 0.9867), empty for "—". */
function setRatio(cell: Cell, value: TExportCell): void {
  const decimal = isRateView(value) && value.den !== 0 ? decimalOf(value.text) : null;
  if (!decimal) return;
  cell.value = decimal.value;
  cell.numFmt = decimal.numFmt;
}

/** Characters as Excel measures them: a CJK character is about two Latin ones wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\uffff]/.test(char) ? 2 : 1;
  return width;
}

function addTable(sheet: Worksheet, table: TExportTable, widths: number[]): void {
  const rates = rateColumns(table);
  const headers = table.columns.flatMap((column, index) =>
    rates.has(index) ? [column.header, `${column.header}（数值）`] : [column.header],
  );
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  const header = sheet.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  for (const values of table.rows) {
    const row = sheet.addRow([]);
    let column = 1;
    values.forEach((value, index) => {
      setCell(row.getCell(column++), value, table.columns[index]?.figures === true);
      if (rates.has(index)) setRatio(row.getCell(column++), value);
    });
    for (let index = 1; index < column; index++) row.getCell(index).border = BORDER;
  }
  if (table.rows.length === 0) sheet.addRow(["（本月无数据）"]);
  if (table.note) sheet.addRow([table.note]).font = { italic: true, size: 9 };
  headers.forEach((text, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(text))));
  for (const values of table.rows) {
    let column = 0;
    values.forEach((value, index) => {
      const text = isRateView(value) ? value.text : String(value);
      widths[column] = Math.max(widths[column] ?? 0, displayWidth(text));
      column += rates.has(index) ? 2 : 1;
    });
  }
  sheet.addRow([]);
}

function addSheet(
  workbook: Workbook,
  report: TExportDocument,
  section: Pick<TExportSection, "sheetName" | "tables">,
): void {
  const sheet = workbook.addWorksheet(section.sheetName);
  sheet.addRow([`${report.title} · ${section.sheetName}`]).font = { bold: true, size: 14 };
  sheet.addRow([
    `统计期间：${report.period.from} 至 ${report.period.to}（北京时间）；指标口径版本：${report.definitionsVersion}`,
  ]);
  sheet.addRow([]);
  const widths: number[] = [];
  for (const table of section.tables) addTable(sheet, table, widths);
  // Titles and notes run across the row; only table cells set a column's width.
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = Math.min(Math.max(width + 2, 8), 60)));
}

export async function reportXlsx(report: TMonthlyReport): Promise<Buffer> {
  return documentXlsx(monthlyReportDocument(report));
}

export async function documentXlsx(report: TExportDocument): Promise<Buffer> {
  // Loaded on first use: exceljs holds about 28 MB of the server's memory once imported.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "好差评平台";
  workbook.title = report.title;
  workbook.created = new Date(report.generatedAt);
  for (const section of report.sections) addSheet(workbook, report, section);
  addSheet(workbook, report, { sheetName: "指标口径", tables: [report.definitions] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
