import type { Cell, CellValue, Row, Workbook, Worksheet } from "exceljs";

import { RANKING_COMPONENT_SHORT_LABELS, RANKING_COMPONENTS } from "@hcp/domain";

import type { TRateView } from "../services/overview";
import type { TMonthlyReport, TReportCountRow, TReportRanking } from "../services/report/types";

/**
 * Reads a monthly report workbook back and compares it cell by cell with the report's JSON (the
 * data the console page renders), for the tests of the XLSX: every label, code and identifier is
 * the JSON's text in a text cell; every count the JSON's number; every rate the JSON's text, with
 * a numeric twin that is the exact decimal of that text; every score, average and share either
 * its text or its exact decimal with a format that shows the same text. No number anywhere
 * carries floating-point noise. Returns the differences, one sentence each; none when they agree.
 */

/** A number that is not the short decimal it stands for, e.g. 0.052000000000000005. */
export function isFloatNoise(value: number): boolean {
  return Number.isFinite(value) && Number(value.toPrecision(15)) !== value;
}

/** What Excel shows for a cell: its text, or its number through the formats the exports use. */
export function shownText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value !== "number") return typeof value === "string" ? value : JSON.stringify(value);
  const format = /^0(?:\.(0+))?(%?)$/.exec(cell.numFmt ?? "");
  if (format) {
    const percent = format[2] === "%";
    return `${(percent ? value * 100 : value).toFixed(format[1]?.length ?? 0)}${percent ? "%" : ""}`;
  }
  if (cell.numFmt === "#,##0") return Math.round(value).toLocaleString("en-US");
  return String(value);
}

function valueText(value: CellValue): string {
  return typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? "empty");
}

interface TBlock {
  sheet: string;
  title: string;
  columns: Map<string, number>;
  rows: Row[];
}

class Comparison {
  readonly differences: string[] = [];

  constructor(private readonly workbook: Workbook) {}

  private differ(where: string, what: string): void {
    this.differences.push(`${where}: ${what}`);
  }

  /** A titled table: its header row's columns by name and its data rows (up to the first row of fewer than two cells). */
  block(sheetName: string, title: string): TBlock | null {
    const sheet: Worksheet | undefined = this.workbook.getWorksheet(sheetName);
    if (!sheet) {
      this.differ(sheetName, "sheet missing");
      return null;
    }
    for (let index = 1; index <= sheet.rowCount; index++) {
      if (sheet.getRow(index).getCell(1).value !== title) continue;
      const columns = new Map<string, number>();
      sheet.getRow(index + 1).eachCell((cell, column) => columns.set(shownText(cell), column));
      const rows: Row[] = [];
      for (let next = index + 2; next <= sheet.rowCount && sheet.getRow(next).actualCellCount > 1; next++)
        rows.push(sheet.getRow(next));
      return { sheet: sheetName, title, columns, rows };
    }
    this.differ(sheetName, `no table titled "${title}"`);
    return null;
  }

  cell(block: TBlock, row: Row, header: string): Cell | null {
    const column = block.columns.get(header);
    if (column === undefined) {
      this.differ(`${block.sheet} / ${block.title}`, `no column "${header}"`);
      return null;
    }
    return row.getCell(column);
  }

  /** A label, name, code or identifier: exactly the JSON's text, in a text cell. */
  text(where: string, cell: Cell | null, expected: string): void {
    if (cell && cell.value !== expected)
      this.differ(where, `expected the text "${expected}", found ${valueText(cell.value)}`);
  }

  count(where: string, cell: Cell | null, expected: number): void {
    if (cell && cell.value !== expected)
      this.differ(where, `expected the number ${String(expected)}, found ${valueText(cell.value)}`);
  }

  /** A score, average or share: its text as the report shows it, or its exact decimal shown the same way. */
  figure(where: string, cell: Cell | null, expected: string): void {
    if (!cell) return;
    if (typeof cell.value === "number") {
      if (isFloatNoise(cell.value)) this.differ(where, `${String(cell.value)} is not an exact decimal`);
      if (shownText(cell) !== expected)
        this.differ(
          where,
          `shows "${shownText(cell)}" (${String(cell.value)}, format ${cell.numFmt}), the report "${expected}"`,
        );
      return;
    }
    this.text(where, cell, expected);
  }

  /** A rate: the report's text, and in its "（数值）" column the exact decimal shown as the same text. */
  rate(block: TBlock, row: Row, header: string, where: string, expected: TRateView): void {
    this.text(where, this.cell(block, row, header), expected.text);
    const twin = this.cell(block, row, `${header}（数值）`);
    if (!twin) return;
    if (expected.den === 0) {
      if (twin.value !== null && twin.value !== undefined)
        this.differ(`${where}（数值）`, `expected empty, found ${valueText(twin.value)}`);
      return;
    }
    if (typeof twin.value !== "number")
      return this.differ(`${where}（数值）`, `expected a number, found ${valueText(twin.value)}`);
    this.figure(`${where}（数值）`, twin, expected.text);
  }

