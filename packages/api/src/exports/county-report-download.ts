import { admit, ruleOf } from "../access";
import type { TContext } from "../context-types";
import { appError } from "../errors";
import { countyReport, getCountyReportVersion, listCountyReportVersions } from "../services/county/report/archive";
import type { TCountyMonthlyReport } from "../services/county/report/build";
import { requireCountyScope } from "../services/county/scope";
import { requireClosedMonth } from "../services/report/month";
import { countyReportDocument, hallRows } from "./county-report-sections";
import type { TReportDownload, TReportFormat } from "./report-download";
import { documentPdf } from "./report-pdf";
import { cellText } from "./report-sections";
import { documentXlsx } from "./report-xlsx";

/**
 * The county monthly report as a file (GET /reports/county/{yyyy-mm}.pdf|.xlsx|.csv[?version=N]):
 * only for a county-scoped user, of their own county. PDF and XLSX hold the whole report; the CSV
 * its table of halls (the county's row first, then one per hall with every rate). Every format
 * reads the same version: the named one, else the newest ready one, else a live build.
 */
export interface TCountyReportDownloadRequest {
  month: string;
  format: TReportFormat;
  version?: number;
}

const CONTENT_TYPES: Record<TReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

async function archivedVersion(ctx: TContext, countyId: number, month: string, version: number) {
  const row = (await listCountyReportVersions(ctx, countyId, month)).find((candidate) => candidate.version === version);
  if (row?.status === "generating") throw appError("REPORT_GENERATING", "CONFLICT");
  const archived = row ? await getCountyReportVersion(ctx, countyId, row.id) : null;
  if (!archived?.report) throw appError("REPORT_VERSION_NOT_FOUND", "NOT_FOUND");
  return archived.report;
}

/** RFC 4180 with a BOM, so Excel opens the Chinese as UTF-8. */
function hallsCsv(report: TCountyMonthlyReport): Buffer {
  const { header, rows } = hallRows(report);
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [header, ...rows.map((row) => row.map(cellText))].map((line) => line.map(quote).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export async function countyReportDownload(
  context: TContext,
  request: TCountyReportDownloadRequest,
): Promise<TReportDownload> {
  await admit(context, ruleOf("county.reportDownload"));
  // Bad input is refused before whose county it is, as a procedure's input check comes first.
  requireClosedMonth(request.month, context.now());
  // Outside tRPC the context names no user until the session is read, as report.download reads it.
  const user = await context.credentials.user();
  if (!user) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  const { county } = await requireCountyScope({ ...context, user });
  let report: TCountyMonthlyReport;
  let version = request.version;
  if (version !== undefined) {
    report = await archivedVersion(context, county.id, request.month, version);
  } else {
    const view = await countyReport(context, county.id, request.month);
    report = view.report;
    version = view.version ?? undefined;
  }
  const suffix = version === undefined ? "" : `-v${String(version)}`;
  const stem = `${county.areaCode.slice(0, 6)}-${request.month}`;
  const body =
    request.format === "pdf"
      ? await documentPdf(countyReportDocument(report))
      : request.format === "xlsx"
        ? await documentXlsx(countyReportDocument(report))
        : hallsCsv(report);
  return {
    contentType: CONTENT_TYPES[request.format],
    filename: `${stem}-${county.name}-全县满意度月报${suffix}.${request.format}`,
    asciiFilename: `${stem}-county-report${suffix}.${request.format}`,
    body,
  };
}
