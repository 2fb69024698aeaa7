/** The monthly report's downloads (SPEC §7), for the HTTP host: `@hcp/api/exports`. */
export { reportPdf } from "./report-pdf";
export { reportXlsx } from "./report-xlsx";
export { ratingRowsCsv, RATING_CSV_HEADERS } from "./rating-csv";
export { reportTitle, monthLabel } from "./report-sections";
export { resolveReportFont } from "./report-font";
export { reportDownload, REPORT_FORMATS } from "./report-download";
export { countyReportDownload } from "./county-report-download";
export type { TReportDownload, TReportDownloadRequest, TReportFormat } from "./report-download";
export { AppError } from "../errors";
export type { TMonthlyReport } from "../services/report/types";
