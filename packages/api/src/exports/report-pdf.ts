import type { Content, TableCell, TDocumentDefinitions, TFontFamilyTypes } from "pdfmake/interfaces";

import { hallDateTimeText } from "@hcp/domain";

import type { TMonthlyReport } from "../services/report/types";
import { resolveReportFont, type TReportFont } from "./report-font";
import { cellText, monthlyReportDocument, type TExportDocument, type TExportTable } from "./report-sections";

/**
 * The monthly report as an A4 PDF set in a CJK font (embedded as a subset with a ToUnicode map,
 * so the Chinese can be searched and copied). Meaning never rests on colour: headers are set off
 * by rules and a light grey that prints as grey, and 红榜/黑榜/末位 are written out in words.
 */
const FONT_FAMILY = "report";

function fontFamily(font: TReportFont): TFontFamilyTypes {
  // pdfmake hands an array on to pdfkit's font(path, face) — the only way to pick a face of a
  // .ttc — but its types only know a single source, hence the cast.
  const source = (font.face ? [font.path, font.face] : font.path) as unknown as string;
  // The font has one weight: headings stand out by size and rules, not by a bold face.
  return { normal: source, bold: source, italics: source, bolditalics: source };
}

/** Figures line up on the right; words read from the left. */
function alignment(text: string): "left" | "right" | "center" {
  if (text === "—") return "center";
  return /^[-+]?\d[\d,]*(\.\d+)?%?$/.test(text) ? "right" : "left";
}

function tableContent(table: TExportTable): Content[] {
  const printed = table.columns.flatMap((column, index) => (column.printed === false ? [] : [{ column, index }]));
  const header: TableCell[] = printed.map(({ column }) => ({ text: column.header, style: "th" }));
  const body: TableCell[][] = table.rows.map((row) =>
    printed.map(({ column, index }) => {
      const text = cellText(row[index] ?? "");
      return { text, alignment: alignment(text), noWrap: column.noWrap ?? false };
    }),
  );
  const empty: TableCell[][] =
    body.length === 0
      ? [
          [
            { text: "（本月无数据）", colSpan: printed.length, style: "muted" },
            ...printed.slice(1).map(() => ({ text: "" })),
          ],
        ]
      : [];
  return [
    { text: table.title, style: "tableTitle", headlineLevel: 1 },
    {
      fontSize: table.dense ? 7.5 : 9,
      table: {
        headerRows: 1,
        // Keep a table's header with at least its first row when a page breaks.
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: printed.map(({ column }) => (column.wide ? "*" : "auto")),
        body: [header, ...body, ...empty],
      },
      layout: {
        fillColor: (rowIndex: number) => (rowIndex === 0 ? "#e6e6e6" : null),
        hLineWidth: (lineIndex: number) => (lineIndex <= 1 ? 1 : 0.5),
        vLineWidth: () => 0.5,
        hLineColor: () => "#000000",
        vLineColor: () => "#000000",
      },
    },
    ...(table.note ? [{ text: table.note, style: "note" } satisfies Content] : []),
  ];
}

function documentDefinition(report: TExportDocument): TDocumentDefinitions {
  const { sections, definitions } = report;
  const generated = hallDateTimeText(new Date(report.generatedAt));
  return {
    pageSize: "A4",
    pageMargins: [40, 48, 40, 48],
    info: { title: report.title, subject: "满意度月报", creator: "好差评平台" },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1.2 },
    styles: {
      hall: { fontSize: 14, alignment: "center", margin: [0, 40, 0, 6] },
      title: { fontSize: 24, alignment: "center", margin: [0, 0, 0, 12] },
      subtitle: { fontSize: 10, alignment: "center", margin: [0, 0, 0, 24] },
      heading: { fontSize: 14, margin: [0, 18, 0, 6] },
      tableTitle: { fontSize: 10.5, margin: [0, 8, 0, 4] },
      th: { fillColor: "#e6e6e6" },
      note: { fontSize: 8, margin: [0, 3, 0, 0] },
      muted: { fontSize: 8, alignment: "center" },
    },
    header: (currentPage: number) =>
      currentPage === 1 ? null : { text: report.title, fontSize: 8, alignment: "right", margin: [40, 24, 40, 0] },
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 / 共 ${pageCount} 页`,
      fontSize: 8,
      alignment: "center",
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: report.subject, style: "hall" },
      { text: report.heading, style: "title" },
      {
        text: `统计期间：${report.period.from} 至 ${report.period.to}（北京时间）\u3000生成时间：${generated}\u3000指标口径版本：${report.definitionsVersion}`,
        style: "subtitle",
      },
      ...sections.flatMap((section): Content[] => [
        { text: section.heading, style: "heading", headlineLevel: 1 },
        ...section.tables.flatMap(tableContent),
      ]),
      { text: "附录：指标口径", style: "heading", headlineLevel: 1, pageBreak: "before" },
      {
        text: `本报告的全部数字按以下口径计算（口径版本 ${report.definitionsVersion}）。满意度得分按 非常满意 100、满意 80、基本满意 60、不满意 40、非常不满意 20 折算。`,
        margin: [0, 0, 0, 6],
      },
      ...tableContent(definitions),
    ],
    // A heading or a table's title never ends a page on its own: in the page's last fifth it
    // moves on to the next page with its table.
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition.verticalRatio ?? 0) > 0.8,
  };
}

export async function reportPdf(report: TMonthlyReport): Promise<Buffer> {
  return documentPdf(monthlyReportDocument(report));
}

export async function documentPdf(report: TExportDocument): Promise<Buffer> {
  // Loaded on first use: pdfmake (with pdfkit and fontkit) holds about 26 MB of memory once imported.
  const { default: pdfmake } = await import("pdfmake");
  const font = resolveReportFont();
  pdfmake.setFonts({ [FONT_FAMILY]: fontFamily(font) });
  // Everything a report needs is in its JSON and the font: no URL or other file is ever read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === font.path);
  return pdfmake.createPdf(documentDefinition(report)).getBuffer();
}
