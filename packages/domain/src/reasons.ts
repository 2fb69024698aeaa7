import type { TLevel } from "./levels";

export interface TReasonCode {
  code: string;
  level: TLevel;
  label: string;
}

/**
 * The national evaluation-content list in force since 2020 (research/domain.md §4.1). The first
 * digit is the level a tag belongs to. The database keeps it as a versioned table; this constant is
 * what the migration and the seed load as version 1.
 */
export const NATIONAL_REASON_VERSION = 1;

export const NATIONAL_REASONS: readonly TReasonCode[] = [
  { code: "510", level: 5, label: "一窗受理一次办结" },
  { code: "511", level: 5, label: "可以先受理后补材料" },
  { code: "512", level: 5, label: "不用提交证明" },
  { code: "513", level: 5, label: "可以全程网上办理" },
  { code: "514", level: 5, label: "可以使用手机办理" },
  { code: "515", level: 5, label: "可以就近办理" },
  { code: "516", level: 5, label: "无需材料直接办理" },
  { code: "517", level: 5, label: "服务热情效率高" },
  { code: "406", level: 4, label: "填写一张表单就可完成申报" },
  { code: "407", level: 4, label: "在线提交材料窗口核验" },
  { code: "408", level: 4, label: "一张清单告知全部申报材料" },
  { code: "409", level: 4, label: "用告知承诺减免申报材料" },
  { code: "410", level: 4, label: "可以在线预约办理" },
  { code: "411", level: 4, label: "跑大厅一次办完" },
  { code: "412", level: 4, label: "可以使用自助机办理" },
  { code: "413", level: 4, label: "服务态度较好" },
  { code: "307", level: 3, label: "一次性告知需要补正的材料" },
  { code: "308", level: 3, label: "提供申报材料样本" },
  { code: "309", level: 3, label: "在承诺的时间内办结" },
  { code: "310", level: 3, label: "办事指南指引准确" },
  { code: "311", level: 3, label: "按办事指南要求的材料即可办理" },
  { code: "312", level: 3, label: "可以快递送达" },
  { code: "313", level: 3, label: "跑动次数与承诺的一致" },
  { code: "314", level: 3, label: "服务态度一般" },
  { code: "207", level: 2, label: "没有提供材料样本" },
  { code: "208", level: 2, label: "没有提供材料清单" },
  { code: "209", level: 2, label: "未在承诺时间内办结" },
  { code: "210", level: 2, label: "同样内容的证明材料被要求多次提交" },
  { code: "211", level: 2, label: "承诺网办但无法在线办理" },
  { code: "212", level: 2, label: "在线预约办理后到实体大厅重复取号排队" },
  { code: "213", level: 2, label: "窗口人员业务不熟练" },
  { code: "214", level: 2, label: "服务态度生硬" },
  { code: "108", level: 1, label: "在办事指南之外增加新的审批条件" },
  { code: "109", level: 1, label: "需提供办事指南之外的申报材料" },
  { code: "110", level: 1, label: "无理由超过法定办理时间" },
  { code: "111", level: 1, label: "办事指南提供样本有错" },
  { code: "112", level: 1, label: "承诺在线收取申报材料实际无法收取" },
  { code: "113", level: 1, label: "多头跑窗口和部门" },
  { code: "114", level: 1, label: "跑动次数与承诺的不一致" },
  { code: "115", level: 1, label: "服务态度差效率低" },
];