  rowCount(block: TBlock, expected: number): boolean {
    if (block.rows.length === expected) return true;
    this.differ(
      `${block.sheet} / ${block.title}`,
      `${String(block.rows.length)} rows, the report has ${String(expected)}`,
    );
    return false;
  }

  /** Every number of every sheet, wherever it sits, is an exact decimal. */
  noFloatNoise(): void {
    for (const sheet of this.workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "number" && isFloatNoise(cell.value))
            this.differ(`${sheet.name}!${cell.address}`, `${String(cell.value)} is not an exact decimal`);
        }),
      );
    }
  }
}

function compareCounts(check: Comparison, sheet: string, title: string, rows: TReportCountRow[]): void {
  const block = check.block(sheet, title);
  if (!block || !check.rowCount(block, rows.length)) return;
  const [label, count, share] = [...block.columns.keys()];
  rows.forEach((expected, index) => {
    const row = block.rows[index];
    if (!row || !label || !count || !share) return;
    const where = `${sheet} / ${title} / ${expected.label}`;
    check.text(where, check.cell(block, row, label), expected.label);
    check.count(where, check.cell(block, row, count), expected.count);
    check.figure(where, check.cell(block, row, share), expected.share);
  });
}

function compareRanking(check: Comparison, sheet: string, subject: string, ranking: TReportRanking): void {
  const block = check.block(sheet, `${subject}排名`);
  if (block && check.rowCount(block, ranking.rows.length)) {
    ranking.rows.forEach((expected, index) => {
      const row = block.rows[index];
      if (!row) return;
      const where = `${sheet} / ${expected.code}`;
      const rank = check.cell(block, row, "排名");
      if (expected.rank === null) check.text(`${where} 排名`, rank, "—");
      else check.count(`${where} 排名`, rank, expected.rank);
      check.text(`${where} 编号`, check.cell(block, row, "编号"), expected.code);
      check.text(`${where} ${subject}`, check.cell(block, row, subject), expected.name);
      check.figure(`${where} 综合得分`, check.cell(block, row, "综合得分"), expected.score);
      check.count(`${where} 办件量`, check.cell(block, row, "办件量"), expected.casesCompleted);
      check.count(`${where} 有效评价`, check.cell(block, row, "有效评价"), expected.validRatings);
      check.rate(block, row, "评价率", `${where} 评价率`, expected.ratedRate);
      check.rate(block, row, "好评率", `${where} 好评率`, expected.goodRate);
      check.rate(block, row, "按时办结率", `${where} 按时办结率`, expected.onTimeCompletionRate);
      check.count(`${where} 差评`, check.cell(block, row, "差评"), expected.badRatings);
      check.rate(block, row, "按时整改率", `${where} 按时整改率`, expected.workOrderOnTimeRate);
    });
  }
  const byId = new Map(ranking.rows.map((row) => [row.id, row]));
  for (const [title, ids] of [
    ["红榜（前五名）", ranking.red],
    ["黑榜（后五名，最后一名在前）", ranking.black],
  ] as const) {
    const list = check.block(sheet, title);
    if (!list || !check.rowCount(list, ids.length)) continue;
    ids.forEach((id, index) => {
      const expected = byId.get(id);
      const row = list.rows[index];
      if (!expected || !row) return;
      const where = `${sheet} / ${title} / ${expected.code}`;
      check.count(`${where} 名次`, check.cell(list, row, "名次"), index + 1);
      check.text(`${where} ${subject}`, check.cell(list, row, subject), expected.name);
      check.figure(`${where} 综合得分`, check.cell(list, row, "综合得分"), expected.score);
      check.rate(list, row, "好评率", `${where} 好评率`, expected.goodRate);
      check.count(`${where} 有效评价`, check.cell(list, row, "有效评价"), expected.validRatings);
      if (title.startsWith("黑榜") && expected.pulledDownBy)
        check.text(`${where} 主要失分`, check.cell(list, row, "主要失分"), expected.pulledDownBy);
    });
  }
  compareBreakdown(check, sheet, subject, ranking);
}

/** Each ranked row's score parts, "value × weight = points" per component (reports from definitions 2026.2 on). */
function compareBreakdown(check: Comparison, sheet: string, subject: string, ranking: TReportRanking): void {
  const rows = ranking.rows.filter((row) => (row.breakdown ?? []).length > 0);
  if (rows.length === 0) return;
  const block = check.block(sheet, `${subject}得分构成`);
  if (!block || !check.rowCount(block, rows.length)) return;
  rows.forEach((expected, index) => {
    const row = block.rows[index];
    if (!row) return;
    const where = `${sheet} / 得分构成 / ${expected.code}`;
    check.text(`${where} ${subject}`, check.cell(block, row, subject), expected.name);
    for (const key of RANKING_COMPONENTS) {
      const part = expected.breakdown?.find((candidate) => candidate.key === key);
      if (!part) continue;
      const text =
        part.basis === "missing" ? "—（无数据，不计）" : `${part.value} × ${part.effectiveWeight} = ${part.points}`;
      check.text(
        `${where} ${part.label}`,
        check.cell(block, row, `${RANKING_COMPONENT_SHORT_LABELS[key]}（数值 × 权重 = 得分）`),
        text,
      );
    }
    check.figure(`${where} 综合得分`, check.cell(block, row, "综合得分"), expected.score);
  });
}

