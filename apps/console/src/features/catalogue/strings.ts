/**
 * 事项目录's management texts (zh-CN): the catalogue import and the item form, in the console's one
 * shape for a feature's texts; a second locale adds a second object of type `TCatalogueStrings`.
 */
const zhCN = {
  importTitle: "事项目录导入",
  importIntro:
    "导入省级事项目录导出的 CSV 或 XLSX 文件。先预览：列出将新增、修改（逐项对照）、停用的事项和有误的行；确认后一次性导入。文件中没有列出的在用事项将停用，其办件和统计数据保留。承诺时限的修改只对修改之后受理的办件生效。",
  fileLabel: "事项目录文件（CSV 或 XLSX，不超过 10 MB）",
  templateHelp:
    "模板列：事项编码、事项名称、实施部门（名称或统一社会信用代码）、办件类型（即办件/承诺件）、承诺时限、法定时限（工作日）、是否进驻大厅（是/否）、受理窗口（窗口编号或名称，多个用顿号分隔）。",
  template: "下载导入模板（CSV）",
  preview: "预览",
  applyAll: "确认导入",
  applyValid: "仅导入无误的行",
  applyAllHint: "文件中有错误的行时不能全部导入：请修正后重新预览，或只导入无误的行。",
  previewing: "正在预览…",
  applying: "正在导入…",
  summary: (total: number, added: number, changed: number, unchanged: number, retired: number, refused: number) =>
    `共 ${String(total)} 行：新增 ${String(added)} 项，修改 ${String(changed)} 项，未变化 ${String(unchanged)} 项，停用 ${String(retired)} 项，有误 ${String(refused)} 行。`,
  applied: (added: number, changed: number, retired: number, refused: number) =>
    `导入完成：新增 ${String(added)} 项，修改 ${String(changed)} 项，停用 ${String(retired)} 项${refused > 0 ? `，有误未导入 ${String(refused)} 行` : ""}。`,
  nothingToDo: "事项目录与文件一致，没有需要导入的变动。",
  addedHeading: "新增事项",
  changedHeading: "修改的事项",
  retiredHeading: "将停用的事项",
  refusedHeading: "有误的行",
  rowNo: (row: number) => `第 ${String(row)} 行`,
  columns: {
    row: "行号",
    code: "事项编码",
    name: "事项名称",
    department: "实施部门",
    field: "项目",
    before: "原值",
    after: "新值",
    column: "列",
    message: "问题",
  },
  // The item form and page
  newItem: "新增事项",
  editItem: "编辑事项",
  backToCatalog: "返回事项目录",
  code: "事项编码",
  codeHint: "国家实施编码；保存后不能修改",
  name: "事项名称",
  department: "实施部门",
  pickDepartment: "（请选择）",
  caseType: "办件类型",
  instant: "即办件",
  promised: "承诺件",
  promisedDays: "承诺时限（工作日）",
  promisedDaysHint: "即办件填 0；修改只对之后受理的办件生效",
  legalDays: "法定时限（工作日）",
  legalDaysHint: "没有规定可不填",
  inHall: "是否进驻大厅",
  yes: "是",
  no: "否",
  windows: "受理窗口",
  noWindows: "本大厅还没有窗口",
  save: "保存",
  saving: "正在保存…",
  saved: "已保存",
  unchanged: "没有修改",
  retire: "停用事项",
  restore: "恢复事项",
  retireTitle: (code: string, name: string) => `停用事项 ${code} ${name}？`,
  retireHint: "停用后不能再受理该事项的新办件，已有办件和统计数据保留。",
  retiredState: "已停用",
  activeState: "在用",
  history: "变更记录",
  versionColumns: {
    version: "版本",
    validFrom: "生效时间",
    source: "来源",
    changedBy: "修改人",
    terms: "内容",
  },
  since: "建立时起",
  sources: { import: "目录导入", manual: "手工修改", earlier: "首次变更前" },
  versionTerms: (caseType: string, days: string, legal: string, inHall: boolean, active: boolean) =>
    `${caseType}，承诺 ${days}，法定 ${legal}，${inHall ? "进驻大厅" : "未进驻大厅"}${active ? "" : "，已停用"}`,
  days: (days: number) => `${String(days)} 个工作日`,
  none: "—",
};

export type TCatalogueStrings = typeof zhCN;

export const catalogueStrings: TCatalogueStrings = zhCN;
