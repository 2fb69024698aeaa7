/** 切换大厅's texts (zh-CN), in the console's one shape for a feature's texts. */
const zhCN = {
  label: "所在大厅",
  hint: (county: string) => `${county}的县级账号可以在全县各大厅之间切换；切换后各页面显示所选大厅的数据。`,
  switch: "切换",
  switching: "正在切换…",
  choose: "请选择大厅",
  villageIndent: "　└ ",
  hallsTitle: "全县大厅",
  hallsIntro:
    "本县（区）的县级政务服务中心、乡镇（街道）便民服务中心和村（社区）便民服务站。新增的大厅在“所在大厅”中切换进入后，按“开始设置”逐项建好（大厅设置、部门、事项、窗口、工作人员、账号、评价器）。",
  listSection: "大厅列表",
  columns: {
    name: "名称",
    kind: "类型",
    areaCode: "行政区划代码",
    parent: "所属乡镇",
    sortOrder: "排序",
    actions: "操作",
  },
  edit: "编辑",
  addTitle: "新增大厅",
  editTitle: (name: string) => `编辑大厅：${name}`,
  name: "大厅名称",
  kind: "大厅类型",
  areaCode: "行政区划代码",
  areaCodeHint: (county: string) =>
    `12 位统计用区划代码，须在${county}范围内：乡镇中心用乡镇一级代码（末 3 位为 000），便民服务站用所属乡镇下的村级代码`,
  parent: "所属乡镇中心",
  noParent: "请选择",
  sortOrder: "排序",
  sortOrderHint: "数字小的排在前面；县级中心排第一",
  create: "新增大厅",
  creating: "正在新增…",
  created: (name: string) => `已新增 ${name}`,
  save: "保存修改",
  saving: "正在保存…",
  saved: "已保存",
  cancel: "取消编辑",
};

export type TCountyScopeStrings = typeof zhCN;

export const countyScopeStrings: TCountyScopeStrings = zhCN;
