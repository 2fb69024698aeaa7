/**
 * 修改密码's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object,
 * its type, and the export the components read; a second locale adds a second object of that type.
 */
const zhCN = {
  title: "修改密码",
  current: "当前密码",
  next: "新密码",
  nextHelp: "至少 10 个字符，不能包含用户名，不能是常见密码。修改后，其他设备上的登录会全部退出。",
  confirm: "再次输入新密码",
  mismatch: "两次输入的新密码不一致",
  same: "新密码不能与当前密码相同",
  submit: "修改密码",
  saving: "正在修改…",
  saved: "密码已修改，其他设备上的登录已退出。",
  currentRequired: "请输入当前密码",
  forced:
    "您正在使用管理员设置的一次性密码。请先设置您自己的密码，之后才能使用管理台的其他功能。当前密码即一次性密码。",
} as const;

export type TAccountStrings = typeof zhCN;

export const accountStrings: TAccountStrings = zhCN;
