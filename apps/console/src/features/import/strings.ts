/**
 * The 办件导入 screen's strings (zh-CN), beside the feature in the shape of `lib/strings.ts`; a
 * second locale adds a second object of type `TImportStrings`.
 */
const zhCN = {
  title: "办件导入",
  intro:
    "从业务系统导出的 CSV 或 XLSX 文件批量登记、更正办件。先校验：有错误的行会逐行列出；没有错误时可全部导入，也可只导入无误的行。同一办件编号再次导入时更新原办件，不会重复。",
  fileLabel: "导入文件（CSV 或 XLSX，不超过 10 MB、50000 行）",
  fileRequired: "请选择要导入的文件",
  fileType: "只能导入 .csv 或 .xlsx 文件",
  fileTooLarge: "文件超过 10 MB，请拆分后再导入",
  template: "下载导入模板（CSV）",
  templateHelp:
    "模板第一行为列名；多个经办人工号用分号分隔，第一个为主办人；时间按大厅当地时间填写，如 2026-03-02 09:30:00。",
  check: "先校验",
  importAll: "全部导入",
  importValid: "仅导入无误的行",
  importAllHint: "文件中有错误的行时不能全部导入：请修正后重新校验，或只导入无误的行。",
  uploading: "正在上传…",
  progressLabel: (checking: boolean) => (checking ? "校验进度" : "导入进度"),
  progressText: (progress: number) => `${String(progress)}%`,
  checked: (total: number, valid: number, errors: number) =>
    `校验完成：共 ${String(total)} 行，无误 ${String(valid)} 行，有误 ${String(errors)} 行。`,
  imported: (created: number, updated: number, unchanged: number, errors: number) =>
    `导入完成：新增 ${String(created)} 行，更新 ${String(updated)} 行，未变化 ${String(unchanged)} 行${errors > 0 ? `，有误未导入 ${String(errors)} 行` : ""}。`,
  interrupted: "导入在服务器重启时中断。请重新导入该文件：已导入的办件会被更新，不会重复。",
  errorsHeading: "有误的行",
  errorsShown: (shown: number, total: number) => `仅列出前 ${String(shown)} 条，共 ${String(total)} 条问题。`,
  columns: { row: "行号", column: "列", message: "问题" },
  rowNo: (row: number) => `第 ${String(row)} 行`,
} as const;

export type TImportStrings = typeof zhCN;
export const importStrings: TImportStrings = zhCN;
