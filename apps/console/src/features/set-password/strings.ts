/**
 * 设置密码's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object, its
 * type, and the export the components read.
 */
const zhCN = {
  title: "设置密码",
  heading: "设置您的密码",
  greeting: (displayName: string, username: string) =>
    `${displayName}，您好：请为账号 ${username} 设置登录密码。设置后即登录管理台，以后用此密码登录。`,
  expires: (time: string) => `此链接在 ${time} 前有效，只能使用一次。`,
  checking: "正在核对链接…",
  missing: "链接不完整：请打开管理员发给您的完整链接。",
  next: "新密码",
  nextHelp: "至少 10 个字符，不能包含用户名，不能是常见密码。",
  confirm: "再次输入新密码",
  submit: "设置密码并登录",
  saving: "正在设置…",
  toSignIn: "返回登录页",
} as const;

export type TSetPasswordStrings = typeof zhCN;

export const setPasswordStrings: TSetPasswordStrings = zhCN;
