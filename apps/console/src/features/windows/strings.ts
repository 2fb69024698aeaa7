import { WINDOW_KINDS } from "@hcp/domain";

/**
 * 窗口管理's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object, its
 * type, and the export the components read.
 */
const zhCN = {
  title: "窗口管理",
  intro:
    "大厅的窗口：编号、名称、类型、接收的部门和事项，以及在大厅中的排列顺序。窗口改名后评价器仍绑定本窗口；撤销窗口前须先解除其评价器配对。",
  listSection: "全部窗口",
  add: "新增窗口",
  addTitle: "新增窗口",
  editTitle: (code: string) => `修改窗口 ${code}`,
  cancel: "取消",
  save: "保存",
  saving: "正在保存…",
  saved: "已保存",
  code: "窗口编号",
  codeHint: "如 A01；本大厅内唯一",
  name: "窗口名称",
  kind: "窗口类型",
  kinds: WINDOW_KINDS,
  departments: "接收的部门",
  departmentsHint: "专业窗口以所选的第一个部门为所属部门",
  itemCodes: "接收的事项（事项编码，每行一个）",
  itemCodesHint: "留空表示按部门接收；填写后仅这些事项在本窗口受理",
  sortOrder: "排列顺序",
  sortOrderHint: "数字小的排在前面（评价器列表、工作台和各类报表）",
  columns: {
    order: "顺序",
    code: "编号",
    name: "名称",
    kind: "类型",
    departments: "接收部门",
    items: "事项数",
    device: "评价器",
    staff: "在岗人员",
    state: "状态",
    actions: "操作",
  },
  device: { none: "未登记", paired: "已配对", unpaired: "未配对" },
  active: "使用中",
  retired: "已撤销",
  nobody: "—",
  edit: "修改",
  retire: "撤销",
  retireTitle: (code: string) => `撤销窗口 ${code}？`,
  retireBody: [
    "撤销后窗口不再出现在工作台和评价器列表中，历史办件、评价和统计保留。",
    "窗口的评价器须已解除配对，且无人在岗。",
  ],
  retireConfirm: "确认撤销",
  noWindows: "还没有窗口，请先新增窗口",
} as const;

export type TWindowStrings = typeof zhCN;

export const windowStrings: TWindowStrings = zhCN;
