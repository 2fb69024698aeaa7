import { CERTIFICATE_STATES } from "@hcp/domain";

/**
 * 工作人员's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object, its
 * type, and the export the components read.
 */
const zhCN = {
  title: "工作人员",
  intro:
    "窗口工作人员的工号、所属部门、可上岗的窗口（第一个为常驻窗口）、联系电话（加密保存）和上岗证。离职的人员保留在册，其办件、评价和工单不受影响。",
  listSection: "全部人员",
  add: "新增人员",
  addTitle: "新增工作人员",
  editTitle: (badgeNo: string) => `修改工作人员 ${badgeNo}`,
  cancel: "取消",
  save: "保存",
  saving: "正在保存…",
  badgeNo: "工号",
  name: "姓名",
  department: "所属部门",
  pickDepartment: "请选择部门",
  homeWindow: "常驻窗口",
  pickWindow: "请选择窗口",
  otherWindows: "其他可上岗的窗口",
  phone: "联系电话",
  phoneHintNew: "11 位手机号，选填；加密保存，列表中脱敏显示",
  phoneHintEdit: (masked: string) => (masked ? `现为 ${masked}；留空则不修改` : "未登记；留空则不登记"),
  certificateNo: "上岗证编号",
  certificateExpiresOn: "上岗证有效期至",
  certificateHint: "持证上岗：编号与有效期同时填写；过期后管理员会收到提示，评价器亮牌显示“上岗证已过期”",
  columns: {
    photo: "照片",
    badgeNo: "工号",
    name: "姓名",
    department: "部门",
    windows: "上岗窗口",
    phone: "电话",
    certificate: "上岗证",
    state: "状态",
    actions: "操作",
  },
  home: "（常驻）",
  none: "—",
  certificateStates: CERTIFICATE_STATES,
  active: "在岗",
  left: (date: string) => `${date} 离职`,
  edit: "修改",
  leave: "离职",
  leaveTitle: (name: string) => `将 ${name} 标记为离职？`,
  leaveBody: [
    "离职后不能再在窗口上岗；若此刻正在上岗，将立即离岗，未完成的评价邀请一并撤回。",
    "人员记录及其办件、评价和工单保留。",
  ],
  leaveConfirm: "确认离职",
  warning: (expired: number, expiring: number) =>
    [expired > 0 ? `${expired} 人上岗证已过期` : "", expiring > 0 ? `${expiring} 人上岗证将在 30 天内到期` : ""]
      .filter(Boolean)
      .join("，") + "，请督促及时换证（持证上岗）。",
  photoAlt: (name: string) => `${name}的照片`,
  photo: {
    upload: "上传照片",
    uploading: "正在上传…",
    label: (name: string) => `上传${name}的亮牌照片（JPEG、PNG 或 WebP，不超过 5 MB）`,
    notImage: "照片须为 JPEG、PNG 或 WebP 格式的图片",
    tooLarge: "照片不能超过 5 MB",
    unreadable: "无法读取该文件，请重新选择",
  },
  noStaff: "还没有工作人员",
} as const;

export type TStaffStrings = typeof zhCN;

export const staffStrings: TStaffStrings = zhCN;