/** Rows of [label, value] found by their label in the first column. */
function compareLabelled(
  check: Comparison,
  sheet: string,
  title: string,
  expected: [string, string | number | TRateView][],
): void {
  const block = check.block(sheet, title);
  if (!block || !check.rowCount(block, expected.length)) return;
  const valueHeader = [...block.columns.keys()][1] ?? "";
  expected.forEach(([label, value], index) => {
    const row = block.rows[index];
    if (!row) return;
    const where = `${sheet} / ${title} / ${label}`;
    check.text(where, row.getCell(1), label);
    if (typeof value === "number") check.count(where, check.cell(block, row, valueHeader), value);
    else if (typeof value === "string") check.figure(where, check.cell(block, row, valueHeader), value);
    else check.rate(block, row, valueHeader, where, value);
  });
}

export function compareWorkbookWithReport(workbook: Workbook, report: TMonthlyReport): string[] {
  const check = new Comparison(workbook);
  const summary = report.summary;
  compareLabelled(check, "概况与同比环比", "本月概况", [
    ["办件量", summary.casesCompleted],
    ["工作日数", summary.workingDays],
    ["自然日数", summary.calendarDays],
    ["日均办件量（按工作日）", summary.dailyAverage.perWorkingDay],
    ["日均办件量（按自然日）", summary.dailyAverage.perCalendarDay],
    ["有效评价数", summary.validRatings],
    ["评价量（主动评价）", summary.ratings],
    ["差评数", summary.badRatings],
  ]);
  const comparisons = check.block("概况与同比环比", "同比环比");
  if (comparisons && check.rowCount(comparisons, summary.comparisons.length)) {
    summary.comparisons.forEach((expected, index) => {
      const row = comparisons.rows[index];
      if (!row) return;
      const where = `同比环比 / ${expected.label}`;
      check.text(where, check.cell(comparisons, row, "指标"), expected.label);
      check.rate(comparisons, row, "本月", `${where} 本月`, expected.current);
      check.rate(comparisons, row, "上月", `${where} 上月`, expected.previousMonth);
      check.text(`${where} 环比`, check.cell(comparisons, row, "环比"), expected.changeVsPreviousMonth);
      check.rate(comparisons, row, "去年同月", `${where} 去年同月`, expected.lastYear);
      check.text(`${where} 同比`, check.cell(comparisons, row, "同比"), expected.changeVsLastYear);
    });
  }
  compareCounts(check, "评价等级", "评价等级分布", report.ratingsByLevel);
  compareCounts(check, "评价渠道", "评价渠道分布", report.ratingsByChannel);
  compareRanking(check, "窗口排名", "窗口", report.windows);
  compareRanking(check, "部门排名", "部门", report.departments);
  const bad = report.badReviews;
  compareCounts(check, "差评分析", `差评原因（差评共 ${String(bad.total)} 条）`, bad.byReason);
  compareCounts(check, "差评分析", "差评较多的事项", bad.byItem);
  compareCounts(check, "差评分析", "差评较多的窗口", bad.byWindow);
  compareCounts(check, "差评分析", "差评工单状态", bad.workOrderStates);
  compareLabelled(
    check,
    "差评分析",
    "差评整改指标",
    bad.workOrderRates.map((row) => [row.label, row.value]),
  );
  compareCounts(check, "重点事项", "办件量前列的事项", report.topItems.byVolume);
  compareCounts(check, "重点事项", "差评较多的事项", report.topItems.byBadReviews);
  const coverage = report.coverage;
  compareLabelled(check, "设备与覆盖", "设备与覆盖", [
    ["办结办件", coverage.casesCompleted],
    ["发出评价邀请（请评价）", coverage.promptsSent],
    ["评价邀请超时未评", coverage.promptsTimedOut],
    ["已评价办件", coverage.casesRated],
    ["其中默认评价", coverage.casesRatedByDefault],
    ["评价期限届满未评办件", coverage.casesClosedUnrated],
    ["已登记评价器", coverage.devices.registered],
    ["已配对评价器", coverage.devices.paired],
  ]);
  const definitions = check.block("指标口径", `指标口径（版本 ${report.definitionsVersion}）`);
  if (definitions && check.rowCount(definitions, report.definitions.length)) {
    report.definitions.forEach((expected, index) => {
      const row = definitions.rows[index];
      if (!row) return;
      check.text(`指标口径 / ${expected.name}`, check.cell(definitions, row, "指标"), expected.name);
      check.text(`指标口径 / ${expected.name} 口径`, check.cell(definitions, row, "口径"), expected.definition);
    });
  }
  check.noFloatNoise();
  return check.differences;
}

/** The same for a workbook's bytes, e.g. a download's body. */
export async function compareXlsxWithReport(bytes: Uint8Array, report: TMonthlyReport): Promise<string[]> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  // exceljs's load() is typed for an ArrayBuffer: hand it a copy of the bytes as one.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return compareWorkbookWithReport(workbook, report);
}
