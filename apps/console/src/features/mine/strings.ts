/** 我的评价 (window staff), zh-CN, beside the feature like the performance screens' table. */
const zhCN = {
  title: "我的评价",
  periodSection: "统计期间",
  upToYesterday: (to: string) => `数据统计截至昨日（${to}）。为保证评价的独立性，当天的评价次日才会显示。`,
  nothingYet: "所选期间还没有截至昨日的数据。",
  figuresSection: "我的指标",
  trendSection: "趋势",
  commentsSection: "群众意见",
  commentsNote: "以下意见已隐去评价人身份，只显示日期和评价等级。",
  noComments: "所选期间没有群众留言。",
  figures: {
    cases: "办件量",
    ratings: "评价量",
    ratedRate: "评价率",
    goodRate: "好评率",
    activeGoodRate: "主动评价好评率",
    badRatings: "差评",
    score: "满意度得分",
    onTimeCompletionRate: "按时办结率",
  },
};

export type TMineStrings = typeof zhCN;

export const mineStrings: TMineStrings = zhCN;
