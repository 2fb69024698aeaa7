import { parse } from "csv-parse/sync";
import type { CellValue } from "exceljs";

import { APP_ERROR_MESSAGES, type TAppErrorCode } from "@hcp/domain";

import { CASE_TYPES, HANDLING_CHANNELS } from "../integration-case/schema";

/**
 * A CSV or XLSX file of cases, read into rows of the API's field names. Headers may be the
 * template's Chinese labels or the API's names; cells that spell a choice in Chinese (自然人,
 * 承诺件, 窗口 …) become the API's values, so the row then meets exactly the API's schema.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 50_000;

/** The template's columns, in order: API field → the header a spreadsheet shows. */
export const CASE_IMPORT_COLUMNS = {
  caseNo: "办件编号",
  itemCode: "事项编码",
  windowCode: "窗口编号",
  staffBadgeNos: "经办人工号",
  handlingChannel: "办理渠道",
  applicantType: "申请人类型",
  applicantName: "申请人",
  applicantPhone: "联系电话",
  applicantIdNo: "证件号码",
  receivedAt: "受理时间",
  completedAt: "办结时间",
  caseType: "办件类型",
  promisedDays: "承诺办结工作日",
} as const;

type TImportField = keyof typeof CASE_IMPORT_COLUMNS;

const REQUIRED: readonly TImportField[] = ["caseNo", "itemCode", "applicantType", "applicantName", "receivedAt"];

export interface TImportRow {
  /** the row's number as the spreadsheet shows it: the header is row 1 */
  rowNo: number;
  values: Record<string, unknown>;
}

/** A file refused as a whole, before any row is looked at. */
export class ImportFileRefusal extends Error {
  constructor(
    readonly code: TAppErrorCode,
    detail = "",
  ) {
    super(detail ? `${APP_ERROR_MESSAGES[code]}：${detail}` : APP_ERROR_MESSAGES[code]);
  }
}

/** The template: the header row (with a BOM, so Excel opens it as UTF-8). */
export function caseImportTemplate(): string {
  return `\uFEFF${Object.values(CASE_IMPORT_COLUMNS).join(",")}\r\n`;
}

const CHOICES: Partial<Record<TImportField, Record<string, string>>> = {
  applicantType: { 自然人: "person", 个人: "person", 法人: "legal", 单位: "legal", 企业: "legal" },
  handlingChannel: Object.fromEntries(Object.entries(HANDLING_CHANNELS).map(([key, label]) => [label, key])),
  caseType: {
    ...Object.fromEntries(Object.entries(CASE_TYPES).map(([key, label]) => [label, key])),
    即办: "instant",
    承诺: "promised",
  },
};

const LABEL_TO_FIELD = new Map<string, TImportField>(
  Object.entries(CASE_IMPORT_COLUMNS).flatMap(([field, label]) => [
    [label, field as TImportField],
    [field.toLowerCase(), field as TImportField],
  ]),
);

function fieldsOfHeader(header: readonly string[]): (TImportField | null)[] {
  const fields = header.map(
    (cell) =>
      LABEL_TO_FIELD.get(
        cell
          .replace(/^\uFEFF/, "")
          .trim()
          .toLowerCase(),
      ) ??
      LABEL_TO_FIELD.get(cell.trim()) ??
      null,
  );
  const missing = REQUIRED.filter((field) => !fields.includes(field)).map((field) => CASE_IMPORT_COLUMNS[field]);
  if (missing.length > 0) throw new ImportFileRefusal("CASE_IMPORT_HEADER_INVALID", `缺少“${missing.join("”“")}”列`);
  return fields;
}

/** One cell as the API would have received it: absent when empty, choices in the API's words. */
function fieldValue(field: TImportField, text: string): unknown {
  if (text === "") return undefined;
  if (field === "staffBadgeNos") return text.split(/[\s,;，；、]+/).filter(Boolean);
  if (field === "promisedDays") return /^\d+$/.test(text) ? Number(text) : text;
  return CHOICES[field]?.[text] ?? text;
}

function rowsOf(table: readonly (readonly string[])[]): TImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new ImportFileRefusal("CASE_IMPORT_EMPTY");
  const fields = fieldsOfHeader(header);
  const rows: TImportRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const values: Record<string, unknown> = {};
    fields.forEach((field, column) => {
      if (field) values[field] = fieldValue(field, (cells[column] ?? "").trim());
    });
    rows.push({ rowNo: index + 2, values });
  });
  if (rows.length === 0) throw new ImportFileRefusal("CASE_IMPORT_EMPTY");
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ImportFileRefusal("CASE_IMPORT_TOO_MANY_ROWS", `本文件有 ${String(rows.length)} 行`);
  return rows;
}

/** UTF-8 (with or without BOM), else GB18030 — what Excel in China saves a "CSV" as. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new ImportFileRefusal("CASE_IMPORT_UNREADABLE");
    }
  }
}

function csvTable(bytes: Uint8Array): string[][] {
  try {
    const table: string[][] = parse(decodeText(bytes), { bom: true, relax_column_count: true, skip_empty_lines: true });
    return table;
  } catch (error) {
    if (error instanceof ImportFileRefusal) throw error;
    throw new ImportFileRefusal("CASE_IMPORT_UNREADABLE", error instanceof Error ? error.message : "");
  }
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A cell's text. exceljs reads a date cell's wall-clock time as if it were UTC, so its UTC fields
 * are the hall-local time the sheet shows; formulas give their result, rich text its runs.
 */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    return `${String(value.getUTCFullYear())}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("result" in value) return cellText(value.result);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

async function xlsxTable(bytes: Uint8Array): Promise<string[][]> {
  // Loaded on first use: exceljs holds about 28 MB of the server's memory once imported.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's load() is typed for an ArrayBuffer: hand it a copy of the bytes as one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new ImportFileRefusal("CASE_IMPORT_UNREADABLE");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileRefusal("CASE_IMPORT_EMPTY");
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? "");
  });
  return Array.from(table, (row) => row ?? []);
}

export type TImportFormat = "csv" | "xlsx";

export function importFormatOf(fileName: string): TImportFormat | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith(".csv") ? "csv" : lower.endsWith(".xlsx") ? "xlsx" : null;
}

/** The file's data rows; a file that cannot be read, lacks a required column or is too long is refused whole. */
export async function readImportFile(bytes: Uint8Array, format: TImportFormat): Promise<TImportRow[]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileRefusal("CASE_IMPORT_FILE_TOO_LARGE");
  return rowsOf(format === "csv" ? csvTable(bytes) : await xlsxTable(bytes));
}
