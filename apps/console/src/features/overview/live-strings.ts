/**
 * The live part of 大厅概况 and the trend charts (zh-CN), beside the feature like the performance
 * screens' table; the rest of the overview reads `lib/strings.ts`.
 */
const zhCN = {
  liveSection: "今日与本月",
  liveNote: "新的评价提交后，本区数据自动刷新。",
  liveRefreshed: (time: string) => `已于 ${time} 自动刷新`,
  metric: "指标",
  today: "今日",
  month: "本月",
  monthRange: (from: string, to: string) => `${from} 至 ${to}`,
  rows: {
    cases: "办件量",
    dailyAverage: "日均办件量",
    ratings: "评价量",
    ratedRate: "评价率",
    goodRate: "好评率",
    activeGoodRate: "主动评价好评率",
    badRatings: "差评",
    openWorkOrders: "未办结差评工单",
    overdueWorkOrders: "已超期差评工单",
  },
  devicesOffline: "离线评价器",
  devicesOfflineValue: (offline: number, paired: number) => `${offline} / ${paired} 台`,
  devicesHint: "已配对评价器中超过 2 分钟未发送心跳的台数（当前状态）。",
  // trend charts
  trendSection: "趋势",
  dailySection: (from: string, to: string) => `每日办件量与评价量（${from} 至 ${to}）`,
  weeklySection: (from: string, to: string) => `每周好评率（${from} 至 ${to}）`,
  cases: "办件量",
  ratings: "评价量",
  goodRate: "好评率",
  date: "日期",
  week: "周",
  weekLabel: (from: string, to: string) => `${from.slice(5)}～${to.slice(5)}`,
  validRatings: "有效评价",
  trendTable: "查看数据表",
};

export type TLiveStrings = typeof zhCN;

export const liveStrings: TLiveStrings = zhCN;
