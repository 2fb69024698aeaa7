/**
 * 事项目录's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object,
 * its type, and the export the components read; a second locale adds a second object of that type.
 */
const zhCN = {
  title: "事项目录",
  departmentsSection: "进驻部门",
  departmentCount: (count: string) => `共 ${count} 个部门`,
  allDepartments: "全部部门",
  itemsOfDepartment: (count: string) => `${count} 项`,
  itemsSection: "服务事项",
  itemCount: (count: string) => `共 ${count} 项`,
  search: "关键词",
  searchHint: "事项编码、名称或部门",
  searchTooLong: "搜索词不能超过 50 字",
  department: "所属部门",
  submit: "查询",
  reset: "重置",
  code: "事项编码",
  name: "事项名称",
  caseType: "办件类型",
  instant: "即办件",
  promised: (days: number) => `承诺件（${days} 个工作日）`,
  noItems: "没有符合条件的事项",
  status: "状态",
  statuses: { active: "在用", retired: "已停用", all: "全部" },
  legalDays: "法定时限",
  days: (days: number) => `${String(days)} 个工作日`,
  windows: "受理窗口",
  notInHall: "未进驻大厅",
  none: "—",
  edit: "编辑",
  editLabel: (code: string) => `编辑事项 ${code}`,
  newItem: "新增事项",
  importItems: "导入事项目录",
};

export type TCatalogStrings = typeof zhCN;

export const catalogStrings: TCatalogStrings = zhCN;
