import {
  PROVISIONAL_CALENDAR_LABEL,
  RANKING_COMPONENT_LABELS,
  RANKING_COMPONENT_SHORT_LABELS,
  RANKING_COMPONENTS,
} from "@hcp/domain";

import type { TRateView } from "../services/overview";
import type {
  TMonthlyReport,
  TReportComparison,
  TReportCountRow,
  TReportRankedRow,
  TReportRanking,
} from "../services/report/types";

/**
 * The monthly report laid out once as titled tables, so the PDF and the XLSX show the same
 * sections, columns and words and differ only in how they draw them. A rate cell keeps the ratio
 * beside its text: the PDF prints the text, the XLSX adds the number for sorting and charts.
 */
export type TExportCell = string | number | TRateView;

interface TExportColumn {
  header: string;
  /** the column that names the row gets the spare width in the PDF */
  wide?: boolean;
  /** false: only in the XLSX (a long code the printed page has no room for) */
  printed?: boolean;
  /** a short name the PDF keeps on one line */
  noWrap?: boolean;
  /**
   * its text cells are figures (a score, an average, a share such as "12.50%"): the XLSX writes
   * their exact decimal with a format that shows the same text. Any other text — a name, a code,
   * an identifier — stays text, or Excel would round an 18-digit code.
   */
  figures?: boolean;
}

export interface TExportTable {
  title: string;
  columns: TExportColumn[];
  rows: TExportCell[][];
  /** printed under the table: how to read it (weights, minimum sample …) */
  note?: string;
  /** many columns: printed in a smaller size */
  dense?: boolean;
}

export interface TExportSection {
  /** the heading in the PDF, e.g. "一、概况与同比环比" */
  heading: string;
  /** the XLSX sheet name (≤ 31 characters, no []:*?/\) */
  sheetName: string;
  tables: TExportTable[];
}

export function isRateView(cell: TExportCell): cell is TRateView {
  return typeof cell === "object";
}

export function cellText(cell: TExportCell): string {
  if (isRateView(cell)) return cell.text;
  return typeof cell === "number" ? cell.toLocaleString("zh-CN") : cell;
}

/** "2023年6月" for "2023-06". */
export function monthLabel(month: string): string {
  const [year, monthOfYear] = month.split("-");
  return `${year}年${Number(monthOfYear)}月`;
}

/** Whose figures: the hall, or the hall and one department (a department head's report). */
function reportSubject(report: TMonthlyReport): string {
  const department = report.scope?.departmentName;
  return department ? `${report.hall.name} ${department}` : report.hall.name;
}

export function reportTitle(report: TMonthlyReport): string {
  return `${reportSubject(report)} ${monthLabel(report.month)} 满意度月报`;
}

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function countTable(title: string, what: string, rows: TReportCountRow[]): TExportTable {
  return {
    title,
    columns: [{ header: what, wide: true }, { header: "数量" }, { header: "占比", figures: true }],
    rows: rows.map((row) => [row.label, row.count, row.share]),
  };
}

/** 红榜 1 / 黑榜 1: said in words so the lists read the same printed in black and white. */
function honourMark(ranking: TReportRanking, id: number): string {
  const marks: string[] = [];
  const red = ranking.red.indexOf(id);
  const black = ranking.black.indexOf(id);
  if (red >= 0) marks.push(`红榜第${red + 1}`);
  if (black >= 0) marks.push(`黑榜第${black + 1}`);
  return marks.join("、");
}

/** The ranking columns' on-time figures counted on a year without a confirmed schedule, said in words; "" otherwise. */
function rankingProvisionalNote(deadlines: TMonthlyReport["summary"]["deadlinesProvisional"]): string {
  const figures = [
    deadlines.onTimeCompletion.current ? "按时办结率" : "",
    deadlines.workOrders ? "按时整改率" : "",
  ].filter(Boolean);
  return figures.length > 0 ? `${figures.join("、")}${PROVISIONAL_CALENDAR_LABEL}（该年节假日安排尚未确认）。` : "";
}

function rankingNote(ranking: TReportRanking): string {
  const weights = RANKING_COMPONENTS.map((key) => `${RANKING_COMPONENT_LABELS[key]} ${ranking.weights[key]}`).join(
    "，",
  );
  // Reports archived before definitions 2026.2 ranked the hall and state no population.
  const population = ranking.population
    ? `排名范围：${ranking.population.name}，${ranking.population.ranked} 个参与排名。`
    : "";
  return `${population}综合得分权重：${weights}；没有有效差评的，按时整改率按 100% 计。有效评价少于 ${ranking.minSample} 条的不参与排名（备注“样本不足”）。“末位”指本月与上月均在同一范围内排名最后。`;
}

