import { isKeyOf, METRIC_DEFINITIONS, type TMetricKey } from "@hcp/domain";

/**
 * What every column of the performance tables means, for its hover and its accessible
 * description. Figures take SPEC §6's definitions from @hcp/domain (the ones the monthly report
 * prints); the few columns that are not metrics say what they hold here.
 */
const OWN_DEFINITIONS = {
  rank: "按综合得分从高到低排名；综合得分相同时评价多者在前。有效评价少于最低样本量的窗口不参与排名，显示“样本不足”。",
  window: "窗口编号和名称；点击可查看该窗口的工作人员。",
  staff:
    "统计期内在该窗口上岗（按上岗、离岗记录）或在该窗口办结过办件的工作人员，按办件量从多到少排列；不是此刻在岗的人。",
  badReviews: "统计期内产生的有效差评条数（申诉成立的差评不计）。",
  flags: "红榜：综合得分前 5 名；黑榜：后 5 名；末位：按整月统计时本月和上月均排名最后。",
  badge: "工作人员的工号。",
  staffName: "办理办件的工作人员；点击可查看其办理的服务事项。",
  department: "工作人员或事项所属的部门。",
  itemCode: "服务事项的实施编码。",
  itemName: "服务事项名称；点击可查看逐条评价。",
  badRatings: "差评（不满意、非常不满意）条数。",
} as const;

export type TColumnKey = TMetricKey | keyof typeof OWN_DEFINITIONS;

export function definitionOf(key: TColumnKey): string {
  return isKeyOf(OWN_DEFINITIONS, key) ? OWN_DEFINITIONS[key] : METRIC_DEFINITIONS[key].definition;
}
