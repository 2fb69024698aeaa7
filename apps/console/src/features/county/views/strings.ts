/** 全县概况's texts (zh-CN), in the console's one shape for a feature's texts. */
const zhCN = {
  title: (county: string) => `${county} 全县概况`,
  liveSection: "今日与本月（实时）",
  liveNote: "各大厅有新的评价时自动刷新。数据取自与各大厅概况相同的汇总表。",
  liveRefreshed: (time: string) => `已于 ${time} 刷新`,
  hall: "大厅",
  total: "全县合计",
  today: "今日",
  month: "本月",
  cases: "办件量",
  ratings: "评价量",
  goodRate: "好评率",
  ratedRate: "评价率",
  openWorkOrders: "未办结工单",
  overdueWorkOrders: "超期工单",
  offlineEvaluators: "离线评价器",
  offlineValue: (offline: number, paired: number) => `${offline} / ${paired}`,
  departmentScope: (name: string) => `仅统计${name}在各大厅的数据。`,
  periodSection: "排名期间",
  hallRankingSection: "大厅排名",
  windowRankingSection: "窗口排名",
  population: (name: string, listed: number, ranked: number, minSample: number) =>
    `排名范围：${name}，共 ${listed} 个，其中 ${ranked} 个达到最低样本量（${minSample} 条有效评价）参与排名；不足者列出但不排名。`,
  method: (satisfaction: number, ratedRate: number, onTime: number, workOrders: number) =>
    `综合得分：满意度（好评率威尔逊下界）${satisfaction}%、评价率 ${ratedRate}%、按时办结率 ${onTime}%、按时整改率 ${workOrders}%。红榜前 5 名、黑榜后 5 名（参与排名不足 10 个时各取一半）；连续两个月排名末位者标记“末位”。`,
  rank: "名次",
  score: "综合得分",
  lowerBound: "满意度下界",
  window: "窗口",
  flags: "标记",
  red: "红榜",
  black: "黑榜",
  lastTwoMonths: "末位",
  notRanked: "样本不足",
  enterHall: "进入本厅",
  openWindow: "查看窗口",
  entering: "正在进入…",
  scopeLabel: "排名范围",
  wholeCounty: "全县所有窗口",
  withinHall: (hall: string) => `${hall}（按本厅设置）`,
  drillNote: "点击“进入本厅”或“查看窗口”将切换到该大厅，逐级查看窗口、人员、事项与评价，期间保持不变。",
};

export type TCountyViewStrings = typeof zhCN;

export const countyViewStrings: TCountyViewStrings = zhCN;
