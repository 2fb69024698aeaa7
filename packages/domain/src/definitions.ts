import { METRIC_DEFINITIONS_VERSION } from "./metrics";

/**
 * What each figure means, in the words SPEC §6 uses: shown on hover in the console and printed in
 * every report's appendix, tagged with METRIC_DEFINITIONS_VERSION so an archived report says which
 * definitions it was computed with.
 */
export const METRIC_KEYS = [
  "casesCompleted",
  "dailyAverage",
  "ratings",
  "ratedRate",
  "goodRate",
  "activeGoodRate",
  "badRate",
  "unratedRate",
  "score",
  "onTimeCompletionRate",
  "meanHandlingHours",
  "replyRate",
  "contactRectifyRate",
  "onTimeRate",
  "followUpSatisfaction",
  "compositeScore",
  "wilsonLowerBound",
  "honourLists",
] as const;
export type TMetricKey = (typeof METRIC_KEYS)[number];

export interface TMetricDefinition {
  key: TMetricKey;
  name: string;
  definition: string;
}

export const METRIC_DEFINITIONS: Record<TMetricKey, TMetricDefinition> = {
  casesCompleted: {
    key: "casesCompleted",
    name: "办件量",
    definition: "统计期内办结的办件数（按办结时间，北京时间）。",
  },
  dailyAverage: {
    key: "dailyAverage",
    name: "日均办件量",
    definition: "办件量 ÷ 统计期内的工作日数（按节假日与调休日历）；按自然日计算的数值一并列出。",
  },
  ratings: {
    key: "ratings",
    name: "评价量",
    definition: "统计期内的首次、主动、有效评价数：不含追评、默认评价和经申诉核实剔除的评价。",
  },
  ratedRate: {
    key: "ratedRate",
    name: "评价率",
    definition: "已评价的办件数 ÷ 办结的办件数（按办件的办结时间统计）。",
  },
  goodRate: {
    key: "goodRate",
    name: "好评率（满意率）",
    definition: "好评（非常满意、满意、基本满意）÷ 有效评价（含默认评价，不含剔除的评价）。",
  },
  activeGoodRate: {
    key: "activeGoodRate",
    name: "主动评价好评率",
    definition: "主动给出的好评 ÷ 主动评价（不含默认评价）。",
  },
  badRate: { key: "badRate", name: "差评率", definition: "差评（不满意、非常不满意）÷ 有效评价。" },
  unratedRate: {
    key: "unratedRate",
    name: "未评率",
    definition: "评价期限已届满、没有群众主动评价（未评价或仅有默认评价）的办件 ÷ 评价期限已届满的办件。",
  },
  score: {
    key: "score",
    name: "满意度得分",
    definition: "有效评价的平均分：非常满意 100、满意 80、基本满意 60、不满意 40、非常不满意 20。",
  },
  onTimeCompletionRate: {
    key: "onTimeCompletionRate",
    name: "按时办结率",
    definition: "在承诺期限（工作日）内办结的承诺件 ÷ 办结的承诺件；即办件不计入。",
  },
  meanHandlingHours: {
    key: "meanHandlingHours",
    name: "平均办理时长",
    definition: "办结办件从受理到办结的平均时长（小时）。",
  },
  replyRate: {
    key: "replyRate",
    name: "差评回复率",
    definition: "已向群众反馈整改结果的差评工单 ÷ 有效差评（统计期内产生）。",
  },
  contactRectifyRate: {
    key: "contactRectifyRate",
    name: "回访整改率",
    definition: "已回访且已整改的差评工单 ÷ 有效差评。",
  },
  onTimeRate: {
    key: "onTimeRate",
    name: "按时整改率",
    definition:
      "在整改期限（工作日，含批准的延期）内整改的差评工单 ÷ 有效差评。没有有效差评时本比率无从计算；综合得分中该项按 100% 计。",
  },
  followUpSatisfaction: {
    key: "followUpSatisfaction",
    name: "回访整改满意率",
    definition: "追评为好评的 ÷ 追评总数。",
  },
  compositeScore: {
    key: "compositeScore",
    name: "综合得分",
    definition:
      "满意度（好评率的威尔逊下界）、评价率、按时办结率、按时整改率四项，各乘以大厅设定的权重（合计 100）后相加，折算为 100 分；每项的得分贡献 = 该项数值 × 权重。统计期内没有有效差评的，按时整改率按 100% 计（没有需要整改的差评，不应低于差评全部按时整改的窗口）。没有办结的承诺件的，按时办结率不计，其权重按比例分摊到其余各项；评价率在没有办结办件时同样处理。有效评价少于最低样本量的窗口列出但不参与排名。得分相同的，有效评价多者在前，再按窗口编号。",
  },
  wilsonLowerBound: {
    key: "wilsonLowerBound",
    name: "满意度下界",
    definition: "好评率 95% 置信区间（威尔逊区间）的下界：样本越少越保守，3 条好评不会排在 1,000 条 99% 好评之前。",
  },
  honourLists: {
    key: "honourLists",
    name: "红榜／黑榜／末位",
    definition:
      "在同一排名范围内计算并注明范围：全厅的窗口（或部门），部门负责人看到的是本部门办件在各窗口的排名。红榜为综合得分前 5 名，黑榜为后 5 名（最后一名在前）；参与排名的不足 10 个时，两榜各取参与排名数的一半（向下取整），同一窗口不会同时上红榜和黑榜。末位：按整月统计时，在同一范围内本月和上月均排名最后（每月至少 2 个参与排名），末位总在黑榜第一。黑榜各条注明拉低得分的项目及本范围的整体水平。",
  },
};

export function metricDefinitionList(): { version: string; definitions: TMetricDefinition[] } {
  return { version: METRIC_DEFINITIONS_VERSION, definitions: METRIC_KEYS.map((key) => METRIC_DEFINITIONS[key]) };
}
