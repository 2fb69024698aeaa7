/**
 * 部门管理's strings (zh-CN), beside the feature in the shape of `lib/strings.ts`; a second locale
 * adds a second object of type `TDepartmentStrings`.
 */
const zhCN = {
  title: "部门管理",
  intro:
    "进驻大厅的部门：名称、简称、统一社会信用代码（按 GB 32100 校验）和联系人。撤销的部门保留其办件、评价与统计，但不再出现在任何选择列表中；仍有在用事项、在岗人员、窗口、账号或未办结差评工单的部门不能撤销。",
  listSection: "部门列表",
  createSection: "新建部门",
  editSection: (name: string) => `编辑部门：${name}`,
  columns: {
    name: "部门名称",
    shortName: "简称",
    creditCode: "统一社会信用代码",
    contact: "联系人",
    items: "在用事项",
    staff: "在岗人员",
    state: "状态",
    actions: "操作",
  },
  inUse: "在用",
  retiredOn: (date: string) => `已撤销（${date}）`,
  edit: "编辑",
  retire: "撤销",
  restore: "恢复",
  retireTitle: (name: string) => `撤销部门“${name}”？`,
  retireBody: [
    "撤销后，该部门不再出现在事项、窗口、人员和筛选的选择列表中。",
    "它的办件、评价和统计数据全部保留，之后也可以恢复。",
  ],
  retireConfirm: "确认撤销",
  retireRefused: (uses: string) => `该部门仍在使用中（${uses}），请先处理后再撤销。`,
  empty: "还没有部门。",
  readOnly: "只有系统管理员可以新建、编辑或撤销部门。",
  fields: {
    name: "部门名称",
    shortName: "简称（选填）",
    shortNameHint: "窗口和报表空间不足时显示，如“市场监管局”",
    creditCode: "统一社会信用代码",
    creditCodeHint: "18 位，末位为校验位；可含空格，保存时去掉并转为大写",
    contactName: "联系人（选填）",
    contactPhone: "联系电话（选填）",
  },
  create: "新建部门",
  save: "保存修改",
  cancelEdit: "取消编辑",
  saving: "正在保存…",
  created: "已新建",
  saved: "已保存",
} as const;

export type TDepartmentStrings = typeof zhCN;

export const departmentStrings: TDepartmentStrings = zhCN;
