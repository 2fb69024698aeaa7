/**
 * The breakdown screens' texts (zh-CN). Kept beside the feature rather than in lib/strings.ts so
 * several engineers can grow the console's tables at once; a second locale swaps this object too.
 */
const zhCN = {
  title: "统计分析",
  periodSection: "统计期间",
  invalidSearch: "地址中的统计期间无效，已显示本月至今的数据。",
  tabsLabel: "分析维度",
  views: {
    departments: "部门",
    items: "服务事项",
    channels: "评价渠道",
    reasons: "评价内容",
    coverage: "评价覆盖",
  },
  departmentScope: "您是部门负责人，以下数据仅包含本部门。",
  definitionHint: "将鼠标移到表头（或用 Tab 键聚焦）可查看指标定义。",
  // departments
  departmentName: "部门名称",
  itemCount: "事项数",
  itemCountDefinition: "该部门在本大厅进驻的服务事项数。",
  // items
  itemsIntro: (limit: number) => `按办件量从高到低排列，最多列出前 ${limit} 项。`,
  departmentFilter: "所属部门",
  allDepartments: "全部部门",
  itemCode: "事项编码",
  itemName: "事项名称",
  itemDepartment: "所属部门",
  // channels
  channel: "评价渠道",
  channelCode: "渠道代码",
  channelCodeDefinition:
    "国家好差评接口的评价渠道代码（pf）：1 PC端，2 移动端，3 二维码，4 政务大厅平板电脑，5 政务大厅其他终端，6 电话，7 短信。",
  channelRatings: "有效评价",
  channelRatingsDefinition: "经该渠道提交的首次有效评价条数（含默认评价，不含剔除的评价）。",
  channelShare: "占比",
  channelShareDefinition: "该渠道的有效评价 ÷ 全部渠道的有效评价。",
  // reasons
  reasonsIntro: "差评的评价内容排在前面；一条评价可选多项内容，各项占比之和可能超过 100%。",
  reasonLevel: "评价等级",
  reasonLevelDefinition: "选择该评价内容时的评价等级：5 非常满意 … 1 非常不满意；不满意、非常不满意为差评。",
  reasonCode: "内容代码",
  reasonCodeDefinition: "国家好差评评价内容代码，首位数字即评价等级。",
  reasonLabel: "评价内容",
  reasonCount: "次数",
  reasonCountDefinition: "统计期内首次有效评价中选择该项内容的次数。",
  reasonShare: "占比",
  reasonShareDefinition: "差评内容：次数 ÷ 差评条数；好评内容：次数 ÷ 好评条数。",
  badTag: "差评",
  goodTag: "好评",
  // coverage
  coverageExplain:
    "评价覆盖说明样本有多大：评价器推送了多少次、群众作答多少、超时多少、有多少办件没有评价。评价样本少时，好评率高并不代表群众满意，请结合评价率一起看。",
  coverageWindow: "窗口",
  coverageTotal: "合计",
  coverage: {
    casesCompleted: "办结",
    promptsSent: "推送评价",
    promptsRated: "作答",
    promptsTimedOut: "超时",
    casesRated: "已评价",
    casesRatedByDefault: "默认评价",
    casesClosedUnrated: "未评",
    ratedRate: "评价率",
    promptAnswerRate: "推送作答率",
  },
  coverageDefinitions: {
    casesCompleted: "统计期内办结的办件数。",
    promptsSent: "窗口人员按“请评价”后推送到评价器的次数。",
    promptsRated: "推送后群众在评价器上提交了评价的次数。",
    promptsTimedOut: "推送后群众在规定时间内没有作答、评价器自动返回的次数；超时不记为评价。",
    casesRated: "已有首次评价的办件数（含默认评价）。",
    casesRatedByDefault: "评价期限届满后按省级规定记为默认评价的办件数（默认关闭）。",
    casesClosedUnrated: "评价期限已届满、群众没有主动评价的办件数。",
    ratedRate: "已评价的办件数 ÷ 办结的办件数。",
    promptAnswerRate: "作答次数 ÷ 推送评价次数。",
  },
  // metrics without an entry in METRIC_DEFINITIONS
  badRatings: "差评",
  badRatingsDefinition: "统计期内的有效差评条数（不满意、非常不满意），不含经申诉核实剔除的评价。",
};

export type TAnalysisStrings = typeof zhCN;

export const analysisStrings: TAnalysisStrings = zhCN;
