import type { TCountyMonthlyReport } from "../services/county/report/build";
import {
  comparisonTable,
  countTable,
  definitionsTable,
  monthLabel,
  numberedSections,
  rankingTables,
  type TExportCell,
  type TExportDocument,
  type TExportTable,
} from "./report-sections";

/**
 * The county monthly report laid out as the hall report is (report-sections.ts), for the same PDF
 * and XLSX drawing: the county's figures with 环比/同比, a row per hall with every rate, the halls'
 * ranking with 红黑榜 and 末位, and bad reviews by hall and reason with their work orders' states.
 */
const NOT_PROVISIONAL = {
  onTimeCompletion: { current: false, previousMonth: false, lastYear: false },
  workOrders: false,
};

type TFigures = TCountyMonthlyReport["total"];

/** The figures' labels in the report's order: 办件量 … 回访整改满意率. */
function figureLabels(report: TCountyMonthlyReport): string[] {
  return report.total.comparisons.map((row) => row.label);
}

function hallName(row: TFigures, countyName: string): string {
  return row.hall?.name ?? `${countyName}（全县合计）`;
}

/** One row per hall (and the county's first): every rate this month. */
export function hallRows(report: TCountyMonthlyReport): { header: string[]; rows: TExportCell[][] } {
  const header = ["服务大厅", ...figureLabels(report)];
  const rows = [report.total, ...report.halls].map((row): TExportCell[] => [
    hallName(row, report.county.name),
    ...row.comparisons.map((comparison) => comparison.current),
  ]);
  return { header, rows };
}

function changeTable(report: TCountyMonthlyReport, title: string, pick: "changeVsPreviousMonth" | "changeVsLastYear") {
  return {
    title,
    columns: [{ header: "服务大厅", wide: true }, ...figureLabels(report).map((label) => ({ header: label }))],
    rows: [report.total, ...report.halls].map((row) => [
      hallName(row, report.county.name),
      ...row.comparisons.map((comparison) => comparison[pick]),
    ]),
    dense: true,
  } satisfies TExportTable;
}

function badReviewTables(report: TCountyMonthlyReport): TExportTable[] {
  const bad = report.badReviews;
  return [
    {
      title: `差评原因（按大厅，差评共 ${bad.total} 条）`,
      columns: [
        { header: "服务大厅", wide: true },
        { header: "评价内容", wide: true },
        { header: "数量" },
        { header: "占本厅差评", figures: true },
      ],
      rows: bad.byHallReason.map((row) => [row.hallName, row.label, row.count, row.share]),
    },
    ...bad.workOrderStates.map((hall) =>
      countTable(`${hall.hallName} 差评工单状态（共 ${hall.total} 件）`, "工单状态", hall.states),
    ),
  ];
}

export function countyReportDocument(report: TCountyMonthlyReport): TExportDocument {
  const rows = hallRows(report);
  const heading = `${monthLabel(report.month)} 全县满意度月报`;
  return {
    title: `${report.county.name} ${heading}`,
    subject: report.county.name,
    heading,
    period: report.period,
    generatedAt: report.generatedAt,
    definitionsVersion: report.definitionsVersion,
    sections: numberedSections([
      { sheetName: "全县概况", tables: [comparisonTable("全县同比环比", report.total.comparisons)] },
      {
        sheetName: "各大厅指标",
        tables: [
          {
            title: "各大厅本月指标",
            columns: rows.header.map((header, index) => ({ header, wide: index === 0 })),
            rows: rows.rows,
            dense: true,
          },
          changeTable(report, "各大厅环比", "changeVsPreviousMonth"),
          changeTable(report, "各大厅同比", "changeVsLastYear"),
        ],
      },
      { sheetName: "大厅排名", tables: rankingTables(report.ranking, "服务大厅", NOT_PROVISIONAL) },
      { sheetName: "差评分析", tables: badReviewTables(report) },
    ]),
    definitions: definitionsTable(report),
  };
}
