/**
 * 大厅设置's strings (zh-CN), beside the feature in the shape of `lib/strings.ts`; a second locale
 * adds a second object of type `THallStrings`.
 */
const zhCN = {
  title: "大厅设置",
  intro:
    "大厅的名称、行政区划代码（省级对接上报的 areaCode，也是办件编号的前 6 位）、地址、办公时间和标志。办公时间以外，无人上岗的评价器显示“非办公时间”，而不是“暂停服务”。每次修改都记入审计日志。",
  settingsSection: "基本信息与办公时间",
  logoSection: "大厅标志",
  name: "大厅名称",
  regionCode: "行政区划代码",
  regionCodeHint: "6 位数字（GB/T 2260），如 330122；修改后新办件编号和上报记录使用新代码",
  address: "地址（选填）",
  workingDays: "工作日办公时段",
  workingDaysHint: "按工作日历（含调休上班日）计算；本厅服务日也按此时段开放",
  nonWorkingDays: "非工作日（周末、法定节假日）",
  nonWorkingModes: { closed: "休息（本厅服务日除外）", open: "开放，按以下时段" },
  nonWorkingDayPeriods: "非工作日开放时段",
  periodLabel: (group: string, index: number) => `${group}第 ${index} 段`,
  from: "开始",
  to: "结束",
  addPeriod: "添加时段",
  removePeriod: "删除",
  preview: (text: string) => `评价器显示的办公时间：${text}`,
  save: "保存设置",
  saving: "正在保存…",
  saved: "已保存",
  readOnly: "只有系统管理员可以修改大厅设置。",
  logoNone: "尚未上传标志。",
  logoAlt: "大厅标志",
  logoFile: "选择标志图片",
  logoHint: "JPEG、PNG 或 WebP，不超过 2 MB；服务器会重新编码为不超过 512×512 的 PNG，并去掉拍摄信息等元数据。",
  logoUpload: "上传标志",
  logoUploading: "正在上传…",
  logoUploaded: "标志已更新",
  logoRemove: "删除标志",
  logoRemoveTitle: "删除大厅标志？",
  logoRemoveBody: ["删除后管理台不再显示大厅标志，可以随时重新上传。"],
  logoRemoveConfirm: "确认删除",
  logoTooLarge: "标志图片不能超过 2 MB",
  logoNotImage: "标志须为 JPEG、PNG 或 WebP 图片",
  logoChooseFirst: "请先选择标志图片",
} as const;

export type THallStrings = typeof zhCN;

export const hallStrings: THallStrings = zhCN;
