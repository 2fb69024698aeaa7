import type { TSetupCheck, TSetupStep } from "@hcp/domain";

/**
 * 开始设置's strings (zh-CN), beside the feature in the shape of `lib/strings.ts`; a second locale
 * adds a second object of type `TSetupStrings`.
 */
const zhCN = {
  title: "开始设置",
  intro:
    "按以下顺序建好大厅：大厅信息 → 部门 → 事项目录 → 窗口 → 工作人员 → 账号 → 评价器。每一步都在对应的页面完成；本页根据大厅的实际数据列出还缺什么，全部完成后大厅即可接受评价。",
  ready: "设置已全部完成，大厅可以接受评价。",
  pending: (count: number) => `还有 ${count} 项未完成，完成前大厅还不能接受评价。`,
  stepsLabel: "设置步骤",
  stepHeading: (index: number, label: string) => `${index}. ${label}`,
  done: "已完成",
  missing: "未完成",
  steps: {
    hall: { label: "大厅信息", link: "前往大厅设置" },
    departments: { label: "部门", link: "前往部门管理" },
    catalogue: { label: "事项目录", link: "前往事项目录导入" },
    windows: { label: "窗口", link: "前往窗口管理" },
    staff: { label: "工作人员", link: "前往工作人员" },
    accounts: { label: "账号", link: "前往账号管理" },
    evaluators: { label: "评价器", link: "前往评价器管理" },
  } satisfies Record<TSetupStep, { label: string; link: string }>,
  checks: {
    hallName: "填写大厅名称",
    regionCode: "填写行政区划代码",
    department: "至少一个在用部门",
    serviceItem: "至少一个在用事项",
    window: "至少一个启用的窗口接收部门或事项",
    staff: "至少一名在岗工作人员设有常驻窗口",
    windowStaff: "每个启用的窗口都有可上岗的工作人员",
    staffAccounts: "每名在岗工作人员都有账号",
    evaluators: "每个启用的窗口都已配对评价器",
  } satisfies Record<TSetupCheck, string>,
  lackingWindows: "尚缺的窗口：",
  lackingStaff: "尚无账号的工作人员：",
  separator: "、",
  noAccess: "此步骤由系统管理员完成",
  ref: (code: string, name: string) => `${code} ${name}`,
};

export type TSetupStrings = typeof zhCN;

export const setupStrings: TSetupStrings = zhCN;
