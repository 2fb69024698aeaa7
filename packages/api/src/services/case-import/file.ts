import { readImportTable, tableRows, templateCsv, type TImportFormat, type TImportRow } from "../import-file";
import { CASE_TYPES, HANDLING_CHANNELS } from "../integration-case/schema";

/**
 * A CSV or XLSX file of cases, read into rows of the API's field names. Headers may be the
 * template's Chinese labels or the API's names; cells that spell a choice in Chinese (自然人,
 * 承诺件, 窗口 …) become the API's values, so the row then meets exactly the API's schema.
 */

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

/** The template: the header row (with a BOM, so Excel opens it as UTF-8). */
export function caseImportTemplate(): string {
  return templateCsv(CASE_IMPORT_COLUMNS);
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

/** One cell as the API would have received it: absent when empty, choices in the API's words. */
function fieldValue(field: TImportField, text: string): unknown {
  if (text === "") return undefined;
  if (field === "staffBadgeNos") return text.split(/[\s,;，；、]+/).filter(Boolean);
  if (field === "promisedDays") return /^\d+$/.test(text) ? Number(text) : text;
  return CHOICES[field]?.[text] ?? text;
}

/** The file's data rows; a file that cannot be read, lacks a required column or is too long is refused whole. */
export async function readImportFile(bytes: Uint8Array, format: TImportFormat): Promise<TImportRow[]> {
  return tableRows(await readImportTable(bytes, format), CASE_IMPORT_COLUMNS, REQUIRED, fieldValue);
}