/** Each ranked row's components: value × weight (after re-spreading) = points; none for reports archived before 2026.2. */
function breakdownTables(ranking: TReportRanking, subject: string): TExportTable[] {
  const ranked = ranking.rows.filter((row) => (row.breakdown ?? []).length > 0);
  if (ranked.length === 0) return [];
  return [
    {
      title: `${subject}得分构成`,
      columns: [
        { header: "排名" },
        { header: subject, wide: true },
        ...RANKING_COMPONENTS.map((key) => ({
          header: `${RANKING_COMPONENT_SHORT_LABELS[key]}（数值 × 权重 = 得分）`,
        })),
        { header: "综合得分", figures: true },
      ],
      rows: ranked.map((row) => [
        row.rank ?? "—",
        row.name,
        ...RANKING_COMPONENTS.map((key) => {
          const part = row.breakdown?.find((candidate) => candidate.key === key);
          if (!part) return "";
          return part.basis === "missing"
            ? "—（无数据，不计）"
            : `${part.value} × ${part.effectiveWeight} = ${part.points}`;
        }),
        row.score,
      ]),
      note: "权重为大厅设定的权重；某项无数据时不计，其权重按比例分摊到其余各项（表中为分摊后的权重）。没有有效差评的，按时整改率按 100% 计。",
      dense: true,
    },
  ];
}

export function rankingTables(
  ranking: TReportRanking,
  subject: string,
  deadlines: TMonthlyReport["summary"]["deadlinesProvisional"],
): TExportTable[] {
  const byId = new Map(ranking.rows.map((row) => [row.id, row]));
  const list = (title: string, ids: number[], black = false): TExportTable => ({
    title,
    columns: [
      { header: "名次" },
      { header: subject, wide: true },
      { header: "综合得分", figures: true },
      { header: "好评率" },
      { header: "有效评价" },
      ...(black ? [{ header: "主要失分", wide: true }] : []),
    ],
    rows: ids.flatMap((id, index) => {
      const row = byId.get(id);
      return row
        ? [[index + 1, row.name, row.score, row.goodRate, row.validRatings, ...(black ? [row.pulledDownBy ?? ""] : [])]]
        : [];
    }),
  });
  const marks = (row: TReportRankedRow): string =>
    [honourMark(ranking, row.id), row.lastTwoMonthsRunning ? "末位（连续两月）" : "", row.note]
      .filter(Boolean)
      .join("；");
  return [
    {
      title: `${subject}排名`,
      columns: [
        { header: "排名" },
        { header: "编号", printed: false },
        { header: subject, wide: true },
        { header: "综合得分", figures: true },
        { header: "办件量" },
        { header: "有效评价" },
        { header: "评价率" },
        { header: "好评率" },
        { header: "按时办结率" },
        { header: "差评" },
        { header: "按时整改率" },
        { header: "榜单与备注" },
      ],
      rows: ranking.rows.map((row) => [
        row.rank ?? "—",
        row.code,
        row.name,
        row.score,
        row.casesCompleted,
        row.validRatings,
        row.ratedRate,
        row.goodRate,
        row.onTimeCompletionRate,
        row.badRatings,
        // A window without valid bad reviews is scored 100 % here; the cell says so rather than "—".
        row.breakdown?.find((part) => part.key === "workOrders" && part.basis === "full")?.value ??
          row.workOrderOnTimeRate,
        marks(row),
      ]),
      note: `${rankingNote(ranking)}${rankingProvisionalNote(deadlines)}`,
      dense: true,
    },
    ...breakdownTables(ranking, subject),
    list("红榜（前五名）", ranking.red),
    list("黑榜（后五名，最后一名在前）", ranking.black, true),
  ];
}

/** Which months of a figure rest on a year without a confirmed schedule, said in words. */
function provisionalNote(provisional: TMonthlyReport["summary"]["workingDaysProvisional"]): {
  current: string;
  compared: string;
} {
  const compared = [
    provisional.current ? "本月" : "",
    provisional.previousMonth ? "上月" : "",
    provisional.lastYear ? "去年同月" : "",
  ].filter(Boolean);
  return {
    current: provisional.current ? `（${PROVISIONAL_CALENDAR_LABEL}）` : "",
    compared: compared.length > 0 ? `（${compared.join("、")}${PROVISIONAL_CALENDAR_LABEL}）` : "",
  };
}

function summaryTables(report: TMonthlyReport): TExportTable[] {
  const summary = report.summary;
  const note = provisionalNote(summary.workingDaysProvisional);
  const onTimeNote = provisionalNote(summary.deadlinesProvisional.onTimeCompletion);
  const comparedLabel = (row: TReportComparison): string =>
    row.key === "dailyAverage"
      ? `${row.label}${note.compared}`
      : row.key === "onTimeCompletionRate"
        ? `${row.label}${onTimeNote.compared}`
        : row.label;
  return [
    {
      title: "本月概况",
      columns: [
        { header: "指标", wide: true },
        { header: "数值", figures: true },
      ],
      rows: [
        ["办件量", summary.casesCompleted],
        [`工作日数${note.current}`, summary.workingDays],
        ["自然日数", summary.calendarDays],
        [`日均办件量（按工作日）${note.current}`, summary.dailyAverage.perWorkingDay],
        ["日均办件量（按自然日）", summary.dailyAverage.perCalendarDay],
        ["有效评价数", summary.validRatings],
        ["评价量（主动评价）", summary.ratings],
        ["差评数", summary.badRatings],
      ],
    },
    comparisonTable("同比环比", summary.comparisons, comparedLabel),
  ];
}

