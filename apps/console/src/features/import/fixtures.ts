import type { TImportView } from "./import-types";

/** An import job's report as the server answers it; tests override what they look at. */
export function importView(overrides: Partial<TImportView> = {}): TImportView {
  return {
    id: 7,
    fileName: "办件.csv",
    format: "csv",
    mode: "validate",
    status: "done",
    progress: 100,
    totalRows: 3,
    validRows: 2,
    errorRows: 1,
    createdRows: 0,
    updatedRows: 0,
    unchangedRows: 0,
    errorCount: 1,
    errors: [{ row: 3, field: "itemCode", column: "事项编码", message: "事项编码 NOPE 不存在或不属于本大厅" }],
    failure: "",
    createdAt: "2026-11-26T02:00:00.000Z",
    finishedAt: "2026-11-26T02:00:01.000Z",
    ...overrides,
  };
}
