import { API_SCOPES } from "@hcp/domain";

/** The 接口调用方 page's texts (zh-CN); the navigation label lives in lib/strings.ts. */
const zhCN = {
  title: "接口调用方",
  intro:
    "业务系统（12345 热线、短信平台、省级应用等）通过 REST 接口 /api/v1 登记办件、提交其他渠道的评价和读取统计数据。每个调用方有自己的密钥、可访问的大厅、权限范围和每分钟调用上限。",
  createSection: "新建调用方",
  listSection: "已有调用方",
  callsSection: (name: string) => `${name} 的最近调用`,
  name: "名称",
  nameHelp: "如“12345 热线”，便于在调用记录中辨认",
  halls: "可访问的大厅",
  scopes: "权限范围",
  scopeLabels: API_SCOPES,
  rateLimit: "每分钟调用上限",
  rateLimitHelp: "超过上限的调用返回 429，并在 Retry-After 中告知等待秒数",
  rateLimitInvalid: "请填写 1 到 10000 的整数",
  hallsRequired: "请至少选择一个大厅",
  create: "创建并生成密钥",
  creating: "正在创建…",
  keyHeading: (name: string) => `${name} 的密钥`,
  keyWarning: "密钥只显示这一次，关闭后无法再次查看。请立即复制并保存到业务系统的配置中；遗失后只能轮换生成新密钥。",
  keyUsage: "调用时放在请求头 Authorization: Bearer <密钥> 或 X-Api-Key: <密钥> 中。",
  copy: "复制密钥",
  copied: "已复制",
  copyFailed: "无法访问剪贴板，请手动选中密钥复制",
  keySaved: "我已保存，关闭",
  keyPrefix: "密钥前缀",
  createdAt: "创建时间",
  lastUsedAt: "最近调用",
  neverUsed: "从未调用",
  status: "状态",
  active: "正常",
  revoked: "已吊销",
  actions: "操作",
  rotate: "轮换密钥",
  rotateConfirm: (name: string) => `为“${name}”生成新密钥？旧密钥将立即失效，业务系统需要改用新密钥。`,
  revoke: "吊销",
  revokeConfirm: (name: string) => `吊销“${name}”？该调用方的所有调用将立即被拒绝，且不能恢复。`,
  showCalls: "调用记录",
  noClients: "尚未创建调用方",
  noCalls: "暂无调用记录",
  callAt: "时间",
  callRoute: "接口",
  callStatus: "结果",
  callDuration: "耗时（毫秒）",
  callRequestId: "请求编号",
  callsNote: "调用记录在调用完成后批量写入，可能比实际调用晚几秒出现；不记录请求内容和个人信息。",
} as const;

export type TApiClientStrings = typeof zhCN;

export const apiClientStrings: TApiClientStrings = zhCN;
