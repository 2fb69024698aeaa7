import { keysOf } from "@hcp/domain";

import { readImportTable, tableRows, templateCsv, type TImportFormat, type TImportRow } from "../import-file";

/**
 * The province's catalogue export as a CSV or XLSX file: one row per item, the columns below (a
 * header may carry a unit in brackets, 承诺时限（工作日）). Cells stay text here; the plan reads them.
 */
export const CATALOGUE_COLUMNS = {
  code: "事项编码",
  name: "事项名称",
  department: "实施部门",
  caseType: "办件类型",
  promisedDays: "承诺时限",
  legalDays: "法定时限",
  inHall: "是否进驻大厅",
  windows: "受理窗口",
} as const;

export type TCatalogueField = keyof typeof CATALOGUE_COLUMNS;

const REQUIRED: readonly TCatalogueField[] = ["code", "name", "department", "caseType", "promisedDays"];

export function catalogueTemplate(): string {
  return templateCsv(CATALOGUE_COLUMNS);
}

export interface TCatalogueFile {
  rows: TImportRow[];
  /** the optional columns the file has: an absent one leaves that term of existing items as it is */
  columns: ReadonlySet<TCatalogueField>;
}

export async function readCatalogueFile(bytes: Uint8Array, format: TImportFormat): Promise<TCatalogueFile> {
  const rows = tableRows(await readImportTable(bytes, format), CATALOGUE_COLUMNS, REQUIRED, (_field, text) => text);
  const columns = new Set<TCatalogueField>();
  for (const field of keysOf(CATALOGUE_COLUMNS)) if (rows[0] && field in rows[0].values) columns.add(field);
  return { rows, columns };
}