/** Figures this month, the month before and a year earlier, with 环比 and 同比. */
export function comparisonTable(
  title: string,
  rows: readonly TReportComparison[],
  labelOf: (row: TReportComparison) => string = (row) => row.label,
): TExportTable {
  return {
    title,
    columns: [
      { header: "指标", wide: true },
      { header: "本月" },
      { header: "上月" },
      { header: "环比" },
      { header: "去年同月" },
      { header: "同比" },
    ],
    rows: rows.map((row) => [
      labelOf(row),
      row.current,
      row.previousMonth,
      row.changeVsPreviousMonth,
      row.lastYear,
      row.changeVsLastYear,
    ]),
  };
}

function coverageTable(report: TMonthlyReport): TExportTable {
  const coverage = report.coverage;
  return {
    title: "设备与覆盖",
    columns: [{ header: "项目", wide: true }, { header: "数量" }],
    rows: [
      ["办结办件", coverage.casesCompleted],
      ["发出评价邀请（请评价）", coverage.promptsSent],
      ["评价邀请超时未评", coverage.promptsTimedOut],
      ["已评价办件", coverage.casesRated],
      ["其中默认评价", coverage.casesRatedByDefault],
      ["评价期限届满未评办件", coverage.casesClosedUnrated],
      ["已登记评价器", coverage.devices.registered],
      ["已配对评价器", coverage.devices.paired],
    ],
  };
}

export function reportSections(report: TMonthlyReport): TExportSection[] {
  const bad = report.badReviews;
  const sections: Omit<TExportSection, "heading">[] = [
    { sheetName: "概况与同比环比", tables: summaryTables(report) },
    { sheetName: "评价等级", tables: [countTable("评价等级分布", "评价等级", report.ratingsByLevel)] },
    { sheetName: "评价渠道", tables: [countTable("评价渠道分布", "评价渠道", report.ratingsByChannel)] },
    { sheetName: "窗口排名", tables: rankingTables(report.windows, "窗口", report.summary.deadlinesProvisional) },
    { sheetName: "部门排名", tables: rankingTables(report.departments, "部门", report.summary.deadlinesProvisional) },
    {
      sheetName: "差评分析",
      tables: [
        countTable(`差评原因（差评共 ${bad.total} 条）`, "评价内容", bad.byReason),
        countTable("差评较多的事项", "服务事项", bad.byItem),
        countTable("差评较多的窗口", "窗口", bad.byWindow),
        countTable("差评工单状态", "工单状态", bad.workOrderStates),
        {
          title: "差评整改指标",
          columns: [{ header: "指标", wide: true }, { header: "数值" }],
          rows: bad.workOrderRates.map((row) => [
            row.key === "onTimeRate" && report.summary.deadlinesProvisional.workOrders
              ? `${row.label}（${PROVISIONAL_CALENDAR_LABEL}）`
              : row.label,
            row.value,
          ]),
        },
      ],
    },
    {
      sheetName: "重点事项",
      tables: [
        countTable("办件量前列的事项", "服务事项", report.topItems.byVolume),
        countTable("差评较多的事项", "服务事项", report.topItems.byBadReviews),
      ],
    },
    { sheetName: "设备与覆盖", tables: [coverageTable(report)] },
  ];
  return numberedSections(sections);
}

/** Sections headed 一、二、… in the order given, each named by its sheet. */
export function numberedSections(sections: readonly Omit<TExportSection, "heading">[]): TExportSection[] {
  return sections.map((section, index) => ({
    ...section,
    heading: `${CHINESE_NUMERALS[index] ?? index + 1}、${section.sheetName}`,
  }));
}

/** The appendix: the definitions the figures were computed with, and their version. */
export function definitionsTable(report: Pick<TMonthlyReport, "definitionsVersion" | "definitions">): TExportTable {
  return {
    title: `指标口径（版本 ${report.definitionsVersion}）`,
    columns: [
      { header: "指标", noWrap: true },
      { header: "口径", wide: true },
    ],
    rows: report.definitions.map((definition) => [definition.name, definition.definition]),
  };
}

/**
 * A report as the PDF and the XLSX draw it: its words (title, whose figures, the period) and its
 * sections. The hall's monthly report and the county's both become one.
 */
export interface TExportDocument {
  /** e.g. "某县政务服务中心 2023年6月 满意度月报": the PDF's running header and the XLSX's title */
  title: string;
  /** the cover's first line: the hall or county */
  subject: string;
  /** the cover's title, e.g. "2023年6月 满意度月报" */
  heading: string;
  period: { from: string; to: string };
  generatedAt: string;
  definitionsVersion: string;
  sections: TExportSection[];
  definitions: TExportTable;
}

export function monthlyReportDocument(report: TMonthlyReport): TExportDocument {
  return {
    title: reportTitle(report),
    subject: reportSubject(report),
    heading: `${monthLabel(report.month)} 满意度月报`,
    period: report.period,
    generatedAt: report.generatedAt,
    definitionsVersion: report.definitionsVersion,
    sections: reportSections(report),
    definitions: definitionsTable(report),
  };
}
