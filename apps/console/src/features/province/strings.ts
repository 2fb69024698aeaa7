/**
 * The 省级对接 screen's strings (zh-CN), beside the feature in the shape of `lib/strings.ts`; a
 * second locale adds a second object of type `TProvinceStrings`.
 */
const zhCN = {
  title: "省级对接",
  intro:
    "每条评价、追评、差评剔除和整改办结都在同一事务中进入发送队列，按国家好差评接口字段报送省级平台；对方拒收的记录连同原因停放在下方，修正后可重新发送。",
  configSection: "对接设置",
  enabled: "启用报送",
  endpoint: "对接地址",
  endpointHelp: "省级平台接收评价记录的地址，每条记录以 JSON 单独 POST。",
  channel6: "本平台“电话”（6）对应的省级渠道代码",
  channel7: "本平台“短信”（7）对应的省级渠道代码",
  channelHelp: "各省 6、7 两个渠道代码含义不同；留空表示原样报送。",
  levelCoding: "满意度编码",
  levelCodings: { national: "国家好差评接口（5 = 非常满意）", gbt39046: "GB/T 39046 附录 A.8（1 = 非常满意）" },
  dataSource: "数据来源代码",
  timeoutMs: "等待省级平台应答（毫秒）",
  save: "保存设置",
  saving: "正在保存…",
  saved: "已保存",
  readOnly: "只有系统管理员可以修改对接设置。",
  endpointInvalid: "对接地址须以 http:// 或 https:// 开头",
  codeInvalid: "请填写 1 到 99 的整数，或留空",
  dataSourceInvalid: "数据来源代码须为数字",
  timeoutInvalid: "请填写 1000 到 60000 的整数",
  reconciliationSection: "每日对账（近 14 天）",
  reconciliationEmpty: "近 14 天没有需要报送的记录。",
  columns: {
    date: "日期",
    queued: "入队",
    sent: "已发送",
    accepted: "省级已接收",
    rejected: "被拒收（停放）",
    pending: "待发送",
  },
  rejectedSection: "被拒收的记录",
  rejectedEmpty: "没有被拒收的记录。",
  rejectedColumns: {
    kind: "类型",
    refId: "记录编号",
    attempts: "发送次数",
    reason: "拒收原因",
    settledAt: "拒收时间",
    action: "操作",
  },
  requeue: "重新发送",
} as const;

export type TProvinceStrings = typeof zhCN;
export const provinceStrings: TProvinceStrings = zhCN;
