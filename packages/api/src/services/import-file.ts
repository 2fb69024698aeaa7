import { parse } from "csv-parse/sync";
import type { CellValue } from "exceljs";

import { APP_ERROR_MESSAGES, keysOf, type TAppErrorCode } from "@hcp/domain";

import { appError } from "../errors";

/**
 * What every file import of the console shares (办件导入, 事项目录导入): the upload's bytes, a CSV
 * or XLSX file read into a table of trimmed texts, its header matched to a column template, and
 * the refusals of a file as a whole. Each import maps the rows onto its own fields and rules.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 50_000;

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

/** A file as the console uploads it. */
export interface TImportFile {
  fileName: string;
  /** the file's bytes as base64, or a CSV's text as it is */
  content: string;
  encoding: "base64" | "text";
}

/** The upload's bytes; a file over the limit is refused before (base64) or after decoding. */
export function importFileBytes(file: TImportFile): Uint8Array {
  // base64 is 4 characters per 3 bytes: a file far too large is refused before it is decoded.
  const limit = file.encoding === "base64" ? Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4 : MAX_IMPORT_BYTES * 4;
  if (file.content.length > limit) throw appError("CASE_IMPORT_FILE_TOO_LARGE", "PAYLOAD_TOO_LARGE");
  const bytes = file.encoding === "base64" ? Buffer.from(file.content, "base64") : Buffer.from(file.content, "utf8");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw appError("CASE_IMPORT_FILE_TOO_LARGE", "PAYLOAD_TOO_LARGE");
  return bytes;
}

/** A template's header row as a CSV file (with a BOM, so Excel opens it as UTF-8). */
export function templateCsv(columns: Readonly<Record<string, string>>): string {
  return `\uFEFF${Object.values(columns).join(",")}\r\n`;
}

/**
 * The table's data rows keyed by the template's fields. Headers may be the template's Chinese
 * labels or the field names; an unknown column is ignored, a missing required one refuses the file.
 */
export function tableRows<F extends string>(
  table: readonly (readonly string[])[],
  columns: Readonly<Record<F, string>>,
  required: readonly F[],
  fieldValue: (field: F, text: string) => unknown,
): TImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new ImportFileRefusal("CASE_IMPORT_EMPTY");
  const byLabel = new Map<string, F>();
  for (const field of keysOf(columns)) {
    byLabel.set(columns[field], field);
    byLabel.set(field.toLowerCase(), field);
  }
  const fields = header.map((cell) => {
    // A unit in brackets after the label (承诺时限（工作日）) names the same column.
    const label = cell
      .replace(/^\uFEFF/, "")
      .trim()
      .replace(/\s*[（(][^（()）]*[）)]$/, "");
    return byLabel.get(label) ?? byLabel.get(label.toLowerCase()) ?? null;
  });
  const missing = required.filter((field) => !fields.includes(field)).map((field) => columns[field]);
  if (missing.length > 0) throw new ImportFileRefusal("CASE_IMPORT_HEADER_INVALID", `缺少“${missing.join("”“")}”列`);
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

/** The file as a table of cell texts; a file that cannot be read or is too large is refused whole. */
export async function readImportTable(bytes: Uint8Array, format: TImportFormat): Promise<string[][]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileRefusal("CASE_IMPORT_FILE_TOO_LARGE");
  return format === "csv" ? csvTable(bytes) : xlsxTable(bytes);
}
