/**
 * The sign-in page's texts (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object,
 * its type, and the export the components read; a second locale adds a second object of that type.
 */
const zhCN = {
  title: "登录",
  heading: "好差评管理台",
  intro: "请使用本人账号登录。",
  username: "用户名",
  password: "密码",
  submit: "登录",
  submitting: "正在登录…",
};

export type TAuthStrings = typeof zhCN;

export const authStrings: TAuthStrings = zhCN;
