/**
 * 工作日历's texts: the year, its days and the holiday schedule (zh-CN), in the console's one shape for a feature's texts: a `zhCN` object,
 * its type, and the export the components read; a second locale adds a second object of that type.
 */
const zhCN = {
  title: "工作日历",
  yearSection: "年度",
  year: "年份",
  yearOption: (year: number) => `${year} 年`,
  workingDays: (year: number, count: string) => `${year} 年共 ${count} 个工作日`,
  intro:
    "法定节假日和调休上班日以国务院办公厅每年发布的通知为准。办件期限、工单期限和日均办件量均按本日历的工作日计算。",
  scopeAdmin: "您是系统管理员，可以设置全国法定节假日和调休上班日。",
  scopeManager: "法定节假日和调休上班日由系统管理员统一设置；您可以登记本大厅的服务日。",
  scopeReader: "本页仅供查看。",
  calendarSection: (year: number) => `${year}年日历`,
  legend: "图例",
  kinds: { workday: "工作日", weekend: "周末", holiday: "法定节假日", makeup: "调休上班" },
  marks: { holiday: "休", makeup: "班", service: "服" },
  legendNotes: {
    workday: "只显示日期",
    weekend: "六、日两列，灰底",
    holiday: "标“休”，红底",
    makeup: "标“班”，黄底",
    service: "标“服”，虚线框",
  },
  serviceDay: "本厅服务日",
  today: "今天",
  weekdays: ["一", "二", "三", "四", "五", "六", "日"],
  weekdayNames: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
  dateLabel: (year: number, month: number, day: number) => `${year}年${month}月${day}日`,
  shortDate: (month: number, day: number) => `${month}月${day}日`,
  yearPrefix: (year: number) => `${year}年`,
  monthCaption: (month: number) => `${month}月`,
  summarySection: "节假日安排",
  noExceptions: "本年度尚未设置法定节假日和调休上班日。",
  unnamed: "未命名",
  summaryHolidays: "放假",
  summaryMakeup: "调休上班",
  rangeDays: (from: string, to: string, days: number) =>
    days === 1 ? `${from}（1 天）` : `${from}至${to}（${days} 天）`,
  listSeparator: "、",
  // national calendar (admin)
  dayFormSection: "设置法定节假日和调休",
  dayFormHelp:
    "发布新一年的放假通知后，逐日设置放假日期和调休上班日期；设错的日期可“恢复常规”（周一至周五上班，周末休息）。",
  date: "日期",
  setAs: "设为",
  dayKinds: { holiday: "法定节假日", makeup: "调休上班", regular: "恢复常规" },
  name: "节日名称",
  nameHint: "如“国庆节”；恢复常规时无需填写",
  save: "保存",
  saving: "正在保存…",
  daySaved: (date: string, kind: string) => `已将 ${date} 设为${kind}`,
  // the hall's service days (admin, hall manager)
  serviceSection: "本厅服务日",
  serviceHelp: "本大厅在周末或节假日安排延时、预约服务时在此登记；服务日的办件照常统计。",
  serviceDateLabel: "服务日期",
  note: "服务说明",
  noteHint: "如“周六预约服务”，最多 100 个字",
  remove: "取消该日的服务安排",
  removeSubmit: "取消服务日",
  serviceSaved: (date: string) => `已登记 ${date} 为本厅服务日`,
  serviceRemoved: (date: string) => `已取消 ${date} 的服务安排`,
  serviceList: "本年度服务日",
  serviceDate: "日期",
  serviceKind: "当日类型",
  noServiceDays: "本年度暂无服务日。",
  // a year's schedule: confirmation, the warning, the notice-shaped form and its import
  confirmedBy: (year: number, who: string, when: string) => `${year} 年节假日安排已确认：${who}，${when}`,
  unconfirmed: (year: number) =>
    `${year} 年节假日安排尚未确认：该年的办件期限、工单期限和工作日数暂按周末计算（周一至周五上班），确认后自动重算。`,
  awaitingNotice: (years: string) =>
    `尚未录入并确认 ${years} 年的法定节假日安排。确认之前，该年的期限和日均办件量暂按周末计算。`,
  awaitingLink: (year: number) => `录入 ${year} 年安排`,
  yearsSeparator: "、",
  provisionalHint: "该年的法定节假日安排尚未确认，暂按周一至周五上班计算；确认后自动重算。",
  onTimeCompletion: "按时办结率",
  workOrderOnTime: "按时整改率",
  provisionalDeadlines: (figures: string) =>
    `${figures}的期限按周一至周五上班计算（该年节假日安排尚未确认），确认后自动重算。`,
  scheduleSection: (year: number) => `录入 ${year} 年节假日安排`,
  scheduleHelp:
    "按国务院办公厅放假通知逐条填写：每个节日的放假起止日期，以及调休上班的周六、周日。也可导入文件后核对再确认。",
  holidaysLegend: "放假安排",
  makeupLegend: "调休上班日",
  holidayName: "节日",
  from: "放假开始",
  to: "放假结束",
  makeupDate: "上班日期",
  rowLabel: (kind: string, index: number) => `${kind}第 ${index} 条`,
  addHoliday: "添加放假安排",
  addMakeup: "添加调休上班日",
  removeRow: "删除",
  noMakeupDays: "没有调休上班日。",
  importLabel: "从文件导入",
  importHint:
    "CSV 表头为“类型,名称,开始日期,结束日期”，类型填“放假”或“调休上班”（调休上班结束日期留空）；也可用同样结构的 JSON。",
  imported: (name: string) => `已导入 ${name}，请核对后确认。`,
  importFailed: (name: string) => `${name} 无法导入：`,
  confirmSchedule: (year: number) => `确认 ${year} 年节假日安排`,
  confirming: "正在确认…",
  scheduleConfirmed: (year: number, moved: number) =>
    moved > 0 ? `${year} 年节假日安排已确认，已按新日历重算 ${moved} 张工单的期限。` : `${year} 年节假日安排已确认。`,
};

export type TCalendarStrings = typeof zhCN;

export const calendarStrings: TCalendarStrings = zhCN;
