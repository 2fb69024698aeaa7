/**
 * 账号管理's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object, its
 * type, and the export the components read.
 */
const zhCN = {
  title: "账号管理",
  intro:
    "管理台的登录账号：角色决定能使用的功能，部门负责人限于其部门，窗口工作人员关联其工作人员记录（工号、照片、上岗窗口）。新建账号和重置密码时生成一次性密码（只显示这一次，首次登录须修改），或生成设置密码链接由本人设置密码。停用账号立即结束其所有登录。",
  listSection: "全部账号",
  add: "新建账号",
  addTitle: "新建账号",
  editTitle: (username: string) => `修改账号 ${username}`,
  cancel: "取消",
  save: "保存",
  saving: "正在保存…",
  username: "用户名",
  usernameHint: "3–32 位字母、数字、点、下划线或连字符；创建后不能修改",
  displayName: "姓名",
  role: "角色",
  department: "负责的部门",
  staff: "关联的工作人员",
  choose: "请选择",
  staffTaken: "（已有账号）",
  columns: {
    username: "用户名",
    displayName: "姓名",
    role: "角色",
    scope: "范围",
    state: "状态",
    lastSignIn: "最近登录",
    actions: "操作",
  },
  wholeHall: "全大厅",
  active: "启用",
  disabled: "已停用",
  mustChange: "待修改初始密码",
  never: "从未登录",
  edit: "修改",
  reset: "重置密码",
  disable: "停用",
  enable: "启用",
  noAccounts: "还没有账号。",
  passwordHeading: (username: string) => `账号 ${username} 的一次性密码`,
  passwordWarning: "请现在把密码交给本人：关闭后不会再显示，服务器只保存它的校验值。对方首次登录时须改为自己的密码。",
  passwordDone: "已交给本人，关闭",
  handover: "交给本人的方式",
  handovers: {
    password: "一次性密码（现在显示一次，首次登录须修改）",
    link: "设置密码链接（72 小时内有效，只能使用一次，由本人设置密码）",
  },
  link: "发送设置密码链接",
  linkHeading: (username: string) => `账号 ${username} 的设置密码链接`,
  linkWarning: (expiresAt: string) =>
    `请现在把链接交给本人：关闭后不会再显示。链接在 ${expiresAt} 前有效，只能使用一次；重置密码、停用账号或再次生成链接后即失效。`,
  linkTitle: (username: string) => `为账号 ${username} 生成设置密码链接？`,
  linkBody: ["原密码立即失效，该账号在所有设备上的登录都会退出；之前生成的链接作废。本人打开新链接后设置自己的密码。"],
  linkConfirm: "生成链接",
  resetTitle: (username: string) => `重置账号 ${username} 的密码？`,
  resetBody: ["将生成新的一次性密码，原密码立即失效，该账号在所有设备上的登录都会退出。"],
  resetConfirm: "确认重置",
  disableTitle: (username: string) => `停用账号 ${username}？`,
  disableBody: ["该账号将不能登录，正在使用的登录会立即结束；窗口工作人员推送中的评价邀请会撤回。之后可以重新启用。"],
  disableConfirm: "确认停用",
};

export type TAccountsStrings = typeof zhCN;

export const accountsStrings: TAccountsStrings = zhCN;
